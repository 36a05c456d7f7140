package dev.creditcontrol.decision;

/** The moment in an order's life a decision was made at. */
public enum Checkpoint {
    /** The host is about to accept an order. */
    ORDER,
    /** The host is about to ship goods of an accepted order. */
    SHIPMENT
}
