package dev.creditcontrol.facts;

/** How a required licence stands on the order date. */
public enum LicenceStatus {
    /** Held, valid on the order date and covering the category. */
    VALID,
    /** Held and valid, but no such licence covers the category. */
    OUT_OF_SCOPE,
    /** Held, but none is valid on the order date (expired or not yet in force). */
    NOT_VALID,
    /** Not held at all. */
    MISSING
}
