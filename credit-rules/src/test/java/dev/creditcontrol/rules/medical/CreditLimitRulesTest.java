package dev.creditcontrol.rules.medical;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.PaymentMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.creditcontrol.rules.TestOrders.TODAY;
import static dev.creditcontrol.rules.TestOrders.codes;
import static dev.creditcontrol.rules.TestOrders.distributor;
import static org.assertj.core.api.Assertions.assertThat;

/** credit-limit.drl: watch share, exceeded tiers, zero limit, expired limit. */
class CreditLimitRulesTest {

    @Test
    void approvesExposureWellWithinTheLimit() {
        CreditDecision d = distributor().limit("100000").openInvoice("20000", 0).line(DeviceClass.I, "22", "10000").check();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(d.reasons()).isEmpty();
        assertThat(d.requiredApproval()).isEmpty();
    }

    @Test
    void exposureExactlyAtTheWatchShareRaisesNoWarning() {
        CreditDecision d = distributor().limit("100000").openInvoice("80000", 0).line(DeviceClass.I, "22", "10000").check();
        assertThat(codes(d)).doesNotContain("CREDIT_LIMIT_NEAR");
    }

    @Test
    void exposureOneCentAboveTheWatchShareApprovesWithAWarning() {
        CreditDecision d = distributor().limit("100000").openInvoice("80000", 0).line(DeviceClass.I, "22", "10000.01").check();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(codes(d)).containsExactly("CREDIT_LIMIT_NEAR");
        assertThat(d.reasons().get(0).values()).containsEntry("utilization", "0.9000").containsEntry("limit", "100000.00 CNY");
    }

    @Test
    void exposureExactlyAtTheLimitPasses() {
        CreditDecision d = distributor().limit("100000").openInvoice("60000", 0).openOrders("15000")
                .line(DeviceClass.I, "22", "25000").check();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(codes(d)).containsExactly("CREDIT_LIMIT_NEAR");
    }

    @Test
    void exposureOneCentOverTheLimitIsEscalatedToTheSalesManager() {
        CreditDecision d = distributor().limit("100000").openInvoice("60000", 0).openOrders("15000")
                .line(DeviceClass.I, "22", "25000.01").check();
        assertThat(d.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(d.requiredApproval()).contains(ApprovalLevel.SALES_MANAGER);
        assertThat(codes(d)).containsExactly("CREDIT_LIMIT_EXCEEDED");
        assertThat(d.reasons().get(0).values()).containsEntry("overLimit", "0.01 CNY");
        assertThat(d.reasons().get(0).rule()).isEqualTo("Over the credit limit by a little: sales manager may release");
    }

    @ParameterizedTest(name = "order {0} on a 100000 limit -> {1} {2}")
    @CsvSource({
            "105000.00, ESCALATE, SALES_MANAGER",
            "105000.01, ESCALATE, CREDIT_MANAGER",
            "120000.00, ESCALATE, CREDIT_MANAGER",
            "120000.01, ESCALATE, FINANCE_DIRECTOR",
            "150000.00, ESCALATE, FINANCE_DIRECTOR",
            "150000.01, REJECT,",
    })
    void approvalLevelRisesWithHowFarTheOrderGoesOverTheLimit(String amount, Outcome outcome, ApprovalLevel level) {
        CreditDecision d = distributor().limit("100000").grade(null).line(DeviceClass.I, "22", amount).check();
        assertThat(d.outcome()).isEqualTo(outcome);
        assertThat(d.requiredApproval().orElse(null)).isEqualTo(level);
        assertThat(codes(d)).containsExactly("CREDIT_LIMIT_EXCEEDED");
    }

    @ParameterizedTest
    @EnumSource(value = PaymentMethod.class, names = {"PREPAYMENT", "CASH_ON_DELIVERY"})
    void orderNotOnCreditIsApprovedEvenOverTheLimit(PaymentMethod method) {
        CreditDecision d = distributor().limit("100000").openInvoice("150000", 0).paidBy(method)
                .line(DeviceClass.I, "22", "500000").check();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(codes(d)).isEmpty();
    }

    @Test
    void zeroLimitMeansNoCreditSale() {
        CreditDecision d = distributor().limit("0").line(DeviceClass.I, "22", "1").check();
        assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(codes(d)).containsExactly("CREDIT_LIMIT_EXCEEDED");
        assertThat(d.reasons().get(0).rule()).isEqualTo("Zero credit limit: no credit sale");
    }

    @Test
    void zeroLimitStillAllowsPrepaidOrders() {
        CreditDecision d = distributor().limit("0").paidBy(PaymentMethod.PREPAYMENT).line(DeviceClass.I, "22", "1").check();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void waivedLimitCheckIsAnExplicitChoiceThatSkipsLimitRules() {
        CreditDecision d = distributor().limit("0").withoutLimitCheck().limitValidUntil(TODAY.minusDays(1))
                .line(DeviceClass.I, "22", "5000000").grade(dev.creditcontrol.model.CreditGrade.A).check();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(codes(d)).isEmpty();
    }

    @Test
    void limitValidOnItsLastDayRaisesNothing() {
        CreditDecision d = distributor().limitValidUntil(TODAY).check();
        assertThat(codes(d)).doesNotContain("CREDIT_LIMIT_EXPIRED");
    }

    @Test
    void limitExpiredTheDayBeforeTheOrderGoesToTheCreditManager() {
        CreditDecision d = distributor().limitValidUntil(TODAY.minusDays(1)).check();
        assertThat(d.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(d.requiredApproval()).contains(ApprovalLevel.CREDIT_MANAGER);
        assertThat(codes(d)).containsExactly("CREDIT_LIMIT_EXPIRED");
    }

    @Test
    void expiredLimitDoesNotMatterForPrepaidOrders() {
        CreditDecision d = distributor().limitValidUntil(TODAY.minusDays(1)).paidBy(PaymentMethod.PREPAYMENT).check();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void highestApprovalLevelWinsWhenSeveralRulesEscalate() {
        CreditDecision d = distributor().limit("100000").limitValidUntil(TODAY.minusDays(1))
                .line(DeviceClass.I, "22", "101000").check();
        assertThat(d.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(codes(d)).containsExactlyInAnyOrder("CREDIT_LIMIT_EXCEEDED", "CREDIT_LIMIT_EXPIRED");
        assertThat(d.requiredApproval()).contains(ApprovalLevel.CREDIT_MANAGER);
    }
}
