package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.FactorScore;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.RuleSetInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fits a rule set's scorecard points from a labelled history: each factor is binned at the
 * training data's quintiles, bins are weighted by evidence (WoE), a ridge-penalised logistic
 * regression of "bad" on the WoE values gives each factor's weight, and points are scaled so
 * that scores run from 0 to 100 (higher is safer). Grade cut-offs are the training scores'
 * 70th, 40th and 15th percentiles. A stratified, seeded 30% of the history is held out for AUC and KS.
 * Pure Java and deterministic: the same history gives the same scorecard on every machine.
 *
 * <p>The factors are the ones the rule set's scorecard rules score: each snapshot is assessed
 * with the rule set, and every {@code $s.score(factor, value)} a rule made supplies a value. So a
 * factor is declared once, in its scorecard rule.
 */
public final class ScorecardCalibrator {

    private ScorecardCalibrator() {}

    /** Fits the bundled rule set's scorecard. */
    public static Calibration fit(List<LabelledSnapshot> history) {
        try (CreditControl bundled = CreditControl.withDefaultRules()) {
            return fit(bundled, Optional.empty(), history);
        }
    }

    /**
     * Fits the scorecard of the rule set in {@code ruleSetFolder}; the calibrated rule set written
     * by {@link Calibration#writeRuleSet(Path)} is that folder with the new points.
     *
     * @throws dev.creditcontrol.rules.RuleSetException when the folder does not hold a loadable rule set
     */
    public static Calibration fit(Path ruleSetFolder, List<LabelledSnapshot> history) {
        if (ruleSetFolder == null) throw new IllegalArgumentException("ruleSetFolder is required but was null");
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(ruleSetFolder).verifyScenarios(false).build()) {
            if (control.ruleSets().size() != 1) {
                throw new IllegalArgumentException("ruleSetFolder must hold one rule set, not " + control.ruleSets().size()
                        + " versions: " + ruleSetFolder);
            }
            return fit(control, Optional.of(ruleSetFolder), history);
        }
    }

    private static Calibration fit(CreditControl control, Optional<Path> base, List<LabelledSnapshot> history) {
        if (history == null) throw new IllegalArgumentException("history is required but was null");
        RuleSetInfo version = control.ruleSets().get(0);
        List<Map<String, Double>> rows = new ArrayList<>(history.size());
        Map<String, Boolean> factors = new LinkedHashMap<>();
        boolean[] bad = new boolean[history.size()];
        for (int i = 0; i < history.size(); i++) {
            LabelledSnapshot row = history.get(i);
            if (row == null) throw new IllegalArgumentException("history[" + i + "] is null");
            CreditAssessment a = control.assess(row.snapshot(), Optional.empty(), version.version());
            Map<String, Double> values = new LinkedHashMap<>();
            for (FactorScore f : a.factors()) {
                factors.put(f.factor(), true);
                values.put(f.factor(), value(f, i));
            }
            rows.add(values);
            bad[i] = row.bad();
        }
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("rule set " + version.name() + " " + version.version()
                    + " scores no factor: it has no scorecard rule to calibrate");
        }
        List<String> names = List.copyOf(factors.keySet());
        List<Double[]> values = new ArrayList<>(rows.size());
        for (Map<String, Double> r : rows) {
            Double[] v = new Double[names.size()];
            for (int j = 0; j < v.length; j++) v[j] = r.get(names.get(j));
            values.add(v);
        }
        return new Calibration(ScorecardFit.fit(names, values, bad), base);
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
