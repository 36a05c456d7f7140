package dev.creditcontrol.examples;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.rules.analyst.Calibration;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.analyst.LabelledSnapshot;
import dev.creditcontrol.rules.analyst.ScorecardCalibrator;
import dev.creditcontrol.rules.analyst.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalibrationTest {

    @Test
    void fitsASeparatingScorecardAndWritesARuleSetThatLoads(@TempDir Path dir) {
        List<LabelledSnapshot> history = SyntheticHistory.generate(1500, 7);
        Calibration c = ScorecardCalibrator.fit(history);
        assertThat(c.auc()).isGreaterThan(0.68);
        assertThat(c.ks()).isGreaterThan(0.30);
        assertThat(c.gini()).isEqualTo(2 * c.auc() - 1);
        c.writeRuleSet(dir);
        // its scenarios pinning the bundled points (score drops) are the analyst's to re-check with `test`
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir).verifyScenarios(false).build()) {
            assertThat(control.ruleSets().get(0).version()).isEqualTo("1.0.0-calibrated");
            CreditAssessment a = control.assess(history.get(0).snapshot());
            assertThat(a.factors()).hasSize(12);
            assertThat(a.ruleSetVersion()).isEqualTo("1.0.0-calibrated");
        }
    }

    @Test
    void calibrationIsDeterministic() {
        List<LabelledSnapshot> history = SyntheticHistory.generate(500, 3);
        assertThat(ScorecardCalibrator.fit(history).parameters()).isEqualTo(ScorecardCalibrator.fit(history).parameters());
    }

    @Test
    void historyWithoutBadCustomersIsRefused() {
        List<LabelledSnapshot> allGood = SyntheticHistory.generate(100, 3).stream()
                .map(h -> new LabelledSnapshot(h.snapshot(), false)).toList();
        assertThatThrownBy(() -> ScorecardCalibrator.fit(allGood))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 bad");
        assertThatThrownBy(() -> ScorecardCalibrator.fit(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bundledScorecardIsTheDocumentedCalibrationOfTheShippedHistory() throws Exception {
        Path history = Path.of("cases/labelled-history.csv");
        Path parameters = Path.of("../credit-rules/src/main/resources/dev/creditcontrol/rules/medical-device/parameters.properties");
        String bundled = Files.readString(parameters, StandardCharsets.UTF_8);
        assertThat(CalibrateBundled.calibrate(history).withScorecard(bundled)).as("re-run CalibrateBundled").isEqualTo(bundled);
    }

    @Test
    void shippedHistoryIsTheSyntheticGenerator() throws Exception {
        StringWriter fresh = new StringWriter();
        dev.creditcontrol.rules.analyst.ScenarioFile.writeLabelled(fresh, ExportHistory.history());
        assertThat(Files.readString(Path.of("cases/labelled-history.csv")).replace("\r\n", "\n"))
                .isEqualTo(fresh.toString().replace("\r\n", "\n"));
    }

    @Test
    void calibrateCommandWritesARuleSetAndPrintsTheQuality(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "calibrate",
                "cases/labelled-history.csv", dir.resolve("calibrated").toString());
        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("held out: AUC 0\\.\\d{4}, KS 0\\.\\d{4}")
                .as("the bundled points again: every bundled scenario still passes").containsPattern("scenarios: all \\d+ pass");
        assertThat(Files.exists(dir.resolve("calibrated/parameters.properties"))).isTrue();
    }
}
