package dev.creditcontrol.examples;

import dev.creditcontrol.rules.analyst.Calibration;
import dev.creditcontrol.rules.analyst.ScorecardCalibrator;
import dev.creditcontrol.rules.analyst.ScenarioFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The documented calibration behind the bundled scorecard: fits it on the synthetic labelled
 * history ({@code credit-examples/cases/labelled-history.csv}) and writes the result into the
 * bundled {@code parameters.properties}. A test fails when the two drift apart.
 */
public final class CalibrateBundled {
    public static final Path HISTORY = Path.of("credit-examples/cases/labelled-history.csv");
    public static final Path PARAMETERS = Path.of(
            "credit-rules/src/main/resources/dev/creditcontrol/rules/medical-device/parameters.properties");

    public static Calibration calibrate(Path history) {
        return ScorecardCalibrator.fit(ScenarioFile.readLabelled(history));
    }

    public static void main(String[] args) throws Exception {
        Calibration c = calibrate(HISTORY);
        String text = Files.readString(PARAMETERS, StandardCharsets.UTF_8);
        Files.writeString(PARAMETERS, c.withScorecard(text), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "bundled scorecard calibrated on %s: AUC %.4f, KS %.4f, Gini %.4f%n",
                c.sample(), c.auc(), c.ks(), c.gini());
    }

    private CalibrateBundled() {}
}
