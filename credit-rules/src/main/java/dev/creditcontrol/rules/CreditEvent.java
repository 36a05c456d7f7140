package dev.creditcontrol.rules;

import dev.creditcontrol.model.Money;

import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a customer and may call for a new assessment
 * ({@link CreditControl#needsReassessment}). Which kinds do is rule-set policy
 * ({@code reassess.on} in the parameter file).
 *
 * @param kind       what happened
 * @param customerId the customer it happened to
 * @param amount     for {@link Kind#LARGE_ORDER}, the order's value; else empty
 * @param reference  the invoice, licence or order concerned, when the host knows it
 */
public record CreditEvent(Kind kind, String customerId, Optional<Money> amount, Optional<String> reference) {

    /** What happened. */
    public enum Kind {
        /** An order was placed; one larger than {@code reassess.largeOrderShare} of the recommended limit calls for a review. */
        LARGE_ORDER,
        /** An invoice went past due. */
        NEW_OVERDUE_ITEM,
        /** A licence was added, renewed, changed or withdrawn. */
        LICENCE_CHANGED,
        /** The credit limit or its terms changed. */
        LIMIT_CHANGED
    }

    /** Validates the fields. */
    public CreditEvent {
        if (kind == null) throw new IllegalArgumentException("event.kind is required but was null");
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("event.customerId must not be blank: '" + customerId + "'");
        }
        Objects.requireNonNull(amount, "event.amount");
        Objects.requireNonNull(reference, "event.reference");
        if ((kind == Kind.LARGE_ORDER) != amount.isPresent()) {
            throw new IllegalArgumentException("event.amount is required for LARGE_ORDER and only for it (" + kind + ")");
        }
    }

    /** An order of {@code amount} was placed. */
    public static CreditEvent largeOrder(String customerId, Money amount) {
        if (amount == null) throw new IllegalArgumentException("event.amount is required but was null");
        return new CreditEvent(Kind.LARGE_ORDER, customerId, Optional.of(amount), Optional.empty());
    }

    /** Invoice {@code invoiceId} went past due. */
    public static CreditEvent newOverdueItem(String customerId, String invoiceId) {
        return new CreditEvent(Kind.NEW_OVERDUE_ITEM, customerId, Optional.empty(), Optional.ofNullable(invoiceId));
    }

    /** A licence of the customer changed. */
    public static CreditEvent licenceChanged(String customerId) {
        return new CreditEvent(Kind.LICENCE_CHANGED, customerId, Optional.empty(), Optional.empty());
    }

    /** The customer's credit limit or terms changed. */
    public static CreditEvent limitChanged(String customerId) {
        return new CreditEvent(Kind.LIMIT_CHANGED, customerId, Optional.empty(), Optional.empty());
    }
}
