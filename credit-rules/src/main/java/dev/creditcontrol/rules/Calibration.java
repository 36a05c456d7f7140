package dev.creditcontrol.rules;

import dev.creditcontrol.rules.internal.RuleSetSource;
import dev.creditcontrol.rules.internal.ScorecardFit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A scorecard fitted from labelled history by {@link ScorecardCalibrator}: its quality on the
 * held-out part of the history, and a way to write it out as a rule set.
 */
public final class Calibration {
    private final ScorecardFit.Result fit;

    Calibration(ScorecardFit.Result fit) {
        this.fit = fit;
    }

    /** Area under the ROC curve on the held-out part (0.5 is chance, 1 perfect). */
    public double auc() {
        return fit.auc();
    }

    /** Kolmogorov-Smirnov statistic on the held-out part: the largest gap between bad and good score distributions. */
    public double ks() {
        return fit.ks();
    }

    /** Gini coefficient on the held-out part: {@code 2 * auc - 1}. */
    public double gini() {
        return 2 * fit.auc() - 1;
    }

    /** Rows used to fit and to test, and the bad ones among them. */
    public String sample() {
        return fit.train() + " to fit (" + fit.badsTrain() + " bad), " + fit.test() + " held out (" + fit.badsTest() + " bad)";
    }

    /** The fitted scorecard as parameter-file lines ({@code score.*}, {@code grade.minScore.*}). */
    public String parameters() {
        return ScorecardFit.parameterText(fit);
    }

    /** Each factor's logistic coefficient on its weight of evidence (negative: the factor separates as expected). */
    public Map<String, Double> coefficients() {
        return ScorecardFit.coefficients(fit);
    }

    /**
     * Writes a complete rule-set folder: the bundled {@code medical-device} rules with this
     * scorecard in place of the bundled one, version {@code <bundled>-calibrated}. Load it with
     * {@code CreditControl.builder().ruleSetDirectory(dir)}.
     */
    public void writeRuleSet(Path dir) {
        ClassLoader loader = Calibration.class.getClassLoader();
        RuleSetSource bundled = RuleSetSource.readClasspath(loader, CreditControl.DEFAULT_RULES);
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> file : bundled.files().entrySet()) {
                String text = file.getValue();
                if (file.getKey().equals(RuleSetSource.PARAMETERS)) text = withScorecard(text);
                if (file.getKey().equals(RuleSetSource.MANIFEST)) text = calibratedManifest(text);
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the calibrated rule set to " + dir, e);
        }
    }

    /** The parameter file with its scorecard lines replaced by this calibration's. */
    public String withScorecard(String parameterFile) {
        String kept = parameterFile.lines()
                .filter(l -> !l.startsWith("score.") && !l.startsWith("grade.minScore.") && !l.startsWith("# calibration:"))
                .collect(Collectors.joining("\n")).stripTrailing();
        return kept + "\n" + String.format(java.util.Locale.ROOT, "# calibration: %s; held out AUC %.4f, KS %.4f, Gini %.4f%n",
                sample(), auc(), ks(), gini()) + parameters();
    }

    private static String calibratedManifest(String manifest) {
        return manifest.replaceFirst("(?m)^version=(\\S+?)\\s*$", "version=$1-calibrated");
    }
}
