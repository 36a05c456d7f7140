package dev.creditcontrol.decision;

/** What an early warning asks the credit team to do. */
public enum WarningAction {
    /** Look at the credit limit again. */
    REVIEW_LIMIT,
    /** Lower the credit limit. */
    REDUCE_LIMIT,
    /** Stop shipping on credit until resolved. */
    SUSPEND_SHIPMENTS,
    /** Start collecting overdue receivables. */
    START_COLLECTION,
    /** Ask the customer to renew a licence. */
    RENEW_LICENCE
}
