package dev.creditcontrol.rules;

import dev.creditcontrol.facts.AssessmentFacts;
import dev.creditcontrol.rules.internal.ScorecardFactors;
import dev.creditcontrol.rules.internal.ScorecardFit;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits the bundled scorecard's points from a labelled history: each factor is binned at the
 * training data's quintiles, bins are weighted by evidence (WoE), a ridge-penalised logistic
 * regression of "bad" on the WoE values gives each factor's weight, and points are scaled so
 * that scores run from 0 to 100 (higher is safer). Grade cut-offs are the training scores'
 * 70th, 40th and 15th percentiles. A stratified, seeded 30% of the history is held out for AUC and KS.
 * Pure Java and deterministic: the same history gives the same scorecard on every machine.
 */
public final class ScorecardCalibrator {

    private ScorecardCalibrator() {}

    /**
     * Fits a scorecard.
     *
     * @throws IllegalArgumentException when the history is null, or has fewer than 4 bad or 4 good customers
     */
    public static Calibration fit(List<LabelledSnapshot> history) {
        if (history == null) throw new IllegalArgumentException("history is required but was null");
        List<String> names = new ArrayList<>(ScorecardFactors.ALL.keySet());
        List<Double[]> values = new ArrayList<>(history.size());
        boolean[] bad = new boolean[history.size()];
        for (int i = 0; i < history.size(); i++) {
            LabelledSnapshot row = history.get(i);
            if (row == null) throw new IllegalArgumentException("history[" + i + "] is null");
            AssessmentFacts facts = AssessmentFacts.derive(row.snapshot());
            Double[] v = new Double[names.size()];
            for (int j = 0; j < names.size(); j++) v[j] = ScorecardFactors.value(names.get(j), facts);
            values.add(v);
            bad[i] = row.bad();
        }
        return new Calibration(ScorecardFit.fit(names, values, bad));
    }
}
