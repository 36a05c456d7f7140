package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.FactorScore;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.RuleSetInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * Fits a rule set's scorecard points from a labelled history, the way credit scorecards are
 * built: per factor, fine quantile bins pooled until the bad rate is monotone and each bin holds a
 * minimum share; weights of evidence; a ridge-penalised logistic regression on them; points scaled
 * by points-to-double-odds and rounded. A customer type with enough history gets a scorecard of
 * its own on the same scale (the others use the pooled one). Quality is reported on customers the
 * fit never saw: a seeded random hold-out, or, time-aware, the customers observed on or after a
 * date ({@link CalibrationOptions#fitBefore}). See {@link CalibrationOptions} for the settings.
 *
 * <p>The factors are the ones the rule set's scorecard rules score: each snapshot is assessed
 * with the rule set, and every {@code sheet.score(factor, value)} a rule made supplies a value. So a
 * factor is declared once, in its scorecard rule. A factor's expected direction may be declared in
 * the parameter file ({@code score.<factor>.higherIs=riskier} or {@code safer}); the bins are then
 * pooled until the bad rate runs that way, and a factor whose data says otherwise ends in one bin
 * and carries no points. Undeclared, the direction is the one the data shows.
 *
 * <p>Pure Java and deterministic: the same history gives the same scorecard on every machine.
 */
public final class ScorecardCalibrator {
    private static final String PARAMETERS = "parameters.properties";

    private ScorecardCalibrator() {}

    /** Fits the bundled rule set's scorecard with the default options. */
    public static Calibration fit(List<LabelledSnapshot> history) {
        return fit(history, CalibrationOptions.defaults());
    }

    /** Fits the bundled rule set's scorecard. */
    public static Calibration fit(List<LabelledSnapshot> history, CalibrationOptions options) {
        try (CreditControl bundled = CreditControl.withDefaultRules();
             InputStream in = CreditControl.class.getClassLoader().getResourceAsStream("dev/creditcontrol/rules/medical-device/" + PARAMETERS)) {
            return fit(bundled, Optional.empty(), directions(in == null ? null : new java.io.InputStreamReader(in, StandardCharsets.UTF_8)),
                    history, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fits the scorecard of the rule set in {@code ruleSetFolder} with the default options. */
    public static Calibration fit(Path ruleSetFolder, List<LabelledSnapshot> history) {
        return fit(ruleSetFolder, history, CalibrationOptions.defaults());
    }

    /**
     * Fits the scorecard of the rule set in {@code ruleSetFolder}; the calibrated rule set written
     * by {@link Calibration#writeRuleSet(Path)} is that folder with the new points.
     *
     * @throws dev.creditcontrol.rules.RuleSetException when the folder does not hold a loadable rule set
     */
    public static Calibration fit(Path ruleSetFolder, List<LabelledSnapshot> history, CalibrationOptions options) {
        if (ruleSetFolder == null) throw new IllegalArgumentException("ruleSetFolder is required but was null");
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(ruleSetFolder).verifyScenarios(false).build()) {
            if (control.ruleSets().size() != 1) {
                throw new IllegalArgumentException("ruleSetFolder must hold one rule set, not " + control.ruleSets().size()
                        + " versions: " + ruleSetFolder);
            }
            Path parameters = ruleSetFolder.resolve(PARAMETERS);
            try (Reader in = Files.exists(parameters) ? Files.newBufferedReader(parameters, StandardCharsets.UTF_8) : null) {
                return fit(control, Optional.of(ruleSetFolder), directions(in), history, options);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + parameters, e);
            }
        }
    }

    /** {@code score.<factor>.higherIs=riskier|safer} lines of a parameter file. */
    private static Map<String, Boolean> directions(Reader parameters) throws IOException {
        Map<String, Boolean> declared = new HashMap<>();
        if (parameters == null) return declared;
        Properties p = new Properties();
        p.load(parameters);
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("score.") || !key.endsWith(".higherIs")) continue;
            String factor = key.substring("score.".length(), key.length() - ".higherIs".length());
            String value = p.getProperty(key).strip().toLowerCase(Locale.ROOT);
            if (!value.equals("riskier") && !value.equals("safer")) {
                throw new IllegalArgumentException("parameter " + key + " must be riskier or safer, not '" + p.getProperty(key) + "'");
            }
            declared.put(factor, value.equals("riskier"));
        }
        return declared;
    }

    private static Calibration fit(CreditControl control, Optional<Path> base, Map<String, Boolean> declared,
                                   List<LabelledSnapshot> history, CalibrationOptions options) {
        if (history == null) throw new IllegalArgumentException("history is required but was null");
        if (options == null) throw new IllegalArgumentException("options is required but was null");
        RuleSetInfo version = control.ruleSets().get(0);
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i) == null) throw new IllegalArgumentException("history[" + i + "] is null");
        }
        // The engine is thread-safe: assess in parallel, keep the history's order.
        CreditAssessment[] assessed = new CreditAssessment[history.size()];
        IntStream.range(0, history.size()).parallel().forEach(i ->
                assessed[i] = control.assess(history.get(i).snapshot(), Optional.empty(), version.version()));
        Map<String, Integer> factors = new LinkedHashMap<>();
        for (CreditAssessment a : assessed) for (FactorScore f : a.factors()) factors.putIfAbsent(f.factor(), factors.size());
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("rule set " + version.name() + " " + version.version()
                    + " scores no factor: it has no scorecard rule to calibrate");
        }
        List<ScorecardFit.Row> rows = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            Double[] v = new Double[factors.size()];
            for (FactorScore f : assessed[i].factors()) v[factors.get(f.factor())] = value(f, i);
            LabelledSnapshot h = history.get(i);
            rows.add(new ScorecardFit.Row(v, h.bad(), h.snapshot().customer().type().name(), h.snapshot().asOf()));
        }
        return new Calibration(ScorecardFit.fit(List.copyOf(factors.keySet()), declared, rows, options), base);
    }

    /** The factor's value as the rule recorded it ({@code none}: absent). */
    private static Double value(FactorScore f, int row) {
        if (f.value().equals("none")) return null;
        try {
            return Double.valueOf(f.value());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("history[" + row + "]: factor " + f.factor() + " (rule \"" + f.rule()
                    + "\") scored a value that is not a number: '" + f.value() + "'", e);
        }
    }
}
