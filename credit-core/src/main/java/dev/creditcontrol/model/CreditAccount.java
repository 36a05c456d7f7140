package dev.creditcontrol.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The credit terms granted to a customer.
 *
 * <p>A limit of zero means no credit sale. Waiving the limit check is an explicit choice
 * ({@link Builder#withoutLimitCheck()}), never a zero or a huge number.
 *
 * @param limit             the credit limit; its currency is the account's currency
 * @param temporaryIncrease an extra limit granted until a date, if any
 * @param paymentTermDays   agreed payment term in days
 * @param validUntil        last day the limit is valid, if it has an end
 * @param grade             the credit grade, when one was assigned
 * @param frozen            whether the account is frozen (no order or shipment)
 * @param limitChecked      false only when the host explicitly waived the limit check
 */
public record CreditAccount(Money limit, Optional<TemporaryIncrease> temporaryIncrease, int paymentTermDays,
                            Optional<LocalDate> validUntil, Optional<CreditGrade> grade, boolean frozen,
                            boolean limitChecked) {

    /** Validates the fields. */
    public CreditAccount {
        Require.nonNegative(limit, "account.limit");
        Require.present(temporaryIncrease, "account.temporaryIncrease");
        temporaryIncrease.ifPresent(t -> Require.sameCurrency(t.amount(), limit.currencyCode(), "account.temporaryIncrease.amount"));
        Require.nonNegative(paymentTermDays, "account.paymentTermDays");
        Require.present(validUntil, "account.validUntil");
        validUntil.ifPresent(d -> Require.date(d, "account.validUntil"));
        Require.present(grade, "account.grade");
    }

    /** Starts an account with its credit limit (zero: no credit sale). */
    public static Builder builder(Money limit) {
        return new Builder(limit);
    }

    /** The currency of the account, i.e. of its limit. */
    public String currencyCode() {
        return limit.currencyCode();
    }

    /** The limit in force on {@code date}: the limit plus a temporary increase that has not ended. */
    public Money limitOn(LocalDate date) {
        return temporaryIncrease.filter(t -> !date.isAfter(t.validUntil()))
                .map(t -> limit.plus(t.amount()))
                .orElse(limit);
    }

    /** Whether the limit's validity ended before {@code date}. */
    public boolean limitExpiredOn(LocalDate date) {
        return validUntil.map(date::isAfter).orElse(false);
    }

    /**
     * An extra credit limit granted for a period (临时额度).
     *
     * @param amount     extra limit, not negative
     * @param validUntil last day it applies
     */
    public record TemporaryIncrease(Money amount, LocalDate validUntil) {
        /** Validates the fields. */
        public TemporaryIncrease {
            Require.nonNegative(amount, "account.temporaryIncrease.amount");
            Require.date(validUntil, "account.temporaryIncrease.validUntil");
        }
    }

    /** Builds a {@link CreditAccount}; not thread-safe. */
    public static final class Builder {
        private final Money limit;
        private TemporaryIncrease temporaryIncrease;
        private int paymentTermDays = 30;
        private LocalDate validUntil;
        private CreditGrade grade;
        private boolean frozen;
        private boolean limitChecked = true;

        private Builder(Money limit) {
            this.limit = Require.nonNegative(limit, "account.limit");
        }

        /** Agreed payment term in days (default 30). */
        public Builder paymentTermDays(int days) {
            this.paymentTermDays = Require.nonNegative(days, "account.paymentTermDays");
            return this;
        }

        /** Last day the limit is valid; after it, orders on credit go to review. */
        public Builder validUntil(LocalDate date) {
            this.validUntil = Require.present(date, "account.validUntil");
            return this;
        }

        /** The customer's credit grade. */
        public Builder grade(CreditGrade grade) {
            this.grade = Require.present(grade, "account.grade");
            return this;
        }

        /** Whether the account is frozen. */
        public Builder frozen(boolean frozen) {
            this.frozen = frozen;
            return this;
        }

        /** Grants an extra limit that applies up to and including {@code until}. */
        public Builder temporaryIncrease(Money amount, LocalDate until) {
            this.temporaryIncrease = new TemporaryIncrease(amount, until);
            return this;
        }

        /**
         * Waives the credit-limit check for this account: limit rules do not apply. An explicit
         * choice, so that a zero limit can keep its meaning of "no credit sale".
         */
        public Builder withoutLimitCheck() {
            this.limitChecked = false;
            return this;
        }

        /** Builds the account; throws {@link IllegalArgumentException} naming the field that is wrong. */
        public CreditAccount build() {
            return new CreditAccount(limit, Optional.ofNullable(temporaryIncrease), paymentTermDays,
                    Optional.ofNullable(validUntil), Optional.ofNullable(grade), frozen, limitChecked);
        }
    }
}
