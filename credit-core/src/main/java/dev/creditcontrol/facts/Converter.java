package dev.creditcontrol.facts;

import dev.creditcontrol.model.ExchangeRateSource;
import dev.creditcontrol.model.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Converts amounts into one currency (the credit account's) at the rates in force on one date (the
 * check date). Conversion is exact decimal arithmetic ({@code amount × rate}), rounded once, half-up,
 * to the target currency's minor unit; an amount already in the target currency is returned as is.
 * Each rate is asked of the source once per converter. One converter serves one check: not thread-safe.
 */
public final class Converter {
    private final ExchangeRateSource rates;
    private final String currency;
    private final LocalDate on;
    /** Rates asked so far, by source currency: a snapshot of 20 USD invoices asks once. */
    private Map<String, BigDecimal> asked;

    private Converter(ExchangeRateSource rates, String currency, LocalDate on) {
        this.rates = rates;
        this.currency = currency;
        this.on = on;
    }

    /** A converter into {@code currency} at the rates {@code rates} has in force on {@code on}. */
    public static Converter of(ExchangeRateSource rates, String currency, LocalDate on) {
        if (rates == null) throw new IllegalArgumentException("exchangeRates is required but was null");
        if (currency == null) throw new IllegalArgumentException("currency is required but was null");
        if (on == null) throw new IllegalArgumentException("on is required but was null");
        return new Converter(rates, currency, on);
    }

    /** The currency amounts are converted into. */
    public String currency() {
        return currency;
    }

    /** The date whose rates are used. */
    public LocalDate on() {
        return on;
    }

    /**
     * The amount in the target currency.
     *
     * @param field what the amount is, for the message (e.g. {@code line.amount})
     * @throws IllegalArgumentException naming both currencies, the date and the field when there is no rate
     */
    public Money convert(Money amount, String field) {
        if (amount.currencyCode().equals(currency)) return amount;
        return Money.rounded(amount.amount().multiply(rate(amount.currencyCode(), field)), currency);
    }

    /**
     * The rates asked so far, keyed {@code FROM/TO/DATE} (e.g. {@code USD/CNY/2026-06-15}): exactly
     * what a replay of the check must be given.
     */
    public Map<String, BigDecimal> ratesUsed() {
        if (asked == null) return Map.of();
        Map<String, BigDecimal> used = new HashMap<>(asked.size() * 2);
        asked.forEach((from, rate) -> used.put(key(from, currency, on), rate));
        return used;
    }

    /** The key of a rate in {@link #ratesUsed()}. */
    public static String key(String from, String to, LocalDate on) {
        return from + "/" + to + "/" + on;
    }

    /**
     * The rate from {@code from} into the target currency on the date.
     *
     * @throws IllegalArgumentException when the source has none, or gives one that is not above zero
     */
    public BigDecimal rate(String from, String field) {
        if (from.equals(currency)) return BigDecimal.ONE;
        BigDecimal known = asked == null ? null : asked.get(from);
        if (known != null) return known;
        Optional<BigDecimal> found = rates.rate(from, currency, on);
        if (found == null || found.isEmpty()) {
            throw new IllegalArgumentException("no exchange rate from " + from + " to " + currency + " on " + on + " for " + field
                    + ": give the engine a rate in force on that date (CreditControl.Builder.exchangeRates)");
        }
        BigDecimal rate = found.get();
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("the exchange rate from " + from + " to " + currency + " on " + on + " is "
                    + rate.toPlainString() + ": a rate must be above zero (" + field + ")");
        }
        if (asked == null) asked = new HashMap<>(4);
        asked.put(from, rate);
        return rate;
    }

    /** Rounds an engine-computed amount in the target currency (a share of a limit, say) half-up to its minor unit. */
    Money money(BigDecimal amount) {
        return Money.rounded(amount, currency);
    }
}
