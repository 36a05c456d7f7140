package dev.creditcontrol.model;

import java.util.Collection;

/** Argument checks whose messages name the field and the value, so a host can see what it sent wrong. */
final class Require {
    static <T> T present(T value, String field) {
        if (value == null) throw new IllegalArgumentException(field + " is required but was null");
        return value;
    }

    static String text(String value, String field) {
        present(value, field);
        if (value.isBlank()) throw new IllegalArgumentException(field + " must not be blank: '" + value + "'");
        return value.strip();
    }

    static Money nonNegative(Money value, String field) {
        present(value, field);
        if (value.isNegative()) throw new IllegalArgumentException(field + " must not be negative: " + value);
        return value;
    }

    static int nonNegative(int value, String field) {
        if (value < 0) throw new IllegalArgumentException(field + " must not be negative: " + value);
        return value;
    }

    static void sameCurrency(Money value, String currencyCode, String field) {
        if (!value.currencyCode().equals(currencyCode)) {
            throw new IllegalArgumentException(field + " is in " + value.currencyCode()
                    + " but the credit limit is in " + currencyCode + ": currency mismatch, amounts in different currencies cannot be compared");
        }
    }

    static <T> void noNulls(Collection<T> values, String field) {
        present(values, field);
        int i = 0;
        for (T v : values) {
            if (v == null) throw new IllegalArgumentException(field + "[" + i + "] is null");
            i++;
        }
    }

    private Require() {}
}
