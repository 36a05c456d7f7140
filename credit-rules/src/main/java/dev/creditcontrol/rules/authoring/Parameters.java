package dev.creditcontrol.rules.authoring;

import dev.creditcontrol.facts.Converter;
import dev.creditcontrol.model.Money;

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
 *
 * <p>Money thresholds ({@link #money(String, Object)}) are written in the rule set's currency
 * ({@code currency} in {@code ruleset.properties}) and read, during a check, in the account's
 * currency at the rate of the check date; a rule set that declares no currency writes them in
 * each account's own currency.
 */
public final class Parameters {
    private final Map<String, String> raw;
    private final Map<String, BigDecimal> decimals;
    private final Map<String, Bins> bins;
    /** The rule set's currency; null: thresholds are in each account's currency. */
    private final String currency;
    /** The check's conversion into the account's currency; null outside a check or in a same-currency view. */
    private final Converter converter;
    /** In a same-currency view: the account's currency, which needs no conversion. */
    private final String accountCurrency;
    /** Same-currency views by account currency, made once: most checks convert nothing. */
    private final java.util.concurrent.ConcurrentHashMap<String, Parameters> views = new java.util.concurrent.ConcurrentHashMap<>(4);
    /** Money thresholds read so far, in a same-currency view. */
    private final java.util.concurrent.ConcurrentHashMap<String, Money> moneys = new java.util.concurrent.ConcurrentHashMap<>();

    /** A scorecard factor's bins: {@code cuts} ascending, one more {@code points} than cuts. */
    private record Bins(BigDecimal[] cuts, int[] points, int missing) {
        int pointsFor(BigDecimal value) {
            int i = 0;
            while (i < cuts.length && value.compareTo(cuts[i]) >= 0) i++;
            return points[i];
        }
    }

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
        Map<String, Bins> binsByFactor = new TreeMap<>();
        raw.keySet().stream().filter(k -> k.startsWith("score.") && k.endsWith(".points")).forEach(k -> {
            String prefix = k.substring(0, k.length() - ".points".length());
            binsByFactor.put(prefix, parseBins(prefix));
        });
        this.bins = Collections.unmodifiableMap(binsByFactor);
        this.currency = null;
        this.converter = null;
        this.accountCurrency = null;
    }

    private Parameters(Parameters base, String currency, Converter converter, String accountCurrency) {
        this.raw = base.raw;
        this.decimals = base.decimals;
        this.bins = base.bins;
        this.currency = currency;
        this.converter = converter;
        this.accountCurrency = accountCurrency;
    }

    /** The same parameters with money thresholds written in {@code currencyCode} (an ISO 4217 code). */
    public Parameters inCurrency(String currencyCode) {
        return new Parameters(this, Money.zero(currencyCode).currencyCode(), null, null);
    }

    /** The rule set's currency, when it declares one. */
    public java.util.Optional<String> currency() {
        return java.util.Optional.ofNullable(currency);
    }

    /**
     * The same parameters for one check, reading money thresholds in the converter's currency and
     * at its date. Cheap: the parsed values are shared.
     */
    public Parameters forCheck(Converter checkConverter) {
        if (checkConverter == null) throw new IllegalArgumentException("converter is required but was null");
        String target = checkConverter.currency();
        if (currency == null || currency.equals(target)) {
            return views.computeIfAbsent(target, c -> new Parameters(this, currency, null, c));
        }
        return new Parameters(this, currency, checkConverter, null);
    }

    /**
     * A money threshold in the account's currency on the check date: the parameter's amount, in the
     * rule set's currency, converted at the rate in force then (rounded once, half-up, to the minor unit).
     *
     * @throws IllegalStateException when the parameter is missing or not a number, or outside a check
     */
    public Money money(String name) {
        if (accountCurrency != null) return moneys.computeIfAbsent(name, n -> Money.rounded(decimal(n), accountCurrency));
        if (converter == null) {
            throw new IllegalStateException("parameter " + name + " is money, which only a check can read (it needs the account's currency)");
        }
        BigDecimal amount = decimal(name);
        if (currency == null) return Money.rounded(amount, converter.currency());
        return converter.convert(Money.rounded(amount, currency), "parameter " + name);
    }

    /** A money threshold for a qualifier (customer type, grade, ...), falling back to the unqualified name. */
    public Money money(String name, Object qualifier) {
        return money(resolve(name, qualifier));
    }

    private Bins parseBins(String prefix) {
        String cutsText = raw.getOrDefault(prefix + ".bins", "").strip();
        String[] cutParts = cutsText.isEmpty() ? new String[0] : cutsText.split("\\s*,\\s*");
        String[] pointParts = raw.get(prefix + ".points").strip().split("\\s*,\\s*");
        if (pointParts.length != cutParts.length + 1) {
            throw new IllegalArgumentException("parameter " + prefix + ".points needs " + (cutParts.length + 1)
                    + " values, one per bin of " + prefix + ".bins, but has " + pointParts.length);
        }
        BigDecimal[] cuts = new BigDecimal[cutParts.length];
        int[] points = new int[pointParts.length];
        try {
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = new BigDecimal(cutParts[i]);
                if (i > 0 && cuts[i].compareTo(cuts[i - 1]) <= 0) {
                    throw new IllegalArgumentException("parameter " + prefix + ".bins must ascend: " + cutsText);
                }
            }
            for (int i = 0; i < points.length; i++) points[i] = Integer.parseInt(pointParts[i]);
            String missing = raw.getOrDefault(prefix + ".missing", "0").strip();
            return new Bins(cuts, points, Integer.parseInt(missing));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + prefix + ".bins/.points/.missing must be numbers: " + e.getMessage(), e);
        }
    }

    /**
     * The points a scorecard factor earns for {@code value}: {@code score.<factor>.bins} lists
     * ascending cut points, {@code score.<factor>.points} the points of each bin (a value equal
     * to a cut falls in the bin above it), and {@code score.<factor>.missing} the points when the
     * value is {@code null}. A qualified set ({@code score.<factor>.HOSPITAL.points}) wins.
     */
    public int points(String factor, Object value, Object qualifier) {
        Bins b = bins.get("score." + factor + "." + qualifier);
        if (b == null) b = bins.get("score." + factor);
        if (b == null) throw new IllegalStateException("parameter score." + factor + ".points is not defined");
        if (value == null) return b.missing();
        BigDecimal v = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        return b.pointsFor(v);
    }

    /** The factors that have bins, qualified ones included (e.g. {@code onTimeShare}, {@code onTimeShare.HOSPITAL}). */
    public Set<String> scoredFactors() {
        Set<String> factors = new java.util.TreeSet<>();
        bins.keySet().forEach(k -> factors.add(k.substring("score.".length())));
        return factors;
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

    /**
     * Whether a parameter applies to the qualifier (customer type, grade, ...): its qualified name
     * or the unqualified one exists. For a parameter set for some types only, e.g. a statutory ceiling.
     */
    public boolean has(String name, Object qualifier) {
        return raw.containsKey(name + "." + qualifier) || raw.containsKey(name);
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

    /** A text parameter for a qualifier, falling back to the unqualified name. */
    public String text(String name, Object qualifier) {
        return text(resolve(name, qualifier));
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
