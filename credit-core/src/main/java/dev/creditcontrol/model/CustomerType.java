package dev.creditcontrol.model;

/** The kind of buyer; it decides which licences a line requires and how much overdue is tolerated. */
public enum CustomerType {
    HOSPITAL, CLINIC, DISTRIBUTOR, AGENT, OTHER
}
