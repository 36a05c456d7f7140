package dev.creditcontrol.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What a host asks the engine to check at one checkpoint: an order about to be accepted (and,
 * later, a shipment about to leave). The evaluation path takes any of them through one door.
 */
public sealed interface CreditRequest permits OrderRequest {
    /** The host's id of the order this request belongs to. */
    String orderId();

    /** The buyer; must match the snapshot's customer. */
    String customerId();

    /** The date licences and the limit's validity are judged on. */
    LocalDate checkDate();

    /** The lines, at least one, all in one currency. */
    List<OrderLine> lines();

    /** How the goods are paid. */
    PaymentMethod paymentMethod();

    /** The sum of the line amounts. */
    Money total();

    /** The currency of the lines. */
    String currencyCode();
}
