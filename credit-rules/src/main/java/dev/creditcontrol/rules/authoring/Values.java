package dev.creditcontrol.rules.authoring;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders the name/value pairs rules attach to findings and warnings, for audit. */
final class Values {
    private Values() {}

    static Map<String, String> pairs(String code, Object[] values) {
        if (values.length % 2 != 0) {
            throw new IllegalArgumentException("values must be name/value pairs, got " + values.length + " items (code " + code + ")");
        }
        Map<String, String> rendered = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i += 2) rendered.put(String.valueOf(values[i]), render(values[i + 1]));
        return rendered;
    }

    /** Numbers without exponent; absent values as {@code none}. */
    static String render(Object value) {
        if (value == null) return "none";
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }
}
