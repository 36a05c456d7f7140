package dev.creditcontrol.rules;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.FactorScore;
import dev.creditcontrol.decision.WarningAction;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.PaymentMethod;
import dev.creditcontrol.model.Receivable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.creditcontrol.rules.TestOrders.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** assess(): score, grade, warnings and recommendations, read from the bundled rule set. */
class CreditAssessmentTest {
    static final CreditControl CONTROL = TestOrders.DEFAULT;

    /** A customer with twelve monthly invoices, each paid {@code daysLate} late; optionally one open invoice overdue. */
    static CustomerSnapshot history(CustomerType type, int daysLate, int openOverdueDays, boolean frozen) {
        return TestOrders.paymentHistory(type, daysLate, openOverdueDays, frozen);
    }

    /** Invoiced in the 12 months before the snapshot date, per month (the bundled history.months is 12). */
    static java.math.BigDecimal historyMonthlySales(CustomerSnapshot s) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (Receivable r : s.receivables()) {
            if (r.issued().isAfter(s.asOf().minusMonths(12)) && !r.issued().isAfter(s.asOf())) sum = sum.add(r.amount().amount());
        }
        return sum.divide(java.math.BigDecimal.valueOf(12), 2, java.math.RoundingMode.HALF_UP);
    }

    @Test
    void everyFactorIsScoredByItsRuleAndTheScoreIsTheirSum() {
        CreditAssessment a = CONTROL.assess(history(CustomerType.HOSPITAL, 0, 0, false));
        assertThat(a.factors()).extracting(FactorScore::factor).contains("onTimeShare", "worstDaysLate",
                "yearsOfCooperation", "thirdPartyScore", "utilization");
        assertThat(a.factors()).allSatisfy(f -> assertThat(f.rule()).startsWith("Score: "));
        assertThat(a.factors()).filteredOn(f -> f.factor().equals("onTimeShare")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualTo("1.0000"));
        assertThat(a.factors()).filteredOn(f -> f.factor().equals("thirdPartyScore")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualTo("none"));
        int sum = a.factors().stream().mapToInt(FactorScore::points).sum();
        assertThat(a.score()).isEqualTo(Math.max(0, Math.min(100, sum)));
        assertThat(a.ruleSetVersion()).isEqualTo("1.0.0");
    }

    @Test
    void punctualCustomerScoresHigherThanALatePayer() {
        CreditAssessment punctual = CONTROL.assess(history(CustomerType.DISTRIBUTOR, 0, 0, false));
        CreditAssessment late = CONTROL.assess(history(CustomerType.DISTRIBUTOR, 75, 0, false));
        assertThat(punctual.score()).isGreaterThan(late.score());
        assertThat(punctual.grade()).isLessThan(late.grade());
        assertThat(punctual.warningLevel()).isEqualTo(WarningLevel.GREEN);
        assertThat(punctual.reasons()).isEmpty();
    }

    @Test
    void gradeDrivesTheRecommendations() {
        CreditAssessment a = CONTROL.assess(history(CustomerType.DISTRIBUTOR, 0, 0, false));
        Map<CreditGrade, Integer> termDays = Map.of(CreditGrade.A, 120, CreditGrade.B, 90, CreditGrade.C, 45, CreditGrade.D, 0);
        assertThat(a.recommendedPaymentTermDays()).isEqualTo(termDays.get(a.grade()));
        assertThat(a.recommendedPaymentMethod()).isEqualTo(a.grade() == CreditGrade.D ? PaymentMethod.PREPAYMENT
                : a.grade() == CreditGrade.C ? PaymentMethod.CASH_ON_DELIVERY : PaymentMethod.CREDIT);
        // average monthly sales over the last 12 months x the grade's months, rounded down to 10000
        Map<CreditGrade, String> months = Map.of(CreditGrade.A, "4", CreditGrade.B, "3", CreditGrade.C, "1.5", CreditGrade.D, "0");
        // the history's invoices: 50,000 a month in each of the last 12 months (see history())
        java.math.BigDecimal monthly = historyMonthlySales(history(CustomerType.DISTRIBUTOR, 0, 0, false));
        java.math.BigDecimal expected = monthly.multiply(new java.math.BigDecimal(months.get(a.grade())))
                .divide(new java.math.BigDecimal("10000"), 0, java.math.RoundingMode.FLOOR).multiply(new java.math.BigDecimal("10000"));
        assertThat(a.recommendedLimit().amount()).isEqualByComparingTo(expected);
    }

    @Test
    void newCustomerGetsTheNewCustomerGradeAndLimitNotAGoodOne() {
        CustomerSnapshot fresh = TestOrders.of(CustomerType.DISTRIBUTOR).grade(null).snapshot();
        CreditAssessment a = CONTROL.assess(fresh);
        assertThat(a.newCustomer()).isTrue();
        assertThat(a.grade()).isEqualTo(CreditGrade.C);
        assertThat(a.recommendedLimit()).isEqualTo(Money.cny("200000"));
        CreditAssessment hospital = CONTROL.assess(TestOrders.of(CustomerType.HOSPITAL).grade(null).snapshot());
        assertThat(hospital.grade()).isEqualTo(CreditGrade.B);
        assertThat(hospital.recommendedLimit()).isEqualTo(Money.cny("1000000"));
    }

    @Test
    void severelyOverdueCustomerGoesRedAtOnceWithCollectionAndSuspension() {
        CreditAssessment a = CONTROL.assess(history(CustomerType.DISTRIBUTOR, 0, 120, false),
                Optional.of(CONTROL.assess(history(CustomerType.DISTRIBUTOR, 0, 0, false))));
        assertThat(a.warningLevel()).isEqualTo(WarningLevel.RED);
        assertThat(a.actions()).contains(WarningAction.START_COLLECTION, WarningAction.SUSPEND_SHIPMENTS);
        assertThat(a.hasReason("WARN_SEVERELY_OVERDUE")).isTrue();
    }

    @Test
    void overdueBeyondToleranceIsOrange() {
        CreditAssessment a = CONTROL.assess(history(CustomerType.DISTRIBUTOR, 0, 40, false));
        assertThat(a.warningLevel()).isEqualTo(WarningLevel.ORANGE);
        assertThat(a.hasReason("WARN_OVERDUE")).isTrue();
        assertThat(a.actions()).contains(WarningAction.START_COLLECTION, WarningAction.REVIEW_LIMIT);
    }

    @Test
    void aNonSevereLevelRisesOneStepPerReview() {
        // Every invoice more than 90 days late: RED by the warning rule, but not a severe trigger.
        CustomerSnapshot slow = history(CustomerType.DISTRIBUTOR, 95, 0, false);
        CreditAssessment first = CONTROL.assess(slow);
        assertThat(first.warningLevel()).isEqualTo(WarningLevel.RED);
        CreditAssessment green = CONTROL.assess(history(CustomerType.DISTRIBUTOR, 0, 0, false));
        CreditAssessment afterGreen = CONTROL.assess(slow, Optional.of(green));
        assertThat(afterGreen.warningLevel()).isEqualTo(WarningLevel.ORANGE);
        assertThat(CONTROL.assess(slow, Optional.of(afterGreen)).warningLevel()).isEqualTo(WarningLevel.RED);
    }

    @Test
    void frozenAccountIsRedWhateverItsHistory() {
        CreditAssessment a = CONTROL.assess(history(CustomerType.HOSPITAL, 0, 0, true),
                Optional.of(CONTROL.assess(history(CustomerType.HOSPITAL, 0, 0, false))));
        assertThat(a.warningLevel()).isEqualTo(WarningLevel.RED);
        assertThat(a.hasReason("WARN_ACCOUNT_FROZEN")).isTrue();
    }

    @Test
    void ungradedAccountIsJudgedOnItsAssessedGrade() {
        // A new distributor is grade C: its largest single order on credit is 500000.
        CreditDecision d = TestOrders.distributor().grade(null).limit("5000000").line(DeviceClass.I, "22", "500000.01").check();
        assertThat(d.hasReason("ORDER_VALUE_ABOVE_GRADE_MAX")).isTrue();
        assertThat(d.reasons("ORDER_VALUE_ABOVE_GRADE_MAX").get(0).values()).containsEntry("grade", "C");
        CreditDecision graded = TestOrders.distributor().grade(CreditGrade.A).limit("5000000").line(DeviceClass.I, "22", "500000.01").check();
        assertThat(graded.reasons()).isEmpty();
    }

    @Test
    void anUngradedAccountWithHistoryIsJudgedOnTheGradeItsScorecardEarns() {
        CustomerSnapshot s = history(CustomerType.DISTRIBUTOR, 0, 0, false);   // no grade on the account
        CreditAssessment a = CONTROL.assess(s);
        assertThat(a.newCustomer()).isFalse();
        assertThat(a.grade()).isNotEqualTo(CreditGrade.D);
        // the order path grades with the scorecard rules alone: the same grade as a full assessment
        OrderRequest big = OrderRequest.builder("SO-1", "C-9", TODAY).line("A", DeviceClass.I, "22", Money.cny("5000000.01")).build();
        CreditDecision d = CONTROL.checkOrder(big, s);
        assertThat(d.reasons("ORDER_VALUE_ABOVE_GRADE_MAX")).singleElement()
                .satisfies(r -> assertThat(r.values()).containsEntry("grade", a.grade().name()));
    }

    @Test
    void eventsThatCallForReassessment() {
        CreditAssessment last = CONTROL.assess(history(CustomerType.DISTRIBUTOR, 0, 0, false));
        Money limit = last.recommendedLimit();
        assertThat(CONTROL.needsReassessment(CreditEvent.licenceChanged("C-9"), Optional.of(last))).isTrue();
        assertThat(CONTROL.needsReassessment(CreditEvent.newOverdueItem("C-9", "INV-1"), Optional.of(last))).isTrue();
        assertThat(CONTROL.needsReassessment(CreditEvent.limitChanged("C-9"), Optional.of(last))).isTrue();
        Money small = Money.of(limit.amount().multiply(new java.math.BigDecimal("0.30")), "CNY");
        Money large = small.plus(Money.cny("0.01"));
        assertThat(CONTROL.needsReassessment(CreditEvent.largeOrder("C-9", small), Optional.of(last))).isFalse();
        assertThat(CONTROL.needsReassessment(CreditEvent.largeOrder("C-9", large), Optional.of(last))).isTrue();
        assertThat(CONTROL.needsReassessment(CreditEvent.largeOrder("C-10", small), Optional.empty())).isTrue();
        assertThat(CONTROL.customersToReassess(java.util.List.of(CreditEvent.largeOrder("C-9", small),
                CreditEvent.licenceChanged("C-7")), Map.of("C-9", last))).containsExactly("C-7");
    }

    @Test
    void nullSnapshotIsRefused() {
        assertThatThrownBy(() -> CONTROL.assess(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snapshot");
    }
}
