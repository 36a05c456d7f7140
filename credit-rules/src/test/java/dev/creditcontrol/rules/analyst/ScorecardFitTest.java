package dev.creditcontrol.rules.analyst;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScorecardFitTest {

    @Test
    void aucAndKsOfAPerfectAndAUselessScore() {
        assertThat(ScorecardFit.auc(List.of(90, 80, 20, 10), List.of(false, false, true, true))).isEqualTo(1.0);
        assertThat(ScorecardFit.ks(List.of(90, 80, 20, 10), List.of(false, false, true, true))).isEqualTo(1.0);
        assertThat(ScorecardFit.auc(List.of(50, 50, 50, 50), List.of(false, true, false, true))).isEqualTo(0.5);
        assertThat(ScorecardFit.ks(List.of(50, 50, 50, 50), List.of(false, true, false, true))).isEqualTo(0.0);
    }

    @Test
    void aucCountsOrderedPairs() {
        // goods 3 and 1, bads 2 and 0: good>bad in 3 of 4 pairs
        assertThat(ScorecardFit.auc(List.of(3, 1, 2, 0), List.of(false, false, true, true))).isEqualTo(0.75);
    }

    @Test
    void fitsAnInformativeFactorAndIgnoresNoise() {
        Random r = new Random(1);
        List<Double[]> rows = new ArrayList<>();
        boolean[] bad = new boolean[2000];
        for (int i = 0; i < 2000; i++) {
            double risk = r.nextDouble();
            bad[i] = r.nextDouble() < risk * risk;
            rows.add(new Double[]{1 - risk + 0.1 * r.nextGaussian(), r.nextDouble(), i % 3 == 0 ? null : risk * 100});
        }
        ScorecardFit.Result fit = ScorecardFit.fit(List.of("safety", "noise", "riskWithGaps"), rows, bad);
        assertThat(fit.auc()).isGreaterThan(0.75);
        assertThat(fit.ks()).isGreaterThan(0.35);
        ScorecardFit.FactorBins safety = fit.factors().get(0);
        assertThat(safety.points()[safety.points().length - 1]).isGreaterThan(safety.points()[0]);
        ScorecardFit.FactorBins noise = fit.factors().get(1);
        int spread = java.util.Arrays.stream(noise.points()).max().getAsInt() - java.util.Arrays.stream(noise.points()).min().getAsInt();
        assertThat(spread).isLessThan(8);
        assertThat(fit.minScoreA()).isGreaterThan(fit.minScoreB());
        assertThat(fit.minScoreB()).isGreaterThan(fit.minScoreC());
        assertThat(ScorecardFit.parameterText(ScorecardFit.fit(List.of("safety", "noise", "riskWithGaps"), rows, bad)))
                .isEqualTo(ScorecardFit.parameterText(fit));
    }

    @Test
    void needsBothGoodAndBadCustomers() {
        List<Double[]> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) rows.add(new Double[]{(double) i});
        boolean[] bad = new boolean[50];
        bad[0] = true;
        assertThatThrownBy(() -> ScorecardFit.fit(List.of("x"), rows, bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 bad");
    }
}
