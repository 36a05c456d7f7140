package dev.creditcontrol.rules.authoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A rule set's thresholds, read from its {@code parameters.properties}. Rules bind it
 * ({@code $p : Parameters()}) and compare facts with {@code $p.decimal("limit.watchShare")}.
 *
 * <p>A qualified lookup such as {@code $p.integer("overdue.toleranceDays", $type)} reads
 * {@code overdue.toleranceDays.HOSPITAL} when it exists and falls back to
 * {@code overdue.toleranceDays}. Values are parsed when the rule set loads, so a typo in a
 * number fails the load, not a check. Immutable and thread-safe.
 */
public final class Parameters {
    private final Map<String, String> raw;
    private final Map<String, BigDecimal> decimals;

    private Parameters(Map<String, String> raw) {
        this.raw = Collections.unmodifiableMap(new TreeMap<>(raw));
        Map<String, BigDecimal> parsed = new TreeMap<>();
        raw.forEach((k, v) -> {
            try {
                parsed.put(k, new BigDecimal(v.strip()));
            } catch (NumberFormatException notANumber) {
                // kept as text only; decimal()/integer() on it fail with the key's name
            }
        });
        this.decimals = Collections.unmodifiableMap(parsed);
    }

    /** Parameters from name/value text, as read from a parameter file. */
    public static Parameters of(Map<String, String> values) {
        return new Parameters(values);
    }

    /** Every parameter name. */
    public Set<String> names() {
        return raw.keySet();
    }

    /** Whether a parameter of that name exists. */
    public boolean has(String name) {
        return raw.containsKey(name);
    }

    /** A decimal parameter. */
    public BigDecimal decimal(String name) {
        BigDecimal value = decimals.get(name);
        if (value == null) throw missingOrNotNumber(name);
        return value;
    }

    /** A decimal parameter for a qualifier (customer type, grade, ...), falling back to the unqualified name. */
    public BigDecimal decimal(String name, Object qualifier) {
        return decimal(resolve(name, qualifier));
    }

    /** A whole-number parameter (days, counts). */
    public int integer(String name) {
        try {
            return decimal(name).intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalStateException("parameter " + name + " must be a whole number: " + raw.get(name), e);
        }
    }

    /** A whole-number parameter for a qualifier, falling back to the unqualified name. */
    public int integer(String name, Object qualifier) {
        return integer(resolve(name, qualifier));
    }

    /** A text parameter. */
    public String text(String name) {
        String value = raw.get(name);
        if (value == null) throw new IllegalStateException("parameter " + name + " is not defined");
        return value;
    }

    private String resolve(String name, Object qualifier) {
        String qualified = name + "." + qualifier;
        return raw.containsKey(qualified) ? qualified : name;
    }

    private IllegalStateException missingOrNotNumber(String name) {
        return raw.containsKey(name)
                ? new IllegalStateException("parameter " + name + " is not a number: " + raw.get(name))
                : new IllegalStateException("parameter " + name + " is not defined");
    }

    @Override
    public String toString() {
        return "Parameters" + raw;
    }
}
