package dev.creditcontrol.rules.analyst;

import java.util.List;

/**
 * One factor of a calibrated scorecard, as the calibration found it: its pooled bins with their
 * bad rates, weights of evidence and points, its information value, and whether it made the fit.
 *
 * @param factor           the factor, as its scorecard rule names it
 * @param segment          {@code ALL} for the pooled scorecard, else the customer type with a scorecard of its own
 * @param higherIsRiskier  the direction its bad rate is monotone in (declared in the rule set or found in the data)
 * @param informationValue information value of the pooled bins on the fitting customers
 * @param coefficient      logistic coefficient on its weight of evidence (negative: separates as expected); 0 when left out
 * @param used             whether it carries points
 * @param note             why it was left out, or empty
 * @param heldOutAuc       AUC of this factor's points alone on the held-out customers (0.5: no information)
 * @param stabilityIndex   characteristic stability index of the held-out customers' spread over these bins against
 *                         the fitting customers' (as {@link Calibration#scoreStability()}: under 0.10 alike, over
 *                         0.25 the factor's values have moved)
 * @param bins             the pooled bins, lowest values first, then the missing-value bin
 */
public record FactorReport(String factor, String segment, boolean higherIsRiskier, double informationValue,
                           double coefficient, boolean used, String note, double heldOutAuc, double stabilityIndex,
                           List<Bin> bins) {

    public FactorReport {
        bins = List.copyOf(bins);
    }

    /**
     * One pooled bin.
     *
     * @param range   the values it holds, e.g. {@code [0.25, 0.5)} or {@code missing}
     * @param count   fitting customers in it
     * @param bads    bad ones among them
     * @param woe     weight of evidence: ln(share of goods / share of bads), higher is safer
     * @param points  points it earns
     * @param heldOut held-out customers in it (for a customer type's own scorecard, that type's)
     */
    public record Bin(String range, int count, int bads, double woe, int points, int heldOut) {
        /** Share of bad customers in the bin (0 when empty). */
        public double badRate() {
            return count == 0 ? 0 : bads / (double) count;
        }
    }
}
