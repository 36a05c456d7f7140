package dev.creditcontrol.decision;

/** Early-warning level of a customer, in increasing severity. */
public enum WarningLevel {
    /** Monitor as usual. */
    GREEN,
    /** Tighten review: check orders more closely, review the limit. */
    ORANGE,
    /** Act: suspend shipments or cooperation, start collection. */
    RED;

    /** The next level up (RED stays RED). */
    public WarningLevel up() {
        return this == RED ? RED : values()[ordinal() + 1];
    }
}
