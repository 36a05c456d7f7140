package dev.creditcontrol.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void amountsThatDifferOnlyInTrailingZerosAreEqual() {
        assertThat(Money.cny("1000")).isEqualTo(Money.cny("1000.00"));
        assertThat(Money.cny("1000").amount()).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.cny("1.005")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amount").hasMessageContaining("1.005");
    }

    @Test
    void refusesTextThatIsNotANumber() {
        assertThatThrownBy(() -> Money.cny("12,000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amount").hasMessageContaining("12,000");
    }

    @Test
    void refusesAnUnknownCurrency() {
        assertThatThrownBy(() -> Money.of("1", "XYZW")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currencyCode").hasMessageContaining("XYZW");
    }

    @Test
    void addsAndComparesWithinOneCurrency() {
        Money sum = Money.cny("0.10").plus(Money.cny("0.20"));
        assertThat(sum).isEqualTo(Money.cny("0.30"));
        assertThat(sum.isGreaterThan(Money.cny("0.29"))).isTrue();
        assertThat(sum.isGreaterThan(Money.cny("0.30"))).isFalse();
        assertThat(Money.cny("1").minus(Money.cny("2")).isNegative()).isTrue();
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.cny("1").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currenc");
    }

    @Test
    void printsAmountAndCurrency() {
        assertThat(Money.cny("1234.5")).hasToString("1234.50 CNY");
    }
}
