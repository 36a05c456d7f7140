package dev.creditcontrol.decision;

/**
 * What the host should do with an order. Declared in severity order: a later constant is more
 * severe, and the most severe outcome among a decision's findings wins.
 */
public enum Outcome {
    /** Release the order. */
    APPROVE,
    /** Hold the order for approval at {@link CreditDecision#requiredApproval()}. */
    ESCALATE,
    /** Refuse this order; a changed order (smaller, prepaid) may pass. */
    REJECT,
    /** Refuse this order and freeze the account until an authorised release. */
    FREEZE;

    /** Whether this outcome is more severe than {@code other}. */
    public boolean isMoreSevereThan(Outcome other) {
        return compareTo(other) > 0;
    }
}
