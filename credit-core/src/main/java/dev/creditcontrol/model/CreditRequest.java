package dev.creditcontrol.model;

import dev.creditcontrol.decision.Release;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a host asks the engine to check at one checkpoint: an order about to be accepted
 * ({@link OrderRequest}) or goods of an accepted order about to leave ({@link ShipmentRequest}).
 * The evaluation path takes either through one door.
 */
public sealed interface CreditRequest permits OrderRequest, ShipmentRequest {
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

    /** Who entered the request, for the four-eyes check of a {@link #release()}. */
    Optional<String> requestedBy();

    /** An approval granted earlier for this request, if any. */
    Optional<Release> release();
}
