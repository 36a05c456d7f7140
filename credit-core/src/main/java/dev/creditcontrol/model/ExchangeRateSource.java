package dev.creditcontrol.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where the engine finds exchange rates: the host plugs in its own rates table (or uses
 * {@link ExchangeRates}). Called during a check, possibly from many threads at once, so an
 * implementation must be thread-safe; it should answer from memory, since a check waits for it.
 */
@FunctionalInterface
public interface ExchangeRateSource {
    /**
     * How many units of {@code toCurrency} one unit of {@code fromCurrency} is worth on {@code on}.
     *
     * @param fromCurrency ISO 4217 code of the amount's currency
     * @param toCurrency   ISO 4217 code of the currency wanted
     * @param on           the date the rate must be in force on
     * @return the rate, above zero; empty when the source has none for that pair and date
     */
    Optional<BigDecimal> rate(String fromCurrency, String toCurrency, LocalDate on);
}
