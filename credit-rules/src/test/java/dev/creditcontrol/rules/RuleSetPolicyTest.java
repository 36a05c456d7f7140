package dev.creditcontrol.rules;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Policy an analyst owns as rule-set data: the licence table, history windows and reassessment triggers. */
class RuleSetPolicyTest {

    private static CreditControl load(Path dir) {
        return CreditControl.builder().ruleSetDirectory(dir).verifyScenarios(false).build(); // changed policy, bundled scenarios
    }

    @Test
    void anAnalystCanRequireABusinessLicenceFromHospitalsWithoutJava(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("parameters.properties"), "licence.required.III.HOSPITAL=MEDICAL_INSTITUTION_LICENCE",
                "licence.required.III.HOSPITAL=MEDICAL_INSTITUTION_LICENCE, BUSINESS_LICENCE");
        TestOrders hospital = TestOrders.of(CustomerType.HOSPITAL)
                .withOnlyLicences(TestOrders.licence(LicenceType.MEDICAL_INSTITUTION_LICENCE, null))
                .grade(dev.creditcontrol.model.CreditGrade.A).line(DeviceClass.III, "07", "1000");
        assertThat(hospital.check().outcome()).isEqualTo(Outcome.APPROVE);
        try (CreditControl stricter = load(dir)) {
            CreditDecision d = hospital.checkWith(stricter);
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(d.reasons("LICENCE_MISSING")).singleElement()
                    .satisfies(r -> assertThat(r.values()).containsEntry("requiredType", "BUSINESS_LICENCE"));
        }
    }

    @Test
    void aLicenceTableWithAGapOrAMisspeltTypeIsRefusedAtItsLine(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("parameters.properties"), "licence.required.II=BUSINESS_LICENCE, DEVICE_FILING\n", "");
        RuleFolders.replace(dir.resolve("parameters.properties"), "licence.required.III=BUSINESS_LICENCE, DEVICE_OPERATION_LICENCE",
                "licence.required.III=BUSINESS_LICENSE, DEVICE_OPERATION_LICENCE");
        List<RuleSetProblem> problems = CreditControl.validate(dir);
        assertThat(problems).filteredOn(p -> p.severity() == RuleSetProblem.Severity.ERROR)
                .extracting(RuleSetProblem::message)
                .anySatisfy(m -> assertThat(m).contains("licence.required.II").contains("DISTRIBUTOR"))
                .anySatisfy(m -> assertThat(m).contains("'BUSINESS_LICENSE' is not one of"));
        assertThat(problems).filteredOn(p -> p.message().contains("BUSINESS_LICENSE"))
                .allSatisfy(p -> {
                    assertThat(p.file()).isEqualTo("parameters.properties");
                    assertThat(p.line()).isPositive();
                });
    }

    @Test
    void reassessmentTriggersComeFromTheRuleSet(@TempDir Path dir) {
        CreditAssessment last = TestOrders.DEFAULT.assess(TestOrders.paymentHistory(CustomerType.DISTRIBUTOR, 0, 0, false));
        assertThat(TestOrders.DEFAULT.needsReassessment(CreditEvent.licenceChanged("C-9"), Optional.of(last))).isTrue();
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("parameters.properties"),
                "reassess.on=LARGE_ORDER, NEW_OVERDUE_ITEM, LICENCE_CHANGED, LIMIT_CHANGED", "reassess.on=NEW_OVERDUE_ITEM");
        try (CreditControl control = load(dir)) {
            assertThat(control.needsReassessment(CreditEvent.licenceChanged("C-9"), Optional.of(last))).isFalse();
            assertThat(control.needsReassessment(CreditEvent.largeOrder("C-9", Money.cny("99999999")), Optional.of(last))).isFalse();
            assertThat(control.needsReassessment(CreditEvent.newOverdueItem("C-9", "INV-1"), Optional.of(last))).isTrue();
        }
    }

    @Test
    void theHistoryWindowComesFromTheRuleSet(@TempDir Path dir) {
        // twelve invoices, one a month, all paid on time: a 12-month window sees all of them
        CreditAssessment bundled = TestOrders.DEFAULT.assess(TestOrders.paymentHistory(CustomerType.DISTRIBUTOR, 0, 0, false));
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("parameters.properties"), "history.months=12", "history.months=6");
        try (CreditControl control = load(dir)) {
            CreditAssessment shorter = control.assess(TestOrders.paymentHistory(CustomerType.DISTRIBUTOR, 0, 0, false));
            // the monthly sales average is taken over the window: half the months, half the invoices
            assertThat(shorter.recommendedLimit().amount()).isLessThan(bundled.recommendedLimit().amount());
        }
    }
}
