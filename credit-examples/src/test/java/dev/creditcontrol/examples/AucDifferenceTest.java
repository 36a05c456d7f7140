package dev.creditcontrol.examples;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The AUC difference and its standard error that {@link RealDataCheck} quotes its intervals from. */
class AucDifferenceTest {

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
