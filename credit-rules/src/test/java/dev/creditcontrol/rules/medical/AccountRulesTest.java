package dev.creditcontrol.rules.medical;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.PaymentMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.creditcontrol.rules.TestOrders.codes;
import static dev.creditcontrol.rules.TestOrders.distributor;
import static dev.creditcontrol.rules.TestOrders.licence;
import static org.assertj.core.api.Assertions.assertThat;

/** account.drl: frozen account, grade D, largest order per grade; and outcome precedence. */
class AccountRulesTest {

    @ParameterizedTest
    @EnumSource(PaymentMethod.class)
    void frozenAccountFreezesWhateverThePaymentMethod(PaymentMethod method) {
        CreditDecision d = distributor().frozen().paidBy(method).check();
        assertThat(d.outcome()).isEqualTo(Outcome.FREEZE);
        assertThat(codes(d)).containsExactly("ACCOUNT_FROZEN");
        assertThat(d.requiredApproval()).isEmpty();
    }

    @Test
    void freezeOutranksEveryOtherFindingAndKeepsThemAll() {
        CreditDecision d = distributor().frozen().limit("100").openInvoice("50", 200)
                .withOnlyLicences(licence(LicenceType.BUSINESS_LICENCE, null)).line(DeviceClass.III, "07", "1000").check();
        assertThat(d.outcome()).isEqualTo(Outcome.FREEZE);
        assertThat(codes(d)).containsExactlyInAnyOrder("ACCOUNT_FROZEN", "CREDIT_LIMIT_EXCEEDED", "OVERDUE_RECEIVABLES", "LICENCE_MISSING");
    }

    @Test
    void gradeDAllowsNoCreditSale() {
        CreditDecision d = distributor().grade(CreditGrade.D).check();
        assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(codes(d)).containsExactly("LOW_CREDIT_GRADE");
    }

    @Test
    void gradeDMayStillBuyWithPrepayment() {
        CreditDecision d = distributor().grade(CreditGrade.D).paidBy(PaymentMethod.PREPAYMENT).check();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
    }

    @ParameterizedTest(name = "grade {0}: {1} passes, one cent more needs the finance director")
    @CsvSource({"A, 5000000", "B, 2000000", "C, 500000"})
    void largestSingleOrderPerGrade(CreditGrade grade, String max) {
        CreditDecision atMax = distributor().limit("100000000").grade(grade).line(DeviceClass.I, "22", max).check();
        assertThat(atMax.outcome()).isEqualTo(Outcome.APPROVE);
        CreditDecision above = distributor().limit("100000000").grade(grade)
                .line(DeviceClass.I, "22", new java.math.BigDecimal(max).add(new java.math.BigDecimal("0.01")).toPlainString()).check();
        assertThat(above.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(above.requiredApproval()).contains(ApprovalLevel.FINANCE_DIRECTOR);
        assertThat(codes(above)).containsExactly("ORDER_VALUE_ABOVE_GRADE_MAX");
    }

    @Test
    void ungradedNewHospitalIsJudgedAsGradeB() {
        CreditDecision atMax = dev.creditcontrol.rules.TestOrders.of(dev.creditcontrol.model.CustomerType.HOSPITAL)
                .limit("100000000").grade(null).line(DeviceClass.III, "06", "2000000").check();
        assertThat(atMax.outcome()).isEqualTo(Outcome.APPROVE);
        CreditDecision above = dev.creditcontrol.rules.TestOrders.of(dev.creditcontrol.model.CustomerType.HOSPITAL)
                .limit("100000000").grade(null).line(DeviceClass.III, "06", "2000000.01").check();
        assertThat(codes(above)).containsExactly("ORDER_VALUE_ABOVE_GRADE_MAX");
        assertThat(above.reasons().get(0).values()).containsEntry("grade", "B");
    }
}
