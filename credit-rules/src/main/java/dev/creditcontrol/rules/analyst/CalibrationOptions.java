package dev.creditcontrol.rules.analyst;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How {@link ScorecardCalibrator} fits a scorecard. Start from {@link #defaults()} and change
 * what the history needs; every setting is written into the calibration's report.
 *
 * @param fitBefore       time-aware split: fit on customers observed before this date, report on
 *                        those observed on or after it; empty: a seeded, stratified random hold-out
 * @param holdOutShare    share of the bad and of the good customers held out when no date is given (0.05 to 0.5)
 * @param fineBins        quantile bins a factor starts from before pooling (2 to 50)
 * @param minBinShare     smallest share of the fitting customers a pooled bin may hold (0.01 to 0.25)
 * @param minInformation  information value below which a factor is left out of the fit (it then scores 0 points)
 * @param ridge           L2 penalty on the logistic coefficients, in units of the log-likelihood (0 or more)
 * @param pointsToDouble  points that double the good:bad odds; 0: chosen so the fitting customers' scores
 *                        (1st to 99th percentile) span 5 to 95
 * @param minSegmentRows  fitting customers a customer type needs for a scorecard of its own
 * @param minSegmentBads  bad customers among them a customer type needs for a scorecard of its own
 */
public record CalibrationOptions(Optional<LocalDate> fitBefore, double holdOutShare, int fineBins, double minBinShare,
                                 double minInformation, double ridge, double pointsToDouble,
                                 int minSegmentRows, int minSegmentBads) {

    public CalibrationOptions {
        if (fitBefore == null) throw new IllegalArgumentException("fitBefore is required (Optional.empty() for a random hold-out)");
        if (!(holdOutShare >= 0.05 && holdOutShare <= 0.5)) throw new IllegalArgumentException("holdOutShare must be 0.05 to 0.5, not " + holdOutShare);
        if (fineBins < 2 || fineBins > 50) throw new IllegalArgumentException("fineBins must be 2 to 50, not " + fineBins);
        if (!(minBinShare >= 0.01 && minBinShare <= 0.25)) throw new IllegalArgumentException("minBinShare must be 0.01 to 0.25, not " + minBinShare);
        if (!(minInformation >= 0)) throw new IllegalArgumentException("minInformation must be 0 or more, not " + minInformation);
        if (!(ridge >= 0)) throw new IllegalArgumentException("ridge must be 0 or more, not " + ridge);
        if (!(pointsToDouble >= 0 && pointsToDouble <= 100)) throw new IllegalArgumentException("pointsToDouble must be 0 (automatic) to 100, not " + pointsToDouble);
        if (minSegmentRows < 1) throw new IllegalArgumentException("minSegmentRows must be 1 or more, not " + minSegmentRows);
        if (minSegmentBads < 1) throw new IllegalArgumentException("minSegmentBads must be 1 or more, not " + minSegmentBads);
    }

    /**
     * Random 30% hold-out, 20 fine bins pooled to at least 5% each, factors below an information
     * value of 0.02 left out, ridge 1, automatic points-to-double-odds, a customer type's own
     * scorecard from 1,500 fitting customers with 150 bad.
     */
    public static CalibrationOptions defaults() {
        return new CalibrationOptions(Optional.empty(), 0.30, 20, 0.05, 0.02, 1.0, 0, 1500, 150);
    }

    /** The same options, fitting on customers observed before {@code date} and reporting on the rest. */
    public CalibrationOptions fitBefore(LocalDate date) {
        if (date == null) throw new IllegalArgumentException("fitBefore date is required but was null");
        return new CalibrationOptions(Optional.of(date), holdOutShare, fineBins, minBinShare, minInformation, ridge,
                pointsToDouble, minSegmentRows, minSegmentBads);
    }

    /** The same options with another random hold-out share. */
    public CalibrationOptions holdOutShare(double share) {
        return new CalibrationOptions(fitBefore, share, fineBins, minBinShare, minInformation, ridge, pointsToDouble,
                minSegmentRows, minSegmentBads);
    }

    /** The same options with fixed points-to-double-odds. */
    public CalibrationOptions pointsToDouble(double points) {
        return new CalibrationOptions(fitBefore, holdOutShare, fineBins, minBinShare, minInformation, ridge, points,
                minSegmentRows, minSegmentBads);
    }

    /** The same options with another smallest bin share. */
    public CalibrationOptions minBinShare(double share) {
        return new CalibrationOptions(fitBefore, holdOutShare, fineBins, share, minInformation, ridge, pointsToDouble,
                minSegmentRows, minSegmentBads);
    }

    /** The same options with other thresholds for a customer type's own scorecard. */
    public CalibrationOptions segments(int rows, int bads) {
        return new CalibrationOptions(fitBefore, holdOutShare, fineBins, minBinShare, minInformation, ridge, pointsToDouble,
                rows, bads);
    }
}
