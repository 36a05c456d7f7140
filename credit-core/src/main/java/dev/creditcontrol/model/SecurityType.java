package dev.creditcontrol.model;

/** The kind of a security held against a customer's credit; the rule set decides how much of each it counts. */
public enum SecurityType {
    /** 银行保函: a bank guarantees payment. */
    BANK_GUARANTEE,
    /** 信用保险: an insurer covers part of a default. */
    CREDIT_INSURANCE,
    /** 保证金: cash deposited with the seller. */
    DEPOSIT
}
