package dev.creditcontrol.examples;

import dev.creditcontrol.rules.analyst.FactorReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The calibrator and the bundled scorecard on real payment histories (the UCI credit-card clients
 * beside the repository in {@code ../shared/data}; skipped where the file is not there): fitted on
 * 18,000 clients, scored on 6,000 others, both must rank them better than the payment-history
 * baselines, and every factor the calibration uses must run the way its rule set declares.
 */
class RealDataCheckTest {
    private static final Path DATA = Path.of("..").resolve(RealDataCheck.DATA);

    @Test
    void calibratedAndBundledScorecardsRankRealPayersBetterThanPaymentHistoryBaselines(@TempDir Path dir) {
        assumeTrue(Files.isRegularFile(DATA), "the real histories are not beside the repository: " + DATA.toAbsolutePath());
        RealDataCheck.Result r = RealDataCheck.run(TaiwanHistory.read(DATA), Set.of(8, 9), dir);
        assertThat(r.scored()).isEqualTo(6000);
        String baseline = RealDataCheck.bestBaseline(r);
        RealDataCheck.Difference calibrated = r.difference(RealDataCheck.CALIBRATED, baseline);
        assertThat(calibrated.auc()).as("calibrated lead over " + baseline).isGreaterThan(0.01);
        assertThat(calibrated.lower()).as("lower end of its 95% interval").isPositive();
        assertThat(r.ranking(RealDataCheck.BUNDLED).auc()).isGreaterThan(r.ranking(baseline).auc());
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

    @Test
    void bundledScorecardLeadsBothBaselinesOnAllRealPayersBeyondChance() {
        assumeTrue(Files.isRegularFile(DATA), "the real histories are not beside the repository: " + DATA.toAbsolutePath());
        List<RealDataCheck.Difference> leads = RealDataCheck.bundledOnAll(TaiwanHistory.read(DATA));
        assertThat(leads).extracting(RealDataCheck.Difference::than)
                .containsExactly(RealDataCheck.SHARE_LATE, RealDataCheck.LATEST_STATUS, RealDataCheck.WORST_STATUS);
        for (RealDataCheck.Difference d : leads) {
            assertThat(d.lower()).as("bundled lead over " + d.than() + ": " + d).isPositive();
        }
    }

    @Test
    void aucDifferenceIsZeroForIdenticalRankingsAndTheGapBetweenTheirAucsOtherwise() {
        boolean[] bad = {true, false, true, false, false, false};
        double[] a = {1, 5, 2, 3, 6, 4};
        assertThat(RealDataCheck.delong(a, a, bad)).containsExactly(0.0, 0.0);
        double[] b = {3, 5, 1, 2, 6, 4};
        double[] d = RealDataCheck.delong(a, b, bad);
        // a ranks both bad clients below every good one (AUC 1); b puts one bad above a good one (AUC 7/8)
        assertThat(d[0]).isCloseTo(0.125, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d[1]).isPositive();
    }
}
