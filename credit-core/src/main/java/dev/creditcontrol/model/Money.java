package dev.creditcontrol.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An amount of money in one currency, held as a {@link BigDecimal} at the currency's minor unit
 * (two decimals for CNY), so that {@code Money.cny("1000")} equals {@code Money.cny("1000.00")}.
 * Money may be negative (a headroom below zero, a difference); the model refuses negative amounts
 * where they make no sense and names the field. Arithmetic and comparison between two currencies
 * throw an {@link IllegalArgumentException}: this library never converts currencies.
 *
 * @param amount       the amount, scaled to the currency's minor unit
 * @param currencyCode the ISO 4217 code, e.g. {@code CNY}
 */
public record Money(BigDecimal amount, String currencyCode) {

    /** The most digits before the decimal point: beyond any real credit figure, and far from overflow or slow arithmetic. */
    public static final int MAX_INTEGER_DIGITS = 18;

    /** Validates and normalises the amount's scale to the currency's minor unit. */
    public Money {
        Require.present(amount, "amount");
        Require.present(currencyCode, "currencyCode");
        int digits = fractionDigits(currencyCode);
        if (amount.signum() == 0) {
            amount = BigDecimal.ZERO;
        } else if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            // checked before any rescaling: 1E+999999999 would otherwise take minutes and gigabytes
            throw new IllegalArgumentException("amount is absurdly large: more than " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point (" + (amount.precision() - amount.scale()) + ") in " + currencyCode);
        }
        if (amount.scale() != digits) {
            if (amount.stripTrailingZeros().scale() > digits) {
                // toString, not toPlainString: 1E-999999999 written out is a billion characters
                throw new IllegalArgumentException("amount " + (amount.scale() > 40 ? amount.toString() : amount.toPlainString())
                        + " has more than " + digits + " decimal places for " + currencyCode);
            }
            amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
        }
    }

    /** Currency look-ups are slow and money is made on every check: remember each currency's minor unit. */
    private static final Map<String, Integer> FRACTION_DIGITS = new ConcurrentHashMap<>();

    private static int fractionDigits(String currencyCode) {
        Integer digits = FRACTION_DIGITS.get(currencyCode);
        if (digits != null) return digits;
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currencyCode is not an ISO 4217 code: '" + currencyCode + "'", e);
        }
        int d = Math.max(currency.getDefaultFractionDigits(), 0);
        FRACTION_DIGITS.put(currencyCode, d);
        return d;
    }

    /**
     * Parses an amount such as {@code "1000.00"} in the given currency.
     *
     * @throws IllegalArgumentException naming {@code amount} or {@code currencyCode} when either is not valid
     */
    public static Money of(String amount, String currencyCode) {
        Require.present(amount, "amount");
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount is not a decimal number: '" + amount + "'", e);
        }
        return new Money(parsed, currencyCode);
    }

    /** An amount in the given currency. */
    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currencyCode);
    }

    /**
     * An amount computed by the engine (an average, a share of a limit), rounded half-up to the
     * currency's minor unit: 83.42 JPY becomes 83 JPY instead of being refused as input would be.
     */
    public static Money rounded(BigDecimal amount, String currencyCode) {
        Require.present(amount, "amount");
        return new Money(amount.setScale(fractionDigits(currencyCode), RoundingMode.HALF_UP), currencyCode);
    }

    /** An amount in Chinese yuan (CNY). */
    public static Money cny(String amount) {
        return of(amount, "CNY");
    }

    /** Zero in the given currency. */
    public static Money zero(String currencyCode) {
        return new Money(BigDecimal.ZERO, currencyCode);
    }

    /** The sum; both must be in one currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currencyCode);
    }

    /** The difference; both must be in one currency. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currencyCode);
    }

    /** Compares two amounts of one currency, as {@link BigDecimal#compareTo} does. */
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** Whether this amount is strictly greater than {@code other} (same currency). */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /** Whether the amount is below zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Whether the amount is zero. */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    private void requireSameCurrency(Money other) {
        Require.present(other, "other");
        if (!currencyCode.equals(other.currencyCode)) {
            throw new IllegalArgumentException("currency mismatch: " + this + " and " + other + " cannot be added or compared");
        }
    }

    /** Renders as {@code 1000.00 CNY}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currencyCode;
    }
}
