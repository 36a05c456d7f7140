package dev.creditcontrol.model;

/** A customer's credit grade, {@link #A} best; grade {@link #D} allows no credit sale. */
public enum CreditGrade {
    A, B, C, D
}
