package dev.creditcontrol.model;

import java.time.LocalDate;
import java.util.Collection;

/** Argument checks whose messages name the field and the value, so a host can see what it sent wrong. */
final class Require {
    static <T> T present(T value, String field) {
        if (value == null) throw new IllegalArgumentException(field + " is required but was null");
        return value;
    }

    /** The earliest and latest dates the model accepts: far enough for any real business, near enough for day arithmetic. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /**
     * Text that a person typed and another will read: not blank, and free of control characters
     * and invisible format characters (zero-width space, direction overrides, byte-order marks),
     * which make two ids that look the same compare different.
     */
    static String text(String value, String field) {
        present(value, field);
        if (value.isBlank()) throw new IllegalArgumentException(field + " must not be blank: '" + value + "'");
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED) {
                throw new IllegalArgumentException(field + " holds an invisible or control character U+"
                        + String.format("%04X", cp) + " at position " + i + ": '" + value.replaceAll("\\p{C}", "?") + "'");
            }
            i += Character.charCount(cp);
        }
        return value.strip();
    }

    /** A date within {@link #EARLIEST} and {@link #LATEST}. */
    static LocalDate date(LocalDate value, String field) {
        present(value, field);
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new IllegalArgumentException(field + " " + value + " is out of range (" + EARLIEST + " to " + LATEST + ")");
        }
        return value;
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
