package dev.creditcontrol.journal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads {@code "2026-06-15"} without a {@code DateTimeFormatter}: a snapshot holds some sixty dates,
 * and the formatter's general parser made them most of the time it takes to read one. Any other
 * shape falls back to {@link LocalDate#parse}, which reports what is wrong.
 */
final class IsoDates extends StdScalarDeserializer<LocalDate> {
    IsoDates() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() != JsonToken.VALUE_STRING) return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
        String s = p.getString();
        try {
            return parse(s);
        } catch (DateTimeException e) {
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, s, "not a date as YYYY-MM-DD: %s", e.getMessage());
        }
    }

    static LocalDate parse(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) return LocalDate.of(year, month, day);
        }
        return LocalDate.parse(s);
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
