package dev.creditcontrol.decision;

/** How a collection notice speaks, from a friendly reminder to the last notice before legal steps. Declared mildest first. */
public enum Tone {
    /** A friendly reminder, for good customers and early stages. */
    GENTLE,
    /** A clear request to pay now. */
    FIRM,
    /** Payment is seriously late: credit is at stake. */
    URGENT,
    /** The last notice before the account is handed to collection or legal steps. */
    FINAL
}
