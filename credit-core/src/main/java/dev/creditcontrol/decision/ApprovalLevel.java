package dev.creditcontrol.decision;

/** Who may release an escalated order, in increasing authority. */
public enum ApprovalLevel {
    SALES_MANAGER, CREDIT_MANAGER, FINANCE_DIRECTOR
}
