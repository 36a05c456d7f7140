package dev.creditcontrol.facts;

import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.Financials;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.Receivable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentFactsTest {
    static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    static CustomerSnapshot.Builder snapshot(Receivable... receivables) {
        Customer c = Customer.builder("D-1", "经销商", CustomerType.DISTRIBUTOR).since(DAY.minusYears(4).minusDays(1))
                .licence(new Licence(LicenceType.BUSINESS_LICENCE, "B", DAY.minusYears(9), null, Set.of()))
                .licence(new Licence(LicenceType.DEVICE_FILING, "F", DAY.minusYears(9), DAY.minusDays(1), Set.of()))
                .licence(new Licence(LicenceType.DEVICE_OPERATION_LICENCE, "O", DAY.minusYears(9), DAY.plusDays(20), Set.of()))
                .build();
        CustomerSnapshot.Builder s = CustomerSnapshot.builder(c, CreditAccount.builder(Money.cny("100000")).build(), DAY);
        for (Receivable r : receivables) s.receivable(r);
        return s;
    }

    static Receivable paid(String id, String amount, int dueDaysAgo, int daysLate) {
        LocalDate due = DAY.minusDays(dueDaysAgo);
        return Receivable.paid(id, Money.cny(amount), due.minusDays(60), due, due.plusDays(daysLate));
    }

    @Test
    void customerWithoutHistoryIsNewNotGood() {
        AssessmentFacts f = AssessmentFacts.derive(snapshot().build(), TestPolicy.STANDARD);
        assertThat(f.newCustomer()).isTrue();
        assertThat(f.onTimeShare()).isNull();
        assertThat(f.averageDaysLate()).isNull();
        assertThat(f.worstDaysLate()).isNull();
        assertThat(f.recentDaysLate()).isNull();
        assertThat(f.daysSalesOutstanding()).isNull();
    }

    @Test
    void measuresPaymentBehaviourOverTheLastTwelveMonths() {
        AssessmentFacts f = AssessmentFacts.derive(snapshot(
                paid("A", "100", 300, 0),
                paid("B", "300", 200, 40),
                paid("C", "100", 100, 70),
                Receivable.open("D", Money.cny("500"), DAY.minusDays(80), DAY.minusDays(20)),
                paid("OLD", "999", 500, 200)).build(), TestPolicy.STANDARD);
        assertThat(f.newCustomer()).isFalse();
        assertThat(f.historyItems()).isEqualTo(4);
        assertThat(f.onTimeShare()).isEqualByComparingTo("0.25");
        assertThat(f.onTimeShareByAmount()).isEqualByComparingTo("0.1");
        assertThat(f.averageDaysLate()).isEqualByComparingTo("32.5");
        assertThat(f.worstDaysLate()).isEqualTo(70);
        assertThat(f.itemsLateBeyond(30)).isEqualTo(2);
        assertThat(f.itemsLateBeyond(60)).isEqualTo(1);
        assertThat(f.itemsLateBeyond(90)).isZero();
        assertThat(f.daysOverdue()).isEqualTo(20);
        assertThat(f.overdueShare()).isEqualByComparingTo("1");
        assertThat(f.exposure()).isEqualTo(Money.cny("500"));
        assertThat(f.utilization()).isEqualByComparingTo("0.005");
    }

    @Test
    void trendComparesTheLastThreeMonthsWithTheNineBefore() {
        AssessmentFacts f = AssessmentFacts.derive(snapshot(
                paid("A", "100", 200, 10), paid("B", "100", 150, 10), paid("C", "100", 30, 0),
                Receivable.open("D", Money.cny("100"), DAY.minusDays(100), DAY.minusDays(40))).build(), TestPolicy.STANDARD);
        // last 3 months: 0 and 40 days late -> 20; the 9 before: 10 and 10 -> 10
        assertThat(f.trendDaysLate()).isEqualByComparingTo("10");
        assertThat(f.recentDaysLate()).isEqualByComparingTo("20");
    }

    @Test
    void recentLatenessIsNullWhenNothingFellDueInTheRecentMonths() {
        AssessmentFacts f = AssessmentFacts.derive(snapshot(paid("A", "100", 200, 10)).build(), TestPolicy.STANDARD);
        assertThat(f.averageDaysLate()).isEqualByComparingTo("10");
        assertThat(f.recentDaysLate()).isNull();
    }

    @Test
    void countsCooperationLicencesAndOutsideInformation() {
        AssessmentFacts f = AssessmentFacts.derive(snapshot().financials(Financials.of(77, "0.55", "1.30")).build(), TestPolicy.STANDARD);
        assertThat(f.yearsOfCooperation()).isEqualTo(4);
        assertThat(f.licenceLapses()).isEqualTo(1);
        assertThat(f.daysToLicenceExpiry()).isEqualTo(20);
        assertThat(f.requiredLicenceMissing()).isFalse();
        assertThat(f.thirdPartyScore()).isEqualTo(77);
        assertThat(f.debtToAssets()).isEqualByComparingTo("0.55");
        assertThat(f.currentRatio()).isEqualByComparingTo("1.30");
    }

    @Test
    void outsideScoreOutOfRangeIsRefused() {
        assertThatThrownBy(() -> Financials.of(101, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thirdPartyScore");
    }

    @Test
    void theHistoryWindowsComeFromTheRuleSetsPolicy() {
        CustomerSnapshot s = snapshot(paid("A", "100", 30, 0), paid("B", "100", 100, 45), paid("C", "100", 250, 95),
                paid("D", "100", 300, 0)).build();
        AssessmentFacts twelve = AssessmentFacts.derive(s, TestPolicy.STANDARD);
        AssessmentFacts six = AssessmentFacts.derive(s, new FactPolicy(TestPolicy.LICENCES, 6, 2, 24, 3, 90));
        assertThat(twelve.historyItems()).isEqualTo(4);
        assertThat(six.historyItems()).isEqualTo(2);
        assertThat(twelve.itemsLateBeyond(90)).isEqualTo(1);
        assertThat(six.itemsLateBeyond(90)).isZero();
        assertThat(six.itemsLateBeyond(44)).isEqualTo(1);
        assertThat(six.itemsLateBeyond(45)).isZero();
        // a customer is new below the policy's count of invoices in its window
        assertThat(AssessmentFacts.derive(s, new FactPolicy(TestPolicy.LICENCES, 12, 3, 24, 5, 90)).newCustomer()).isTrue();
        assertThat(twelve.newCustomer()).isFalse();
    }

    @Test
    void aLicenceTableWithAGapIsRefusedNamingIt() {
        java.util.Map<dev.creditcontrol.model.CustomerType, java.util.Map<dev.creditcontrol.model.DeviceClass,
                java.util.Set<dev.creditcontrol.model.LicenceType>>> table = new java.util.EnumMap<>(dev.creditcontrol.model.CustomerType.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LicenceRequirements.of(table))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOSPITAL").hasMessageContaining("class I");
    }

    @Test
    void averagesInAZeroDecimalCurrencyAreRoundedNotRefused() {
        dev.creditcontrol.model.Customer c = dev.creditcontrol.model.Customer.builder("J-1", "代理", dev.creditcontrol.model.CustomerType.AGENT).build();
        CustomerSnapshot s = CustomerSnapshot.builder(c, dev.creditcontrol.model.CreditAccount.builder(Money.of("1000000", "JPY")).build(), DAY)
                .receivable(Receivable.paid("A", Money.of("1001", "JPY"), DAY.minusDays(40), DAY.minusDays(10), DAY.minusDays(10)))
                .build();
        // 1001 / 12 = 83.416..., which JPY cannot hold: 83
        assertThat(AssessmentFacts.derive(s, TestPolicy.STANDARD).averageMonthlySales()).isEqualTo(Money.of("83", "JPY"));
    }
}
