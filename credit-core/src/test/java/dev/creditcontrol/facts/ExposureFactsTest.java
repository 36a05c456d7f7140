package dev.creditcontrol.facts;

import dev.creditcontrol.model.AcceptanceBill;
import dev.creditcontrol.model.BillType;
import dev.creditcontrol.model.CreditGroup;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.ExchangeRates;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.PaymentMethod;
import dev.creditcontrol.model.Receivable;
import dev.creditcontrol.model.Security;
import dev.creditcontrol.model.SecurityType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.creditcontrol.facts.CreditFactsTest.DAY;
import static dev.creditcontrol.facts.CreditFactsTest.distributor;
import static dev.creditcontrol.facts.CreditFactsTest.order;
import static dev.creditcontrol.facts.CreditFactsTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Currencies, bills, securities and groups in the exposure an order and an assessment are judged on. */
class ExposureFactsTest {
    static final ExchangeRates RATES = ExchangeRates.builder()
            .rate("USD", "CNY", LocalDate.of(2026, 1, 1), "7.10")
            .rate("USD", "CNY", DAY.plusDays(1), "9")      // in force only after the check date
            .rate("EUR", "CNY", LocalDate.of(2026, 1, 1), "7.8333")
            .build();

    static Converter cny(LocalDate on) {
        return Converter.of(RATES, "CNY", on);
    }

    @Test
    void everyAmountIsConvertedAtTheRateOfTheCheckDate() {
        CustomerSnapshot s = snapshot(distributor(), "1000000")
                .receivable(Receivable.open("I1", Money.of("1000", "USD"), DAY.minusDays(10), DAY.plusDays(20)))
                .openOrders(Money.of("100", "EUR")).deliveredNotInvoiced(Money.cny("5")).build();
        OrderRequest usd = OrderRequest.builder("SO-1", "D-1", DAY).line("A", DeviceClass.I, "22", Money.of("15000", "USD")).build();
        CreditFacts f = CreditFacts.derive(usd, s, TestPolicy.STANDARD, cny(DAY));
        assertThat(f.order().total()).isEqualTo(Money.cny("106500"));
        assertThat(f.order().totalAsGiven()).isEqualTo(Money.of("15000", "USD"));
        assertThat(f.exposure().openReceivables()).isEqualTo(Money.cny("7100"));
        assertThat(f.exposure().openOrders()).isEqualTo(Money.cny("783.33"));
        assertThat(f.exposure().after()).isEqualTo(Money.cny("114388.33"));
    }

    @Test
    void conversionRoundsOnceHalfUpToTheMinorUnit() {
        // 0.01 EUR x 7.8333 = 0.078333 -> 0.08; 0.05 USD in JPY-less CNY: 0.355 -> 0.36 (half-up)
        assertThat(cny(DAY).convert(Money.of("0.01", "EUR"), "x")).isEqualTo(Money.cny("0.08"));
        assertThat(cny(DAY).convert(Money.of("0.05", "USD"), "x")).isEqualTo(Money.cny("0.36"));
        Converter usd = Converter.of(RATES, "USD", DAY);
        assertThat(usd.convert(Money.cny("7.10"), "x")).isEqualTo(Money.of("1.00", "USD"));
    }

