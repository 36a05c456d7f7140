package dev.creditcontrol.examples;

import dev.creditcontrol.rules.analyst.Calibration;
import dev.creditcontrol.rules.analyst.FactorReport;
import dev.creditcontrol.rules.analyst.ScorecardCalibrator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The calibrator and the bundled scorecard on real payment histories (the UCI credit-card clients
 * beside the repository in {@code ../shared/data}; skipped where the file is not there): in each of
 * four folds, fitted on 18,000 clients and scored on the other 6,000, both must rank them better
 * than the payment-history baselines, every factor the calibration uses must run the way its rule
 * set declares, and the four calibrations must agree on which factors count.
 */
class RealDataCheckTest {
    private static final Path DATA = Path.of("..").resolve(RealDataCheck.DATA);
    private static List<TaiwanHistory.Client> clients;
    /** The four folds, each scored by the card calibrated on the other three. */
    private static List<RealDataCheck.Result> folds;

    @BeforeAll
    static void calibrateEachFold(@TempDir Path dir) {
        assumeTrue(Files.isRegularFile(DATA), "the real histories are not beside the repository: " + DATA.toAbsolutePath());
        clients = TaiwanHistory.read(DATA);
        folds = RealDataCheck.FOLDS.stream().map(fold -> RealDataCheck.run(clients, fold, dir)).toList();
    }

    @Test
    void inEveryFoldBothScorecardsRankRealPayersBetterThanTheBestPaymentHistoryBaseline() {
        for (RealDataCheck.Result r : folds) {
            assertThat(r.scored()).isEqualTo(6000);
            String baseline = RealDataCheck.bestBaseline(r);
            RealDataCheck.Difference calibrated = r.difference(RealDataCheck.CALIBRATED, baseline);
            assertThat(calibrated.auc()).as("calibrated lead over " + baseline + " scoring " + r.scoredDigits()).isGreaterThan(0.01);
            assertThat(calibrated.lower()).as("lower end of its 95% interval, scoring " + r.scoredDigits()).isPositive();
            assertThat(r.ranking(RealDataCheck.BUNDLED).auc()).as("bundled, scoring " + r.scoredDigits())
                    .isGreaterThan(r.ranking(baseline).auc());
        }
    }

    @Test
    void everyFittedFactorRunsTheDeclaredWayAndCarriesPoints() {
        for (RealDataCheck.Result r : folds) {
            for (FactorReport f : r.calibration().factors()) {
                if (!f.used()) continue;
                List<Integer> points = f.bins().stream().filter(b -> !b.range().equals("missing")).map(FactorReport.Bin::points).toList();
                for (int i = 1; i < points.size(); i++) {
                    if (f.higherIsRiskier()) assertThat(points.get(i)).as(f.factor() + " " + points).isLessThanOrEqualTo(points.get(i - 1));
                    else assertThat(points.get(i)).as(f.factor() + " " + points).isGreaterThanOrEqualTo(points.get(i - 1));
                }
                assertThat(points.get(0)).as(f.factor() + " is not constant").isNotEqualTo(points.get(points.size() - 1));
            }
        }
    }

    @Test
    void calibratedOnAllRealPayersEveryFactorItKeepsEarnsPoints() {
        // as the outside review calibrates: on every row of the file
        Calibration all = ScorecardCalibrator.fit(clients.stream().map(TaiwanHistory.Client::history).toList());
        assertThat(all.factors()).filteredOn(FactorReport::used).isNotEmpty().allSatisfy(f -> assertThat(
                f.bins().stream().mapToInt(FactorReport.Bin::points).distinct().count()).as(f.factor() + " " + f.bins()).isGreaterThan(1));
        assertThat(all.factors()).filteredOn(f -> !f.used()).allSatisfy(f -> {
            assertThat(f.coefficient()).as(f.factor()).isZero();
            assertThat(f.note()).as(f.factor()).startsWith("left out: ");
        });
    }

    @Test
    void theFourCalibrationsAgreeOnWhichFactorsCountAndRoughlyHowMuch() {
        Map<String, List<Integer>> spans = new TreeMap<>(); // factor -> its points span (best bin - worst bin) per fold
        for (RealDataCheck.Result r : folds) {
            Set<String> used = new TreeSet<>();
            for (FactorReport f : r.calibration().factors()) {
                if (!f.used()) continue;
                used.add(f.factor());
                IntSummaryStatistics p = f.bins().stream().mapToInt(FactorReport.Bin::points).summaryStatistics();
                spans.computeIfAbsent(f.factor(), k -> new ArrayList<>()).add(p.getMax() - p.getMin());
            }
            assertThat(used).as("factors used scoring " + r.scoredDigits()).isEqualTo(used(folds.get(0)));
        }
        spans.forEach((factor, span) -> {
            IntSummaryStatistics s = span.stream().mapToInt(Integer::intValue).summaryStatistics();
            assertThat(s.getMax() - s.getMin()).as(factor + " points span by fold " + span).isLessThanOrEqualTo(Math.max(6, s.getMax() / 4));
        });
    }

    private static Set<String> used(RealDataCheck.Result r) {
        Set<String> used = new TreeSet<>();
        r.calibration().factors().stream().filter(FactorReport::used).forEach(f -> used.add(f.factor()));
        return used;
    }

    @Test
    void bundledScorecardLeadsEveryBaselineOnAllRealPayersBeyondChance() {
        List<RealDataCheck.Difference> leads = RealDataCheck.bundledOnAll(clients);
        assertThat(leads).extracting(RealDataCheck.Difference::than)
                .containsExactly(RealDataCheck.SHARE_LATE, RealDataCheck.LATEST_STATUS, RealDataCheck.WORST_STATUS);
        for (RealDataCheck.Difference d : leads) {
            assertThat(d.lower()).as("bundled lead over " + d.than() + ": " + d).isPositive();
        }
    }
}
