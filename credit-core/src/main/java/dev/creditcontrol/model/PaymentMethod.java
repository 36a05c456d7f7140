package dev.creditcontrol.model;

/** How an order is paid; only {@link #CREDIT} adds to the customer's credit exposure. */
public enum PaymentMethod {
    CREDIT, PREPAYMENT, CASH_ON_DELIVERY
}
