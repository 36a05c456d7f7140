package dev.creditcontrol.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An invoice owed by the customer, open or paid.
 *
 * @param invoiceId the host's invoice id
 * @param amount    invoiced amount, not negative
 * @param issued    issue date
 * @param due       due date, not before the issue date
 * @param paidOn    the day it was paid in full, if it was
 */
public record Receivable(String invoiceId, Money amount, LocalDate issued, LocalDate due, Optional<LocalDate> paidOn) {

    /** Validates the fields. */
    public Receivable {
        invoiceId = Require.text(invoiceId, "receivable.invoiceId");
        String at = " (invoice " + invoiceId + ")";
        Require.present(amount, "receivable.amount");
        if (amount.isNegative()) throw new IllegalArgumentException("receivable.amount must not be negative: " + amount + at);
        Require.date(issued, "receivable.issued");
        Require.date(due, "receivable.due");
        if (due.isBefore(issued)) {
            throw new IllegalArgumentException("receivable.due " + due + " is before receivable.issued " + issued + at);
        }
        Require.present(paidOn, "receivable.paidOn");
        paidOn.ifPresent(d -> Require.date(d, "receivable.paidOn"));
        if (paidOn.isPresent() && paidOn.get().isBefore(issued)) {
            throw new IllegalArgumentException("receivable.paidOn " + paidOn.get() + " is before receivable.issued " + issued + at);
        }
    }

    /** An invoice not yet paid. */
    public static Receivable open(String invoiceId, Money amount, LocalDate issued, LocalDate due) {
        return new Receivable(invoiceId, amount, issued, due, Optional.empty());
    }

    /** An invoice paid in full on {@code paidOn}. */
    public static Receivable paid(String invoiceId, Money amount, LocalDate issued, LocalDate due, LocalDate paidOn) {
        return new Receivable(invoiceId, amount, issued, due, Optional.of(Require.present(paidOn, "receivable.paidOn")));
    }

    /** Whether the invoice is unpaid. */
    public boolean isOpen() {
        return paidOn.isEmpty();
    }

    /** Days past due on {@code date} for an open item (0 when not yet due or paid). */
    public long daysOverdueOn(LocalDate date) {
        return isOpen() && date.isAfter(due) ? ChronoUnit.DAYS.between(due, date) : 0;
    }

    /** Days paid after the due date (0 when on time or still open). */
    public long daysPaidLate() {
        return paidOn.filter(p -> p.isAfter(due)).map(p -> ChronoUnit.DAYS.between(due, p)).orElse(0L);
    }
}
