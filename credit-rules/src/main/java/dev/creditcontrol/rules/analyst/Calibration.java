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
    private static final String TYPES = "parameter-types.properties";
    /** Declarations the written scorecard needs, for a rule set whose type file predates them. */
    private static final List<String> SCORECARD_TYPES = List.of(
            "score.base = integer -1000..1000 optional | points every customer starts from",
            "score.base.<TYPE> = integer -1000..1000 | the same for a customer type with a scorecard of its own",
            "score.<FACTOR>.<TYPE>.bins = decimals | the same for one customer type",
            "score.<FACTOR>.<TYPE>.points = integers | the same for one customer type",
            "score.<FACTOR>.<TYPE>.missing = integer -1000..1000 | the same for one customer type");
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

    /**
     * Population stability index of the held-out customers' scores against the fitting customers'
     * (ten bands at the fitting deciles). With a time-aware split it says whether the newer
     * customers score like the older ones: under 0.10 alike, 0.10 to 0.25 shifting, over 0.25 a
     * population the scorecard was not fitted on. Each factor's own index is in {@link #factors()}.
     */
    public double scoreStability() {
        return fit.scoreStability();
    }

    /** Rows used to fit and to test, and the bad ones among them. */
    public String sample() {
        return fit.train() + " to fit (" + fit.badsTrain() + " bad), " + fit.test() + " held out (" + fit.badsTest() + " bad)";
    }

    /** The fitted scorecard as parameter-file lines ({@code score.*}, {@code grade.minScore.*}). */
    public String parameters() {
        return ScorecardFit.parameterText(fit);
    }

    /** Each factor's logistic coefficient on its weight of evidence in the pooled scorecard (negative: the factor separates as expected). */
    public Map<String, Double> coefficients() {
        return ScorecardFit.coefficients(fit);
    }

    /** Every factor of every scorecard fitted (the pooled one first, then each customer type's own): bins, bad rates, points, information value. */
    public List<FactorReport> factors() {
        return fit.report();
    }

    /** The customer types that got a scorecard of their own (the others use the pooled one). */
    public List<String> ownScorecards() {
        return fit.types().stream().map(ScorecardFit.Segment::name).toList();
    }

    /** Points that double the good:bad odds in the fitted scorecard. */
    public double pointsToDouble() {
        return fit.pointsToDouble();
    }

    /** How the history was split into fitting and held-out customers. */
    public String split() {
        return fit.split();
    }

    /** The whole report as text: split, held-out AUC, KS and Gini, scale, and every factor's bins. */
    public String report() {
        return ScorecardFit.reportText(fit);
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
            Path types = dir.resolve(TYPES);
            if (Files.exists(types)) {
                Files.writeString(types, withScorecardTypes(Files.readString(types, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            }
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
                .filter(l -> !(l.startsWith("score.") && !l.contains(".higherIs")) && !l.startsWith("grade.minScore.")
                        && !l.startsWith("# calibration"))
                .collect(Collectors.joining("\n")).stripTrailing();
        return kept + "\n" + String.format(Locale.ROOT, "# calibration: %s; held out AUC %.4f, KS %.4f, Gini %.4f%n",
                sample(), auc(), ks(), gini()) + parameters();
    }

    /** The parameter type file with any declaration the scorecard needs and it lacks appended. */
    static String withScorecardTypes(String typeFile) {
        StringBuilder b = new StringBuilder(typeFile.stripTrailing()).append('\n');
        java.util.Set<String> declared = typeFile.lines().map(l -> l.split("=", 2)[0].strip()).collect(Collectors.toSet());
        for (String line : SCORECARD_TYPES) {
            if (!declared.contains(line.split("=", 2)[0].strip())) b.append(line).append('\n');
        }
        return b.toString();
    }

    private static String calibratedManifest(String manifest) {
        return manifest.replaceFirst("(?m)^version=(\\S+?)\\s*$", "version=$1-calibrated");
    }
}
