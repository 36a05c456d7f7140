package dev.creditcontrol.rules;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.decision.WarningAction;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15's warnings and terms, on the bundled rule set. */
class RiskJudgementTest {
    private static final CreditControl CONTROL = TestOrders.DEFAULT;

    private static CreditAssessment previous(CreditAssessment now, int score, CreditGrade grade, boolean newCustomer) {
        return new CreditAssessment(now.customerId(), now.asOf().minusMonths(1), score, grade, WarningLevel.GREEN, java.util.Set.of(),
                now.exposure(), newCustomer, now.recommendedLimit(), now.recommendedPaymentTermDays(), now.recommendedPaymentMethod(),
                java.util.List.of(), java.util.List.of(), now.ruleSetName(), now.ruleSetVersion(), now.assessedAt());
    }

    @Test
    void aScoreFallOfFifteenPointsRaisesWarnScoreDropAtOrangeWithBothScores() {
        CustomerSnapshot s = TestOrders.paymentHistory(CustomerType.HOSPITAL, 20, 0, false);
        CreditAssessment now = CONTROL.assess(s);
        assertThat(now.score()).isLessThanOrEqualTo(85);
        assertThat(now.hasReason("WARN_SCORE_DROP")).isFalse();
        CreditAssessment after = CONTROL.assess(s, Optional.of(previous(now, now.score() + 15, now.grade(), false)));
        assertThat(after.warningLevel()).isGreaterThanOrEqualTo(WarningLevel.ORANGE);
        assertThat(after.reasons()).filteredOn(r -> r.code().equals("WARN_SCORE_DROP")).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(dev.creditcontrol.decision.Outcome.ESCALATE));
        Reason drop = after.reasons().stream().filter(r -> r.code().equals("WARN_SCORE_DROP")).findFirst().orElseThrow();
        assertThat(drop.values()).containsEntry("drop", "15").containsEntry("score", String.valueOf(now.score()))
                .containsEntry("previousScore", String.valueOf(now.score() + 15));
        assertThat(CONTROL.assess(s, Optional.of(previous(now, now.score() + 14, now.grade(), false))).hasReason("WARN_SCORE_DROP")).isFalse();
        // a new customer's grade was fixed, not earned: its score is not compared
        assertThat(CONTROL.assess(s, Optional.of(previous(now, 100, CreditGrade.A, true))).hasReason("WARN_SCORE_DROP")).isFalse();
    }

    @Test
    void recommendedTermsNeverExceedTheStatutoryCeilingForHospitalsAndClinics() {
        for (CustomerType type : CustomerType.values()) {
            CreditAssessment a = CONTROL.assess(TestOrders.paymentHistory(type, 0, 0, false));
            if (type == CustomerType.HOSPITAL || type == CustomerType.CLINIC) {
                assertThat(a.recommendedPaymentTermDays()).as(type.name()).isLessThanOrEqualTo(60);
            }
        }
        CreditAssessment distributor = CONTROL.assess(TestOrders.paymentHistory(CustomerType.DISTRIBUTOR, 0, 0, false));
        assertThat(distributor.grade()).isEqualTo(CreditGrade.A);
        assertThat(distributor.recommendedPaymentTermDays()).isEqualTo(120); // no ceiling for a private distributor
    }

    @Test
    void exposureAboveTheRecommendedLimitProposesReducingItWithTheFigures() {
        dev.creditcontrol.rules.analyst.Scenario row = dev.creditcontrol.rules.analyst.ScenarioFile
                .read(java.nio.file.Path.of("src/main/resources/dev/creditcontrol/rules/medical-device/scenarios/risk.csv")).stream()
                .filter(r -> r.name().equals("exposure above the recommended limit proposes reducing it")).findFirst().orElseThrow();
        CreditAssessment a = CONTROL.assess(row.snapshot());
        assertThat(a.exposure().isGreaterThan(a.recommendedLimit())).isTrue();
        assertThat(a.actions()).contains(WarningAction.REDUCE_LIMIT);
        assertThat(a.warningLevel()).isEqualTo(WarningLevel.GREEN); // proposed, not a level of its own
        Reason r = a.reasons().stream().filter(x -> x.code().equals("WARN_EXPOSURE_ABOVE_RECOMMENDED")).findFirst().orElseThrow();
        assertThat(r.message()).isEqualTo("Exposure 30,000.00 CNY is above the limit the grade recommends (20,000.00 CNY; "
                + "the limit is 1,000,000.00 CNY): reduce the limit");
        assertThat(r.values()).containsKeys("exposure", "recommendedLimit", "limit");
    }

    @Test
    void aLapsedClassLicenceIsOrangeWithItsReasonAndAnAlwaysRequiredOneRed() {
        java.util.List<dev.creditcontrol.rules.analyst.Scenario> rows = dev.creditcontrol.rules.analyst.ScenarioFile
                .read(java.nio.file.Path.of("src/main/resources/dev/creditcontrol/rules/medical-device/scenarios/risk.csv"));
        CreditAssessment lapsed = CONTROL.assess(rows.stream().filter(r -> r.name().equals("class III licence lapsed is orange"))
                .findFirst().orElseThrow().snapshot());
        assertThat(lapsed.warningLevel()).isEqualTo(WarningLevel.ORANGE);
        assertThat(lapsed.reasons()).extracting(Reason::message)
                .contains("Licence lapsed and not renewed: DEVICE_OPERATION_LICENCE; no sale of the device classes it covers until it is renewed");
    }
}
