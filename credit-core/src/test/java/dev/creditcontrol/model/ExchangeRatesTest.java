package dev.creditcontrol.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExchangeRatesTest {
    static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    static final LocalDate JUL = LocalDate.of(2026, 7, 1);
    final ExchangeRates rates = ExchangeRates.builder()
            .rate("USD", "CNY", JAN, "7.10")
            .rate("USD", "CNY", JUL, "7.05")
            .build();

    @Test
    void aRateIsInForceFromItsDateUntilTheNextAndNoneBeforeTheFirst() {
        assertThat(rates.rate("USD", "CNY", JAN.minusDays(1))).isEmpty();
        assertThat(rates.rate("USD", "CNY", JAN)).contains(new BigDecimal("7.10"));
        assertThat(rates.rate("USD", "CNY", JUL.minusDays(1))).contains(new BigDecimal("7.10"));
        assertThat(rates.rate("USD", "CNY", JUL)).contains(new BigDecimal("7.05"));
        assertThat(rates.rate("USD", "CNY", LocalDate.of(2030, 1, 1))).contains(new BigDecimal("7.05"));
    }

    @Test
    void theInverseIsDerivedToSixteenSignificantDigits() {
        BigDecimal inverse = rates.rate("CNY", "USD", JAN).orElseThrow();
        assertThat(inverse).isEqualByComparingTo("0.1408450704225352");
        assertThat(inverse.precision()).isEqualTo(16);
        assertThat(rates.rate("CNY", "USD", JUL).orElseThrow()).isEqualByComparingTo("0.1418439716312057");
    }

    @Test
    void aGivenRateWinsOverADerivedOneOfTheSameDateAndTheLaterDateWinsOtherwise() {
        ExchangeRates both = ExchangeRates.builder()
                .rate("USD", "CNY", JAN, "7.10")
                .rate("CNY", "USD", JAN, "0.14")
                .rate("USD", "CNY", JUL, "8")
                .build();
        assertThat(both.rate("CNY", "USD", JAN)).contains(new BigDecimal("0.14"));
        assertThat(both.rate("CNY", "USD", JUL).orElseThrow()).isEqualByComparingTo("0.125");
        assertThat(both.rate("USD", "CNY", JAN)).contains(new BigDecimal("7.10"));
    }

    @Test
    void noCrossRatesAndOneBetweenACurrencyAndItself() {
        ExchangeRates two = ExchangeRates.builder().rate("USD", "CNY", JAN, "7.1").rate("EUR", "CNY", JAN, "7.8").build();
        assertThat(two.rate("EUR", "USD", JUL)).isEmpty();
        assertThat(two.rate("JPY", "JPY", JUL)).contains(BigDecimal.ONE);
        assertThat(ExchangeRates.none().rate("USD", "CNY", JUL)).isEqualTo(Optional.empty());
    }

    @Test
    void badRatesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ExchangeRates.builder().rate("XYZ", "CNY", JAN, "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate.from").hasMessageContaining("XYZ");
        assertThatThrownBy(() -> ExchangeRates.builder().rate("USD", "usd1", JAN, "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate.to");
        assertThatThrownBy(() -> ExchangeRates.builder().rate("USD", "CNY", JAN, "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate.rate").hasMessageContaining("above zero");
        assertThatThrownBy(() -> ExchangeRates.builder().rate("USD", "CNY", JAN, "-7.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate.rate");
        assertThatThrownBy(() -> ExchangeRates.builder().rate("USD", "CNY", JAN, "seven"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate.rate").hasMessageContaining("seven");
        assertThatThrownBy(() -> ExchangeRates.builder().rate("USD", "USD", JAN, "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate.to");
        assertThatThrownBy(() -> ExchangeRates.builder().rate("USD", "CNY", null, "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate.effectiveFrom");
        assertThatThrownBy(() -> ExchangeRates.builder().rate("USD", "CNY", JAN, "7.1").rate("USD", "CNY", JAN, "7.2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void tablesWithTheSameRatesAreEqual() {
        assertThat(ExchangeRates.builder().rate("USD", "CNY", JAN, "7.10").rate("USD", "CNY", JUL, "7.05").build()).isEqualTo(rates);
    }
}
