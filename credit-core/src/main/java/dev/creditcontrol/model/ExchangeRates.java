package dev.creditcontrol.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable table of dated exchange rates. A rate is in force from its effective date until the
 * next rate of the same pair; there is none before the first. The inverse of every rate given is
 * derived ({@code 1 / rate} to 16 significant digits, {@link MathContext#DECIMAL64}), so a table
 * with USD→CNY also answers CNY→USD; on a date where both a given and a derived rate are in force,
 * the one with the later effective date wins, and a given rate wins over a derived one of the same
 * date. No cross rates: EUR→USD is not derived from EUR→CNY and USD→CNY. Thread-safe.
 *
 * <pre>{@code
 * ExchangeRates rates = ExchangeRates.builder()
 *         .rate("USD", "CNY", LocalDate.of(2026, 1, 1), "7.10")
 *         .rate("USD", "CNY", LocalDate.of(2026, 7, 1), "7.05")
 *         .build();
 * }</pre>
 */
public final class ExchangeRates implements ExchangeRateSource {
    private static final ExchangeRates NONE = new ExchangeRates(Map.of(), Map.of());

    /** Rates as given, by {@code FROM/TO}. */
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> given;
    /** Inverses of the given rates, by {@code FROM/TO}. */
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> derived;

    private ExchangeRates(Map<String, NavigableMap<LocalDate, BigDecimal>> given,
                          Map<String, NavigableMap<LocalDate, BigDecimal>> derived) {
        this.given = given;
        this.derived = derived;
    }

    /** A table without rates: only amounts already in the account's currency can be judged. */
    public static ExchangeRates none() {
        return NONE;
    }

    /** Starts a table. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The rate in force on {@code on}; {@code 1} between a currency and itself.
     *
     * @throws IllegalArgumentException when a currency code or the date is missing
     */
    @Override
    public Optional<BigDecimal> rate(String fromCurrency, String toCurrency, LocalDate on) {
        Require.present(fromCurrency, "fromCurrency");
        Require.present(toCurrency, "toCurrency");
        Require.present(on, "on");
        if (fromCurrency.equals(toCurrency)) return Optional.of(BigDecimal.ONE);
        String pair = fromCurrency + "/" + toCurrency;
        Map.Entry<LocalDate, BigDecimal> g = floor(given, pair, on);
        Map.Entry<LocalDate, BigDecimal> d = floor(derived, pair, on);
        if (g == null && d == null) return Optional.empty();
        if (g == null) return Optional.of(d.getValue());
        if (d == null || !d.getKey().isAfter(g.getKey())) return Optional.of(g.getValue());
        return Optional.of(d.getValue());
    }

    private static Map.Entry<LocalDate, BigDecimal> floor(Map<String, NavigableMap<LocalDate, BigDecimal>> rates, String pair,
                                                         LocalDate on) {
        NavigableMap<LocalDate, BigDecimal> byDate = rates.get(pair);
        return byDate == null ? null : byDate.floorEntry(on);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExchangeRates other && given.equals(other.given);
    }

    @Override
    public int hashCode() {
        return given.hashCode();
    }

    /**
     * Lists the rates as given, pair by pair and date by date, as {@code FROM:TO:RATE:EFFECTIVE_FROM}
     * entries joined by {@code "; "} (e.g. {@code USD:CNY:7.10:2026-01-01}), the form a scenario
     * table's {@code rates} cell reads; empty for a table without rates.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(given).forEach((pair, byDate) -> byDate.forEach((date, rate) -> {
            if (out.length() > 0) out.append("; ");
            out.append(pair.replace('/', ':')).append(':').append(rate.toPlainString()).append(':').append(date);
        }));
        return out.toString();
    }

    /** Builds an {@link ExchangeRates}; not thread-safe. Each rate is checked as it is given. */
    public static final class Builder {
        private final Map<String, NavigableMap<LocalDate, BigDecimal>> given = new HashMap<>();

        private Builder() {}

        /**
         * One unit of {@code from} is worth {@code rate} units of {@code to} from {@code effectiveFrom}
         * until the next rate of the pair.
         *
         * @throws IllegalArgumentException naming the field: an unknown currency code, the same
         *                                  currency twice, a rate that is not a number or not above
         *                                  zero, a pair and date given twice
         */
        public Builder rate(String from, String to, LocalDate effectiveFrom, String rate) {
            Require.present(rate, "rate.rate");
            BigDecimal parsed;
            try {
                parsed = new BigDecimal(rate.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rate.rate is not a decimal number: '" + rate + "' (" + from + " to " + to + ")", e);
            }
            return rate(from, to, effectiveFrom, parsed);
        }

        /** Like {@link #rate(String, String, LocalDate, String)}, with the rate as a number. */
        public Builder rate(String from, String to, LocalDate effectiveFrom, BigDecimal rate) {
            String f = currency(from, "rate.from");
            String t = currency(to, "rate.to");
            if (f.equals(t)) throw new IllegalArgumentException("rate.to must differ from rate.from: " + f + " to " + t);
            Require.date(effectiveFrom, "rate.effectiveFrom");
            Require.present(rate, "rate.rate");
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("rate.rate must be above zero: " + rate.toPlainString() + " (" + f + " to " + t
                        + " from " + effectiveFrom + ")");
            }
            if (rate.precision() - rate.scale() > 12 || rate.scale() > 16) {
                throw new IllegalArgumentException("rate.rate is out of any sensible range: " + rate + " (" + f + " to " + t + ")");
            }
            BigDecimal earlier = given.computeIfAbsent(f + "/" + t, k -> new TreeMap<>()).putIfAbsent(effectiveFrom, rate);
            if (earlier != null) {
                throw new IllegalArgumentException("rate.effectiveFrom " + effectiveFrom + " is given twice for " + f + " to " + t
                        + " (" + earlier.toPlainString() + " and " + rate.toPlainString() + ")");
            }
            return this;
        }

        private static String currency(String code, String field) {
            Require.present(code, field);
            try {
                return Currency.getInstance(code.strip()).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + " is not an ISO 4217 currency code: '" + code + "'", e);
            }
        }

        /** The table. */
        public ExchangeRates build() {
            Map<String, NavigableMap<LocalDate, BigDecimal>> g = new HashMap<>();
            Map<String, NavigableMap<LocalDate, BigDecimal>> d = new HashMap<>();
            given.forEach((pair, byDate) -> {
                g.put(pair, java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(byDate)));
                String[] p = pair.split("/");
                NavigableMap<LocalDate, BigDecimal> inverse = d.computeIfAbsent(p[1] + "/" + p[0], k -> new TreeMap<>());
                byDate.forEach((date, rate) -> inverse.put(date, BigDecimal.ONE.divide(rate, MathContext.DECIMAL64)));
            });
            d.replaceAll((k, v) -> java.util.Collections.unmodifiableNavigableMap(v));
            return new ExchangeRates(Map.copyOf(g), Map.copyOf(d));
        }
    }
}
