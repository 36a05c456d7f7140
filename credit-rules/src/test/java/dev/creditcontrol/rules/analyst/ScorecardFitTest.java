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
    void fitsAnInformativeFactorAndLeavesNoiseOut() {
        Random r = new Random(1);
        List<Double[]> rows = new ArrayList<>();
        boolean[] bad = new boolean[4000];
        for (int i = 0; i < 4000; i++) {
            double risk = r.nextDouble();
            bad[i] = r.nextDouble() < risk * risk;
            rows.add(new Double[]{1 - risk + 0.1 * r.nextGaussian(), r.nextDouble(), i % 3 == 0 ? null : risk * 100});
        }
        ScorecardFit.Result fit = ScorecardFit.fit(List.of("safety", "noise", "riskWithGaps"), rows, bad);
        assertThat(fit.auc()).isGreaterThan(0.75);
        assertThat(fit.ks()).isGreaterThan(0.35);
        ScorecardFit.FactorFit safety = fit.pooled().factors().get(0);
        assertThat(safety.riskier()).isFalse();
        assertThat(safety.points()).isSorted(); // higher is safer: points rise with the value
        assertThat(safety.points()[safety.points().length - 1]).isGreaterThan(safety.points()[0]);
        ScorecardFit.FactorFit noise = fit.pooled().factors().get(1);
        assertThat(noise.used()).isFalse();
        assertThat(noise.note()).startsWith("left out: information value");
        assertThat(noise.points()).containsOnly(0);
        ScorecardFit.FactorFit risk = fit.pooled().factors().get(2);
        assertThat(risk.riskier()).isTrue();
        assertThat(risk.missingCount()).isGreaterThan(800);
        assertThat(fit.minScoreA()).isGreaterThan(fit.minScoreB());
        assertThat(fit.minScoreB()).isGreaterThan(fit.minScoreC());
        assertThat(ScorecardFit.parameterText(ScorecardFit.fit(List.of("safety", "noise", "riskWithGaps"), rows, bad)))
                .isEqualTo(ScorecardFit.parameterText(fit));
    }

    @Test
    void binsArePooledUntilTheBadRateIsMonotoneAndEachHoldsTheMinimumShare() {
        // a U-shaped bad rate: the calibration must pool it into bins whose bad rate only rises (data's direction)
        Random r = new Random(5);
        List<Double[]> rows = new ArrayList<>();
        boolean[] bad = new boolean[6000];
        for (int i = 0; i < 6000; i++) {
            double x = r.nextDouble();
            bad[i] = r.nextDouble() < 0.05 + 0.5 * x * x + (x < 0.1 ? 0.2 : 0);
            rows.add(new Double[]{x});
        }
        ScorecardFit.FactorFit f = ScorecardFit.fit(List.of("x"), rows, bad).pooled().factors().get(0);
        assertThat(f.counts().length).isGreaterThan(2);
        for (int b = 0; b + 1 < f.counts().length; b++) {
            assertThat(f.bads()[b] / (double) f.counts()[b]).as("bad rate of bin %d below bin %d", b, b + 1)
                    .isLessThan(f.bads()[b + 1] / (double) f.counts()[b + 1]);
        }
        int fitted = java.util.Arrays.stream(f.counts()).sum();
        for (int c : f.counts()) assertThat(c).isGreaterThanOrEqualTo((int) Math.ceil(0.05 * fitted));
        assertThat(f.points()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aFactorAgainstItsDeclaredDirectionCarriesNoPoints() {
        Random r = new Random(9);
        List<ScorecardFit.Row> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double x = r.nextDouble();
            double y = r.nextDouble();
            rows.add(new ScorecardFit.Row(new Double[]{x, y}, r.nextDouble() < 0.1 + 0.4 * x + 0.3 * y, "ALL", java.time.LocalDate.EPOCH));
        }
        // the analyst declares x "higher is safer", but in this history it is riskier
        ScorecardFit.Result fit = ScorecardFit.fit(List.of("x", "y"), java.util.Map.of("x", false), rows, CalibrationOptions.defaults());
        ScorecardFit.FactorFit x = fit.pooled().factors().get(0);
        assertThat(x.counts()).hasSize(1);
        assertThat(x.used()).isFalse();
        assertThat(fit.pooled().factors().get(1).used()).isTrue();
    }

    @Test
    void pointsToDoubleTheOddsScaleEveryBin() {
        Random r = new Random(3);
        List<ScorecardFit.Row> rows = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            double x = r.nextDouble();
            rows.add(new ScorecardFit.Row(new Double[]{x}, r.nextDouble() < 0.05 + 0.4 * x, "ALL", java.time.LocalDate.EPOCH));
        }
        ScorecardFit.Result fit = ScorecardFit.fit(List.of("x"), java.util.Map.of(), rows, CalibrationOptions.defaults().pointsToDouble(20));
        ScorecardFit.FactorFit x = fit.pooled().factors().get(0);
        assertThat(fit.pointsToDouble()).isEqualTo(20);
        double perUnitLogOdds = 20 / Math.log(2);
        int last = x.points().length - 1;
        // points between two bins = PDO/ln2 x coefficient x WoE difference, rounded per bin
        double expected = -perUnitLogOdds * x.coefficient() * (x.woe()[0] - x.woe()[last]);
        assertThat((double) (x.points()[0] - x.points()[last])).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
        assertThat(fit.oddsAt50()).isPositive();
    }

    @Test
    void aCustomerTypeWithEnoughHistoryGetsItsOwnScorecardOthersThePooledOne() {
        Random r = new Random(11);
        List<ScorecardFit.Row> rows = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            double x = r.nextDouble();
            double y = r.nextDouble();
            String type = i % 10 == 0 ? "AGENT" : i % 2 == 0 ? "HOSPITAL" : "DISTRIBUTOR";
            // hospitals turn bad with y, the others with x
            double p = type.equals("HOSPITAL") ? 0.05 + 0.5 * y : 0.05 + 0.5 * x;
            rows.add(new ScorecardFit.Row(new Double[]{x, y}, r.nextDouble() < p, type, java.time.LocalDate.EPOCH));
        }
        ScorecardFit.Result fit = ScorecardFit.fit(List.of("x", "y"), java.util.Map.of(), rows,
                CalibrationOptions.defaults().segments(1500, 150));
        assertThat(fit.types()).extracting(ScorecardFit.Segment::name).containsExactly("DISTRIBUTOR", "HOSPITAL");
        assertThat(fit.segmentOf("AGENT")).isSameAs(fit.pooled());
        ScorecardFit.Segment hospital = fit.segmentOf("HOSPITAL");
        assertThat(hospital.factors().get(1).used()).isTrue();
        assertThat(hospital.factors().get(0).used()).isFalse();
        assertThat(ScorecardFit.parameterText(fit)).contains("score.base.HOSPITAL=", "score.y.HOSPITAL.points=", "score.x.DISTRIBUTOR.points=");
    }

    @Test
    void timeAwareSplitFitsOnOlderCustomersAndReportsOnNewerOnes() {
        Random r = new Random(13);
        List<ScorecardFit.Row> rows = new ArrayList<>();
        java.time.LocalDate start = java.time.LocalDate.of(2024, 1, 31);
        for (int i = 0; i < 3000; i++) {
            double x = r.nextDouble();
            rows.add(new ScorecardFit.Row(new Double[]{x}, r.nextDouble() < 0.05 + 0.4 * x, "ALL", start.plusMonths(i % 12)));
        }
        ScorecardFit.Result fit = ScorecardFit.fit(List.of("x"), java.util.Map.of(), rows,
                CalibrationOptions.defaults().fitBefore(java.time.LocalDate.of(2024, 10, 1)));
        assertThat(fit.train()).isEqualTo(2250); // January to September
        assertThat(fit.test()).isEqualTo(750);
        assertThat(fit.split()).contains("before 2024-10-01");
        assertThat(fit.auc()).isGreaterThan(0.6);
    }

    @Test
    void newerCustomersWhoseValuesMovedShowAsUnstableScoresAndFactors() {
        Random r = new Random(17);
        List<ScorecardFit.Row> rows = new ArrayList<>();
        java.time.LocalDate older = java.time.LocalDate.of(2024, 6, 30);
        java.time.LocalDate newer = java.time.LocalDate.of(2025, 6, 30);
        for (int i = 0; i < 4000; i++) {
            boolean isNew = i % 4 == 0;
            // the newer quarter runs riskier on x; y is spread alike in both
            double x = isNew ? 0.5 + 0.5 * r.nextDouble() : r.nextDouble();
            double y = r.nextDouble();
            rows.add(new ScorecardFit.Row(new Double[]{x, y}, r.nextDouble() < 0.05 + 0.3 * x + 0.2 * y, "ALL", isNew ? newer : older));
        }
        ScorecardFit.Result fit = ScorecardFit.fit(List.of("x", "y"), java.util.Map.of(), rows,
                CalibrationOptions.defaults().fitBefore(java.time.LocalDate.of(2025, 1, 1)));
        assertThat(fit.scoreStability()).isGreaterThan(0.25);
        FactorReport x = fit.report().get(0);
        FactorReport y = fit.report().get(1);
        assertThat(x.stabilityIndex()).isGreaterThan(0.25);
        assertThat(y.stabilityIndex()).isLessThan(0.10);
        assertThat(x.bins().stream().mapToInt(FactorReport.Bin::heldOut).sum()).isEqualTo(1000);
        assertThat(ScorecardFit.reportText(fit)).contains(String.format(java.util.Locale.ROOT,
                "score stability, held out against fitting customers: PSI %.4f (over 0.25: a different population, refit)",
                fit.scoreStability()));

        ScorecardFit.Result random = ScorecardFit.fit(List.of("x", "y"), java.util.Map.of(), rows, CalibrationOptions.defaults());
        assertThat(random.scoreStability()).as("a random hold-out scores like the fitting customers").isLessThan(0.10);
    }

    @Test
    void gradeCutOffsPutTheShareNearestTheTargetAtOrAboveThemEvenOnLumpyScores() {
        int[] smooth = new int[100];
        for (int i = 0; i < 100; i++) smooth[i] = i;
        assertThat(ScorecardFit.cutOff(smooth, 0.30)).isEqualTo(70);
        assertThat(ScorecardFit.cutOff(smooth, 0.85)).isEqualTo(15);
        // three payment patterns: a quarter at 10, half at 50, a quarter at 90 (sorted)
        int[] lumpy = new int[100];
        for (int i = 0; i < 100; i++) lumpy[i] = i < 25 ? 10 : i < 75 ? 50 : 90;
        assertThat(ScorecardFit.cutOff(lumpy, 0.30)).as("25% at or above 90 is nearer 30% than 75% at or above 50").isEqualTo(90);
        assertThat(ScorecardFit.cutOff(lumpy, 0.60)).isEqualTo(50);
        // as near on both sides: the lower cut
        assertThat(ScorecardFit.cutOff(lumpy, 0.50)).isEqualTo(50);
    }

    @Test
    void stabilityIndexIsZeroForTheSameSpreadAndGrowsAsItMoves() {
        assertThat(ScorecardFit.stabilityIndex(new int[]{100, 200, 300}, new int[]{10, 20, 30})).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-3));
        double some = ScorecardFit.stabilityIndex(new int[]{100, 100, 100}, new int[]{80, 100, 120});
        double more = ScorecardFit.stabilityIndex(new int[]{100, 100, 100}, new int[]{20, 100, 180});
        assertThat(some).isPositive().isLessThan(more);
        assertThat(ScorecardFit.stabilityIndex(new int[]{100, 100}, new int[]{0, 200})).as("an emptied bin stays finite").isFinite();
    }

    @Test
    void needsBothGoodAndBadCustomers() {
        List<Double[]> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) rows.add(new Double[]{(double) i});
        boolean[] bad = new boolean[50];
        bad[0] = true;
        assertThatThrownBy(() -> ScorecardFit.fit(List.of("x"), rows, bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 bad in all");
    }
}
