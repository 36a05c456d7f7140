package dev.creditcontrol.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A security held against the customer's credit (guarantee, deposit, credit insurance). Valid on
 * the check date, it raises the limit by its amount times the rule set's coverage share of its type.
 *
 * @param type       the kind of security
 * @param amount     the amount covered, not negative (any currency: converted on the check date)
 * @param validUntil its last valid day; {@code null} when it does not expire (a deposit, typically)
 */
public record Security(SecurityType type, Money amount, LocalDate validUntil) {
    /** Validates the fields, naming the one that is wrong. */
    public Security {
        Require.present(type, "security.type");
        Require.nonNegative(amount, "security.amount");
        if (validUntil != null) Require.date(validUntil, "security.validUntil");
    }

    /** Its last valid day, if it has one. */
    public Optional<LocalDate> expiry() {
        return Optional.ofNullable(validUntil);
    }

    /** Whether it is valid on {@code date} (its last day included). */
    public boolean validOn(LocalDate date) {
        return validUntil == null || !date.isAfter(validUntil);
    }
}
