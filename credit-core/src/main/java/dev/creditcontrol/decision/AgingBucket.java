package dev.creditcontrol.decision;

import dev.creditcontrol.model.Money;

import java.util.Objects;

/**
 * Open receivables of one age band (days past due on the review date), in the account's currency.
 *
 * @param label     the band, e.g. {@code current}, {@code 1-30}, {@code 365+}
 * @param amount    open amount in it
 * @param invoices  open invoices in it
 * @param provision the bad-debt provision of those invoices (by their age since issue)
 */
public record AgingBucket(String label, Money amount, int invoices, Money provision) {
    /** Validates the fields. */
    public AgingBucket {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(provision, "provision");
        if (invoices < 0) throw new IllegalArgumentException("invoices must not be negative: " + invoices);
    }

    /** A bucket without its provision (zero). */
    public AgingBucket(String label, Money amount, int invoices) {
        this(label, amount, invoices, Money.zero(amount.currencyCode()));
    }
}