    @Test
    void aMissingRateNamesBothCurrenciesTheDateAndTheField() {
        CustomerSnapshot s = snapshot(distributor(), "1000")
                .receivable(Receivable.open("INV-9", Money.of("1", "GBP"), DAY.minusDays(10), DAY.plusDays(20))).build();
        assertThatThrownBy(() -> CreditFacts.derive(order("D-1", DeviceClass.I, "22", "1", PaymentMethod.CREDIT), s,
                TestPolicy.STANDARD, cny(DAY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GBP").hasMessageContaining("CNY").hasMessageContaining("2026-06-15").hasMessageContaining("INV-9");
        OrderRequest early = OrderRequest.builder("SO-1", "D-1", LocalDate.of(2025, 12, 31))
                .line("A", DeviceClass.I, "22", Money.of("1", "USD")).build();
        assertThatThrownBy(() -> CreditFacts.derive(early, snapshot(distributor(), "1000").build(), TestPolicy.STANDARD,
                cny(LocalDate.of(2025, 12, 31))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD").hasMessageContaining("2025-12-31");
    }

    @Test
    void aSourceGivingARateOfZeroOrBelowIsRefused() {
        Converter broken = Converter.of((from, to, on) -> java.util.Optional.of(java.math.BigDecimal.ZERO), "CNY", DAY);
        assertThatThrownBy(() -> broken.convert(Money.of("1", "USD"), "line.amount"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above zero").hasMessageContaining("USD");
    }

    @Test
    void unmaturedBillsCountByTheirTypesShareAndMaturedOnesNotAtAll() {
        CustomerSnapshot s = snapshot(distributor(), "100000")
                .acceptanceBill(new AcceptanceBill("CAB-1", BillType.COMMERCIAL, Money.cny("50000"), DAY.plusDays(90)))
                .acceptanceBill(new AcceptanceBill("BAB-1", BillType.BANK, Money.cny("70000"), DAY.plusDays(90)))
                .acceptanceBill(new AcceptanceBill("CAB-0", BillType.COMMERCIAL, Money.cny("30000"), DAY))
                .acceptanceBill(new AcceptanceBill("CAB-U", BillType.COMMERCIAL, Money.of("100", "USD"), DAY.plusDays(1))).build();
        Exposure e = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "60000", PaymentMethod.CREDIT), s,
                TestPolicy.WITH_SHARES, cny(DAY)).exposure();
        assertThat(e.billsAtRisk()).isEqualTo(Money.cny("50710"));
        assertThat(e.after()).isEqualTo(Money.cny("110710"));
        assertThat(e.exceedsLimit()).isTrue();
    }

    @Test
    void withoutSharesABillCountsInFullAndASecurityAddsNothing() {
        CustomerSnapshot s = snapshot(distributor(), "100000")
                .acceptanceBill(new AcceptanceBill("BAB-1", BillType.BANK, Money.cny("70000"), DAY.plusDays(90)))
                .security(new Security(SecurityType.DEPOSIT, Money.cny("50000"), null)).build();
        Exposure e = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "1", PaymentMethod.CREDIT), s, TestPolicy.STANDARD,
                cny(DAY)).exposure();
        assertThat(e.billsAtRisk()).isEqualTo(Money.cny("70000"));
        assertThat(e.securityCover()).isEqualTo(Money.cny("0"));
    }

    @Test
    void validSecuritiesRaiseTheLimitByTheirCoverageShare() {
        CustomerSnapshot s = snapshot(distributor(), "100000")
                .security(new Security(SecurityType.BANK_GUARANTEE, Money.cny("50000"), DAY))
                .security(new Security(SecurityType.CREDIT_INSURANCE, Money.cny("10000"), null))
                .security(new Security(SecurityType.DEPOSIT, Money.cny("99999"), DAY.minusDays(1))).build();
        Exposure e = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "140000", PaymentMethod.CREDIT), s,
                TestPolicy.WITH_SHARES, cny(DAY)).exposure();
        assertThat(e.securityCover()).isEqualTo(Money.cny("59000"));
        assertThat(e.limit()).isEqualTo(Money.cny("159000"));
        assertThat(e.exceedsLimit()).isFalse();
    }

    @Test
    void theGroupAddsTheOtherMembersToThisCustomersExposureAfterTheOrder() {
        CustomerSnapshot s = snapshot(distributor(), "1000000")
                .receivable(Receivable.open("I1", Money.cny("10000"), DAY.minusDays(10), DAY.plusDays(20)))
                .acceptanceBill(new AcceptanceBill("CAB-1", BillType.COMMERCIAL, Money.cny("5000"), DAY.plusDays(30)))
                .group(new CreditGroup("G-1", Money.of("40000", "USD"), Money.cny("250000"))).build();
        CreditFacts f = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "60000", PaymentMethod.CREDIT), s,
                TestPolicy.WITH_SHARES, cny(DAY));
        GroupExposure g = f.group().orElseThrow();
        assertThat(g.limit()).isEqualTo(Money.cny("284000"));
        assertThat(g.customerAfter()).isEqualTo(Money.cny("75000"));
        assertThat(g.after()).isEqualTo(Money.cny("325000"));
        assertThat(g.exceedsLimit()).isTrue();
        assertThat(g.overLimit()).isEqualTo(Money.cny("41000"));
        assertThat(f.all()).contains(g);
    }

    @Test
    void theAssessmentSeesTheSameBillsSecuritiesAndGroupAsAnOrder() {
        CustomerSnapshot s = snapshot(distributor(), "100000")
                .receivable(Receivable.open("I1", Money.of("1000", "USD"), DAY.minusDays(10), DAY.plusDays(20)))
                .acceptanceBill(new AcceptanceBill("CAB-1", BillType.COMMERCIAL, Money.cny("50000"), DAY.plusDays(90)))
                .security(new Security(SecurityType.BANK_GUARANTEE, Money.cny("50000"), null))
                .group(new CreditGroup("G-1", Money.cny("300000"), Money.cny("250000"))).build();
        AssessmentFacts a = AssessmentFacts.derive(s, TestPolicy.WITH_SHARES, cny(DAY));
        CreditFacts f = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "1", PaymentMethod.PREPAYMENT), s,
                TestPolicy.WITH_SHARES, cny(DAY));
        assertThat(a.exposure()).isEqualTo(f.exposure().before()).isEqualTo(Money.cny("57100"));
        assertThat(a.limit()).isEqualTo(f.exposure().limit()).isEqualTo(Money.cny("150000"));
        assertThat(a.utilization()).isEqualByComparingTo("0.3807");
        assertThat(a.groupUtilization()).isEqualByComparingTo(f.group().orElseThrow().utilizationAfter()).isEqualByComparingTo("1.0237");
    }
}
