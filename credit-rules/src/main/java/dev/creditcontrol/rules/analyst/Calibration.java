package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.rules.CreditControl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A scorecard fitted from labelled history by {@link ScorecardCalibrator}: its quality on the
 * held-out part of the history, and a way to write it out as a rule set.
 */
public final class Calibration {
    private static final String PARAMETERS = "parameters.properties";
    private static final String MANIFEST = "ruleset.properties";
    private final ScorecardFit.Result fit;
    /** The rule-set folder calibrated; empty: the bundled rule set. */
    private final Optional<Path> base;

    Calibration(ScorecardFit.Result fit, Optional<Path> base) {
        this.fit = fit;
        this.base = base;
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
     * Writes a complete rule-set folder: the rule set that was calibrated (the given folder, or
     * the bundled {@code medical-device} rules) with this scorecard in place of its own, version
     * {@code <version>-calibrated}. Load it with {@code CreditControl.builder().ruleSetDirectory(dir)}.
     */
    public void writeRuleSet(Path dir) {
        try {
            if (base.isPresent()) {
                copy(base.get(), dir);
            } else {
                CreditControl.writeDefaultRules(dir);
            }
            Path parameters = dir.resolve(PARAMETERS);
            Files.writeString(parameters, withScorecard(Files.readString(parameters, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            Path manifest = dir.resolve(MANIFEST);
            Files.writeString(manifest, calibratedManifest(Files.readString(manifest, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the calibrated rule set to " + dir, e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the calibrated rule set must go to another folder than " + from);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The parameter file with its scorecard lines replaced by this calibration's. */
    public String withScorecard(String parameterFile) {
        String kept = parameterFile.lines()
                .filter(l -> !l.startsWith("score.") && !l.startsWith("grade.minScore.") && !l.startsWith("# calibration:"))
                .collect(Collectors.joining("\n")).stripTrailing();
        return kept + "\n" + String.format(Locale.ROOT, "# calibration: %s; held out AUC %.4f, KS %.4f, Gini %.4f%n",
                sample(), auc(), ks(), gini()) + parameters();
    }

    private static String calibratedManifest(String manifest) {
        return manifest.replaceFirst("(?m)^version=(\\S+?)\\s*$", "version=$1-calibrated");
    }
}
