package dev.creditcontrol.rules.medical;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.PaymentMethod;
import dev.creditcontrol.rules.TestOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.creditcontrol.rules.TestOrders.codes;
import static org.assertj.core.api.Assertions.assertThat;

/** overdue.drl: tolerance and severe marks per customer type, both sides of each. */
class OverdueRulesTest {

    @ParameterizedTest(name = "{0}: tolerance {1} days, severe above {2}")
    @CsvSource({
            "HOSPITAL,    90, 180",
            "CLINIC,      60, 120",
            "DISTRIBUTOR, 30,  90",
            "AGENT,       30,  60",
            "OTHER,       30,  60",
    })
    void overdueToleranceEdgesPerCustomerType(CustomerType type, int tolerance, int severe) {
        assertThat(check(type, tolerance).outcome()).as("at tolerance").isEqualTo(Outcome.APPROVE);

        CreditDecision past = check(type, tolerance + 1);
        assertThat(past.outcome()).as("one day past tolerance").isEqualTo(Outcome.ESCALATE);
        assertThat(past.requiredApproval()).contains(ApprovalLevel.CREDIT_MANAGER);
        assertThat(codes(past)).containsExactly("OVERDUE_RECEIVABLES");

        assertThat(check(type, severe).outcome()).as("at the severe mark").isEqualTo(Outcome.ESCALATE);

        CreditDecision severeOverdue = check(type, severe + 1);
        assertThat(severeOverdue.outcome()).as("one day past the severe mark").isEqualTo(Outcome.REJECT);
        assertThat(codes(severeOverdue)).containsExactly("OVERDUE_RECEIVABLES");
    }

    @Test
    void hospitalsAreToleratedLongerThanDistributors() {
        assertThat(check(CustomerType.HOSPITAL, 60).outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(check(CustomerType.DISTRIBUTOR, 60).outcome()).isEqualTo(Outcome.ESCALATE);
    }

    @Test
    void theOldestOpenItemCounts() {
        CreditDecision d = TestOrders.distributor().openInvoice("10", 5).openInvoice("10", 45).openInvoice("10", 0).check();
        assertThat(d.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(d.reasons().get(0).values()).containsEntry("daysOverdue", "45").containsEntry("overdueAmount", "20.00 CNY");
    }

    @Test
    void prepaidOrderFromAnOverdueCustomerIsApproved() {
        CreditDecision d = TestOrders.distributor().openInvoice("10000", 200).paidBy(PaymentMethod.PREPAYMENT).check();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
    }

    private static CreditDecision check(CustomerType type, int daysOverdue) {
        return TestOrders.of(type).openInvoice("10000", daysOverdue).check();
    }
}
