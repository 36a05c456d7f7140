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
        double baseline = Math.max(r.ranking("baseline: share of months paid late").auc(),
                r.ranking("baseline: latest repayment status").auc());
        assertThat(r.ranking("calibrated scorecard").auc()).isGreaterThan(baseline + 0.01);
        assertThat(r.ranking("bundled scorecard").auc()).isGreaterThan(baseline);
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
