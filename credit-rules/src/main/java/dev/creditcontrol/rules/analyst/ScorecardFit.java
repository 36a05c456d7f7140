package dev.creditcontrol.rules.analyst;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Fits a points scorecard from labelled factor values, the way credit scorecards are built:
 * fine quantile bins pooled until the bad rate is monotone and every bin holds a minimum share,
 * weights of evidence, a ridge-penalised logistic regression on them (a factor whose coefficient
 * turns the wrong way next to the others is left out and the fit repeated), and points scaled by
 * points-to-double-odds and rounded. A customer type with enough history gets a scorecard of its
 * own on the same scale. Pure Java and deterministic: the same rows give the same scorecard on every machine.
 */
final class ScorecardFit {
    private static final long SPLIT_SEED = 20260615L;
    static final String POOLED = "ALL";

    /** One customer: its factor values (null: absent), label, customer type and observation date. */
    record Row(Double[] values, boolean bad, String type, LocalDate asOf) {}

    /** One factor's fit within a segment. */
    record FactorFit(String factor, boolean riskier, double[] cuts, int[] counts, int[] bads, double[] woe,
                     int missingCount, int missingBads, double missingWoe, double iv, double coefficient,
                     int[] points, int missingPoints, boolean used, String note) {
        int pointsFor(Double v) {
            if (v == null) return missingPoints;
            return points[bin(v, cuts)];
        }
    }

    /** A scorecard: the pooled one or a customer type's. */
    record Segment(String name, List<FactorFit> factors, int base, int train, int bads) {
        int score(Double[] values) {
            int s = base;
            for (int j = 0; j < factors.size(); j++) s += factors.get(j).pointsFor(values[j]);
            return Math.max(0, Math.min(100, s));
        }
    }

    /** The fit and its held-out quality. */
    record Result(List<String> names, Segment pooled, List<Segment> types, int minScoreA, int minScoreB, int minScoreC,
                  double pointsToDouble, double oddsAt50, String split, int train, int test, int badsTrain, int badsTest,
                  double auc, double ks, double scoreStability, List<FactorReport> report, CalibrationOptions options) {

        Segment segmentOf(String type) {
            for (Segment s : types) if (s.name().equals(type)) return s;
            return pooled;
        }
    }

    private ScorecardFit() {}

    /** Fits with the default options and the directions found in the data (for tests of the arithmetic). */
    static Result fit(List<String> names, List<Double[]> values, boolean[] bad) {
        List<Row> rows = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) rows.add(new Row(values.get(i), bad[i], POOLED, LocalDate.EPOCH));
        return fit(names, Map.of(), rows, CalibrationOptions.defaults());
    }

    /**
     * @param names    factor names, in the order of each row's values
     * @param declared factor name to "higher is riskier", for the factors whose direction the rule set declares
     */
    static Result fit(List<String> names, Map<String, Boolean> declared, List<Row> rows, CalibrationOptions o) {
        int n = rows.size();
        boolean[] isTest = new boolean[n];
        String split;
        if (o.fitBefore().isPresent()) {
            LocalDate cut = o.fitBefore().get();
            for (int i = 0; i < n; i++) isTest[i] = !rows.get(i).asOf().isBefore(cut);
            split = "fit on customers observed before " + cut + ", reported on those observed from " + cut;
        } else {
            List<Integer> bads = new ArrayList<>();
            List<Integer> goods = new ArrayList<>();
            for (int i = 0; i < n; i++) (rows.get(i).bad() ? bads : goods).add(i);
            Random random = new Random(SPLIT_SEED);
            Collections.shuffle(bads, random);
            Collections.shuffle(goods, random);
            for (int i = 0; i < Math.round(bads.size() * o.holdOutShare()); i++) isTest[bads.get(i)] = true;
            for (int i = 0; i < Math.round(goods.size() * o.holdOutShare()); i++) isTest[goods.get(i)] = true;
            split = String.format(Locale.ROOT, "seeded random hold-out of %.0f%% of the bad and of the good customers", 100 * o.holdOutShare());
        }
        int[] counts = new int[4]; // train good, train bad, test good, test bad
        for (int i = 0; i < n; i++) counts[(isTest[i] ? 2 : 0) + (rows.get(i).bad() ? 1 : 0)]++;
        if (Math.min(counts[0], counts[1]) < 4 || Math.min(counts[2], counts[3]) < 4) {
            throw new IllegalArgumentException("history needs at least 4 bad and 4 good customers to fit and as many to test a scorecard; got "
                    + counts[1] + " bad and " + counts[0] + " good to fit, " + counts[3] + " bad and " + counts[2] + " good to test ("
                    + (counts[1] + counts[3]) + " bad in all; " + split + ")");
        }

        List<Integer> train = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!isTest[i]) train.add(i);
        Raw pooledRaw = fitSegment(POOLED, names, declared, rows, train, o);
        Map<String, List<Integer>> byType = new java.util.TreeMap<>();
        for (int i : train) byType.computeIfAbsent(rows.get(i).type(), t -> new ArrayList<>()).add(i);
        List<Raw> typeRaws = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byType.entrySet()) {
            if (e.getKey().equals(POOLED) || byType.size() == 1) continue;
            long bads = e.getValue().stream().filter(i -> rows.get(i).bad()).count();
            if (e.getValue().size() >= o.minSegmentRows() && bads >= o.minSegmentBads()) {
                typeRaws.add(fitSegment(e.getKey(), names, declared, rows, e.getValue(), o));
            }
        }

        // One scale for every segment, so a score means the same odds whatever the customer type.
        double[] logOdds = new double[train.size()];
        for (int t = 0; t < train.size(); t++) {
            Row r = rows.get(train.get(t));
            logOdds[t] = rawFor(r.type(), pooledRaw, typeRaws).logOddsGood(r.values());
        }
        double[] sorted = logOdds.clone();
        Arrays.sort(sorted);
        double p1 = sorted[(int) Math.floor(0.01 * (sorted.length - 1))];
        double p99 = sorted[(int) Math.ceil(0.99 * (sorted.length - 1))];
        double spread = Math.max(p99 - p1, 1e-6);
        double pdo = o.pointsToDouble() > 0 ? o.pointsToDouble()
                : Math.max(0.1, Math.floor(90 / spread * Math.log(2) * 10) / 10);
        double factor = pdo / Math.log(2);
        double offset = o.pointsToDouble() > 0 ? 50 - factor * (p1 + p99) / 2 : 5 - factor * p1;

        Segment pooled = pooledRaw.scale(factor, offset);
        List<Segment> types = typeRaws.stream().map(r -> r.scale(factor, offset)).toList();
        Result partial = new Result(names, pooled, types, 0, 0, 0, pdo, Math.exp((50 - offset) / factor), split,
                train.size(), n - train.size(), counts[1], counts[3], 0, 0, 0, List.of(), o);

        int[] trainScores = new int[train.size()];
        for (int t = 0; t < train.size(); t++) {
            Row r = rows.get(train.get(t));
            trainScores[t] = partial.segmentOf(r.type()).score(r.values());
        }
        Arrays.sort(trainScores);
        int a = cutOff(trainScores, 0.30);
        int b = Math.min(cutOff(trainScores, 0.60), a - 1);
        int c = Math.min(cutOff(trainScores, 0.85), b - 1);

        List<Integer> testScores = new ArrayList<>();
        List<Boolean> testBad = new ArrayList<>();
        List<Segment> all = new ArrayList<>();
        all.add(pooled);
        all.addAll(types);
        // per segment, the held-out customers it scored: each factor's points alone, and who turned bad
        Map<String, List<Integer>[]> factorPoints = new LinkedHashMap<>();
        Map<String, List<Boolean>> segmentBad = new LinkedHashMap<>();
        // per segment and factor, held-out customers per bin (missing last): the pooled card over all of
        // them, as it was fitted on all fitting customers; a type's own card over that type's
        Map<String, int[][]> heldOutBins = new LinkedHashMap<>();
        for (Segment s : all) {
            int[][] perFactor = new int[names.size()][];
            for (int j = 0; j < names.size(); j++) perFactor[j] = new int[s.factors().get(j).counts().length + 1];
            heldOutBins.put(s.name(), perFactor);
        }
        for (int i = 0; i < n; i++) {
            if (!isTest[i]) continue;
            Row r = rows.get(i);
            Segment s = partial.segmentOf(r.type());
            countBins(heldOutBins.get(POOLED), pooled, r.values());
            if (s != pooled) countBins(heldOutBins.get(s.name()), s, r.values());
            testScores.add(s.score(r.values()));
            testBad.add(r.bad());
            @SuppressWarnings("unchecked")
            List<Integer>[] points = factorPoints.computeIfAbsent(s.name(), k -> new List[names.size()]);
            for (int j = 0; j < names.size(); j++) {
                if (points[j] == null) points[j] = new ArrayList<>();
                points[j].add(s.factors().get(j).pointsFor(r.values()[j]));
            }
            segmentBad.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(r.bad());
        }
        List<FactorReport> report = new ArrayList<>();
        for (Segment s : all) {
            List<Integer>[] points = factorPoints.get(s.name());
            List<Boolean> bad = segmentBad.getOrDefault(s.name(), List.of());
            for (int j = 0; j < names.size(); j++) {
                report.add(report(s.name(), s.factors().get(j), auc(points == null ? List.of() : points[j], bad),
                        heldOutBins.get(s.name())[j]));
            }
        }
        return new Result(names, pooled, types, a, b, c, pdo, partial.oddsAt50(), split, train.size(), n - train.size(),
                counts[1], counts[3], auc(testScores, testBad), ks(testScores, testBad),
                scoreStability(trainScores, testScores), report, o);
    }

    private static void countBins(int[][] perFactor, Segment s, Double[] values) {
        for (int j = 0; j < values.length; j++) {
            FactorFit f = s.factors().get(j);
            perFactor[j][values[j] == null ? f.counts().length : bin(values[j], f.cuts())]++;
        }
    }

    /**
     * Population stability index of the held-out scores against the fitting ones, over ten bands cut
     * at the fitting scores' deciles: sum of (held-out share - fitting share) x ln(held-out share /
     * fitting share). Under 0.10 the two populations score alike; over 0.25 the scorecard is being
     * applied to a population it was not fitted on.
     */
    static double scoreStability(int[] sortedTrainScores, List<Integer> testScores) {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int q = 1; q < 10; q++) cuts.add(percentile(sortedTrainScores, q / 10.0));
        cuts.remove(sortedTrainScores[0]); // a cut at the lowest score would leave its band empty
        int[] expected = new int[cuts.size() + 1];
        int[] actual = new int[cuts.size() + 1];
        for (int score : sortedTrainScores) expected[cuts.headSet(score, true).size()]++;
        for (int score : testScores) actual[cuts.headSet(score, true).size()]++;
        return stabilityIndex(expected, actual);
    }

    /** The usual reading of a stability index. */
    static String stabilityWord(double index) {
        return index < 0.10 ? "under 0.10: alike" : index <= 0.25 ? "0.10 to 0.25: shifting, watch it" : "over 0.25: a different population, refit";
    }

    /** Stability index of two distributions over the same bins (counts smoothed by 0.5, so an empty bin is finite). */
    static double stabilityIndex(int[] expected, int[] actual) {
        double e = 0;
        double a = 0;
        for (int k = 0; k < expected.length; k++) {
            e += expected[k];
            a += actual[k];
        }
        double index = 0;
        for (int k = 0; k < expected.length; k++) {
            double pe = (expected[k] + 0.5) / (e + 0.5 * expected.length);
            double pa = (actual[k] + 0.5) / (a + 0.5 * expected.length);
            index += (pa - pe) * Math.log(pa / pe);
        }
        return index;
    }

    private static Raw rawFor(String type, Raw pooled, List<Raw> types) {
        for (Raw r : types) if (r.name.equals(type)) return r;
        return pooled;
    }

    /** A segment's fit before scaling: bins, weights of evidence, intercept and coefficients. */
    private static final class Raw {
        final String name;
        final List<Binned> factors;
        final double intercept;
        final int train;
        final int bads;

        Raw(String name, List<Binned> factors, double intercept, int train, int bads) {
            this.name = name;
            this.factors = factors;
            this.intercept = intercept;
            this.train = train;
            this.bads = bads;
        }

        /** ln(good:bad odds) the fit gives a row. */
        double logOddsGood(Double[] values) {
            double eta = intercept;
            for (int j = 0; j < factors.size(); j++) {
                Binned f = factors.get(j);
                if (f.used) eta += f.coefficient * f.woeOf(values[j]);
            }
            return -eta;
        }

        Segment scale(double factor, double offset) {
            double base = offset - factor * intercept;
            List<FactorFit> fits = new ArrayList<>();
            for (Binned f : factors) {
                int[] points = new int[f.woe.length];
                int missing = 0;
                if (f.used) {
                    double[] raw = new double[f.woe.length];
                    double min = -factor * f.coefficient * f.missingWoe;
                    for (int b = 0; b < raw.length; b++) {
                        raw[b] = -factor * f.coefficient * f.woe[b];
                        min = Math.min(min, raw[b]);
                    }
                    for (int b = 0; b < raw.length; b++) points[b] = (int) Math.round(raw[b] - min);
                    missing = (int) Math.round(-factor * f.coefficient * f.missingWoe - min);
                    base += min;
                }
                boolean used = f.used;
                String note = f.note;
                if (used && Arrays.stream(points).allMatch(p -> p == 0) && (f.missingCount == 0 || missing == 0)) {
                    // a weight so small that no bin earns a point: the factor changes no score
                    used = false;
                    missing = 0;
                    note = String.format(Locale.ROOT, "left out: its coefficient (%.4f) is too small to earn a point in any bin", f.coefficient);
                }
                fits.add(new FactorFit(f.factor, f.riskier, f.cuts, f.counts, f.bads, f.woe, f.missingCount, f.missingBads,
                        f.missingWoe, f.iv, used ? f.coefficient : 0, points, missing, used, note));
            }
            return new Segment(name, fits, (int) Math.round(base), train, bads);
        }
    }

    /** A factor's pooled bins within a segment. */
    private static final class Binned {
        final String factor;
        boolean riskier;
        double[] cuts;
        int[] counts;
        int[] bads;
        double[] woe;
        int missingCount;
        int missingBads;
        double missingWoe;
        double iv;
        double coefficient;
        boolean used;
        String note = "";

        Binned(String factor) {
            this.factor = factor;
        }

        double woeOf(Double v) {
            return v == null ? missingWoe : woe[bin(v, cuts)];
        }
    }

    private static Raw fitSegment(String name, List<String> names, Map<String, Boolean> declared, List<Row> rows,
                                  List<Integer> train, CalibrationOptions o) {
        int totalBad = 0;
        for (int i : train) if (rows.get(i).bad()) totalBad++;
        int totalGood = train.size() - totalBad;
        List<Binned> factors = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            factors.add(bin(names.get(j), j, declared.get(names.get(j)), rows, train, totalGood, totalBad, o));
        }
        // Logistic regression on the used factors' WoE; a factor whose coefficient turns the wrong
        // way next to the others (collinear, or noise) is left out and the fit repeated.
        double[] beta;
        while (true) {
            List<Binned> used = factors.stream().filter(f -> f.used).toList();
            double[][] x = new double[train.size()][used.size() + 1];
            double[] y = new double[train.size()];
            for (int t = 0; t < train.size(); t++) {
                Row r = rows.get(train.get(t));
                x[t][0] = 1;
                for (int u = 0; u < used.size(); u++) x[t][u + 1] = used.get(u).woeOf(r.values()[names.indexOf(used.get(u).factor)]);
                y[t] = r.bad() ? 1 : 0;
            }
            beta = logistic(x, y, o.ridge());
            int worst = -1;
            for (int u = 0; u < used.size(); u++) {
                if (beta[u + 1] >= 0 && (worst < 0 || beta[u + 1] > beta[worst + 1])) worst = u;
            }
            if (worst < 0) {
                for (int u = 0; u < used.size(); u++) used.get(u).coefficient = beta[u + 1];
                break;
            }
            Binned dropped = used.get(worst);
            dropped.used = false;
            dropped.note = String.format(Locale.ROOT, "left out: its coefficient (%.4f) points the wrong way next to the other factors", beta[worst + 1]);
        }
        return new Raw(name, factors, beta[0], train.size(), totalBad);
    }

    /** Fine quantile bins, pooled until the bad rate is strictly monotone and every bin holds its minimum share. */
    private static Binned bin(String factor, int j, Boolean declaredRiskier, List<Row> rows, List<Integer> train,
                              int totalGood, int totalBad, CalibrationOptions o) {
        Binned f = new Binned(factor);
        List<double[]> present = new ArrayList<>(); // value, bad
        for (int i : train) {
            Row r = rows.get(i);
            Double v = r.values()[j];
            if (v == null) {
                f.missingCount++;
                if (r.bad()) f.missingBads++;
            } else {
                present.add(new double[]{v, r.bad() ? 1 : 0});
            }
        }
        present.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] fine = fineCuts(present, o.fineBins());
        List<Double> cuts = new ArrayList<>();
        for (double c : fine) cuts.add(c);
        List<int[]> bins = new ArrayList<>(); // count, bads
        for (int b = 0; b <= fine.length; b++) bins.add(new int[2]);
        for (double[] p : present) {
            int[] bin = bins.get(bin(p[0], fine));
            bin[0]++;
            bin[1] += (int) p[1];
        }
        f.riskier = declaredRiskier != null ? declaredRiskier : riskierInData(bins);
        int minCount = (int) Math.ceil(o.minBinShare() * train.size());
        while (bins.size() > 1) {
            int merge = -1;
            for (int b = 0; b + 1 < bins.size() && merge < 0; b++) {
                double r0 = rate(bins.get(b));
                double r1 = rate(bins.get(b + 1));
                if (bins.get(b)[0] == 0 || bins.get(b + 1)[0] == 0 || (f.riskier ? r0 >= r1 : r0 <= r1)) merge = b;
            }
            if (merge < 0) {
                int smallest = -1;
                for (int b = 0; b < bins.size(); b++) {
                    if (bins.get(b)[0] < minCount && (smallest < 0 || bins.get(b)[0] < bins.get(smallest)[0])) smallest = b;
                }
                if (smallest < 0) break;
                if (smallest == 0) merge = 0;
                else if (smallest == bins.size() - 1) merge = smallest - 1;
                else {
                    double r = rate(bins.get(smallest));
                    merge = Math.abs(rate(bins.get(smallest - 1)) - r) <= Math.abs(rate(bins.get(smallest + 1)) - r) ? smallest - 1 : smallest;
                }
            }
            int[] a = bins.get(merge);
            int[] b = bins.remove(merge + 1);
            a[0] += b[0];
            a[1] += b[1];
            cuts.remove(merge);
        }
        f.cuts = cuts.stream().mapToDouble(Double::doubleValue).toArray();
        f.counts = bins.stream().mapToInt(bin -> bin[0]).toArray();
        f.bads = bins.stream().mapToInt(bin -> bin[1]).toArray();
        int k = bins.size() + 1;
        f.woe = new double[bins.size()];
        for (int b = 0; b < bins.size(); b++) {
            f.woe[b] = woe(f.counts[b] - f.bads[b], f.bads[b], totalGood, totalBad, k);
            f.iv += informationOf(f.counts[b] - f.bads[b], f.bads[b], totalGood, totalBad, f.woe[b]);
        }
        if (f.missingCount >= minCount) {
            f.missingWoe = woe(f.missingCount - f.missingBads, f.missingBads, totalGood, totalBad, k);
            f.iv += informationOf(f.missingCount - f.missingBads, f.missingBads, totalGood, totalBad, f.missingWoe);
        } else if (f.missingCount > 0 && bins.size() > 0 && !present.isEmpty()) {
            f.missingWoe = 0; // too few to say: the average risk
        }
        if (present.isEmpty()) {
            f.note = "left out: no customer has a value";
        } else if (f.iv < o.minInformation()) {
            f.note = String.format(Locale.ROOT, "left out: information value %.4f is below %.4f", f.iv, o.minInformation());
        } else {
            f.used = true;
        }
        return f;
    }

    private static double[] fineCuts(List<double[]> present, int fineBins) {
        if (present.isEmpty()) return new double[0];
        TreeSet<Double> distinct = new TreeSet<>();
        for (double[] p : present) distinct.add(round4(p[0]));
        double min = present.get(0)[0];
        TreeSet<Double> cuts = new TreeSet<>();
        if (distinct.size() <= fineBins) {
            // Few values (counts, flags): one bin per value.
            for (double v : distinct) if (v > min) cuts.add(v);
        } else {
            for (int q = 1; q < fineBins; q++) {
                double v = round4(present.get((int) Math.floor(q * present.size() / (double) fineBins))[0]);
                if (v > min) cuts.add(v); // a cut at the minimum would leave its lower bin empty
            }
        }
        return cuts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The direction of the bad rate over the fine bins: the sign of its count-weighted covariance with the bin's rank. */
    private static boolean riskierInData(List<int[]> bins) {
        double n = 0;
        double rankSum = 0;
        double rateSum = 0;
        for (int b = 0; b < bins.size(); b++) {
            n += bins.get(b)[0];
            rankSum += b * (double) bins.get(b)[0];
            rateSum += bins.get(b)[1];
        }
        if (n == 0) return true;
        double rankMean = rankSum / n;
        double rateMean = rateSum / n;
        double cov = 0;
        for (int b = 0; b < bins.size(); b++) cov += bins.get(b)[0] * (b - rankMean) * (rate(bins.get(b)) - rateMean);
        return cov >= 0;
    }

    private static double rate(int[] bin) {
        return bin[0] == 0 ? 0 : bin[1] / (double) bin[0];
    }

    private static double woe(int good, int bad, int totalGood, int totalBad, int bins) {
        return Math.log((good + 0.5) / (totalGood + 0.5 * bins)) - Math.log((bad + 0.5) / (totalBad + 0.5 * bins));
    }

    private static double informationOf(int good, int bad, int totalGood, int totalBad, double woe) {
        return (good / (double) Math.max(totalGood, 1) - bad / (double) Math.max(totalBad, 1)) * woe;
    }

    private static FactorReport report(String segment, FactorFit f, double heldOutAuc, int[] heldOut) {
        List<FactorReport.Bin> bins = new ArrayList<>();
        int missing = f.counts().length;
        for (int b = 0; b < missing; b++) {
            bins.add(new FactorReport.Bin(range(f.cuts(), b), f.counts()[b], f.bads()[b], f.woe()[b], f.points()[b], heldOut[b]));
        }
        if (f.missingCount() > 0 || heldOut[missing] > 0) {
            bins.add(new FactorReport.Bin("missing", f.missingCount(), f.missingBads(), f.missingWoe(), f.missingPoints(), heldOut[missing]));
        }
        int[] fitted = java.util.Arrays.copyOf(f.counts(), missing + 1);
        fitted[missing] = f.missingCount();
        return new FactorReport(f.factor(), segment, f.riskier(), f.iv(), f.coefficient(), f.used(), f.note(), heldOutAuc,
                stabilityIndex(fitted, heldOut), bins);
    }

    private static String range(double[] cuts, int b) {
        if (cuts.length == 0) return "all";
        if (b == 0) return "< " + plain(cuts[0]);
        if (b == cuts.length) return ">= " + plain(cuts[b - 1]);
        return "[" + plain(cuts[b - 1]) + ", " + plain(cuts[b]) + ")";
    }

    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static double round4(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    /** The bin a value falls in: a value equal to a cut falls in the bin above it, as the rule set reads it. */
    private static int bin(double v, double[] cuts) {
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v >= cuts[mid]) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Newton-Raphson on the ridge-penalised log-likelihood (intercept not penalised); deterministic. */
    static double[] logistic(double[][] x, double[] y, double ridge) {
        int p = x.length == 0 ? 1 : x[0].length;
        double[] beta = new double[p];
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            for (int i = 0; i < x.length; i++) {
                double[] xi = x[i];
                double eta = 0;
                for (int a = 0; a < p; a++) eta += beta[a] * xi[a];
                double mu = 1 / (1 + Math.exp(-eta));
                double w = Math.max(mu * (1 - mu), 1e-9);
                for (int a = 0; a < p; a++) {
                    grad[a] += (y[i] - mu) * xi[a];
                    for (int b = a; b < p; b++) hess[a][b] += w * xi[a] * xi[b];
                }
            }
            for (int a = 0; a < p; a++) for (int b = 0; b < a; b++) hess[a][b] = hess[b][a];
            for (int a = 1; a < p; a++) {
                grad[a] -= ridge * beta[a];
                hess[a][a] += ridge;
            }
            for (int a = 0; a < p; a++) hess[a][a] += 1e-9;
            double[] step = solve(hess, grad);
            double change = 0;
            for (int a = 0; a < p; a++) {
                beta[a] += step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < 1e-8) break;
        }
        return beta;
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            if (Math.abs(m[col][col]) < 1e-12) continue;
            for (int r = 0; r < n; r++) {
                if (r == col) continue;
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) m[r][c] -= f * m[col][c];
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        return x;
    }

    /**
     * The grade cut-off that puts the share of customers nearest {@code shareAtOrAbove} at or above
     * it. Customers with the same score share a grade, so on lumpy scores (a few payment patterns
     * shared by many) the cut goes to whichever side of a tied block lands nearer the target, not
     * always below it; on the lower side when both are as near.
     */
    static int cutOff(int[] sorted, double shareAtOrAbove) {
        int n = sorted.length;
        int best = sorted[0];
        double bestGap = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (i > 0 && sorted[i] == sorted[i - 1]) continue;
            double gap = Math.abs((n - i) / (double) n - shareAtOrAbove);
            if (gap < bestGap) {
                bestGap = gap;
                best = sorted[i];
            }
        }
        return best;
    }

    private static int percentile(int[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /** Probability that a good customer scores above a bad one (ties count half). */
    static double auc(List<Integer> scores, List<Boolean> bad) {
        Map<Integer, int[]> byScore = new java.util.TreeMap<>();
        for (int i = 0; i < scores.size(); i++) byScore.computeIfAbsent(scores.get(i), s -> new int[2])[bad.get(i) ? 1 : 0]++;
        double wins = 0;
        long badsBelow = 0;
        long totalGood = 0;
        long totalBad = 0;
        for (int[] c : byScore.values()) {
            wins += c[0] * (badsBelow + 0.5 * c[1]);
            badsBelow += c[1];
            totalGood += c[0];
            totalBad += c[1];
        }
        long pairs = totalGood * totalBad;
        return pairs == 0 ? 0.5 : wins / pairs;
    }

    /** Largest gap between the cumulative score distributions of bad and good customers. */
    static double ks(List<Integer> scores, List<Boolean> bad) {
        Map<Integer, int[]> byScore = new java.util.TreeMap<>();
        long totalGood = 0;
        long totalBad = 0;
        for (int i = 0; i < scores.size(); i++) {
            byScore.computeIfAbsent(scores.get(i), s -> new int[2])[bad.get(i) ? 1 : 0]++;
            if (bad.get(i)) totalBad++;
            else totalGood++;
        }
        double cumGood = 0;
        double cumBad = 0;
        double ks = 0;
        for (int[] c : byScore.values()) {
            cumGood += c[0];
            cumBad += c[1];
            ks = Math.max(ks, Math.abs(cumBad / Math.max(totalBad, 1) - cumGood / Math.max(totalGood, 1)));
        }
        return ks;
    }

    /** The scorecard as parameter-file lines: the pooled scorecard, each customer type's own, the grade cut-offs. */
    static String parameterText(Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "# calibration scale: %s points double the good:bad odds; 50 points = odds %.2f:1%n",
                plain(r.pointsToDouble()), r.oddsAt50()));
        segmentText(b, r.pooled(), "");
        for (Segment s : r.types()) {
            b.append("# calibration: customer type ").append(s.name()).append(" has a scorecard of its own (")
                    .append(s.train()).append(" customers, ").append(s.bads()).append(" bad)\n");
            segmentText(b, s, "." + s.name());
        }
        b.append("grade.minScore.A=").append(r.minScoreA()).append('\n');
        b.append("grade.minScore.B=").append(r.minScoreB()).append('\n');
        b.append("grade.minScore.C=").append(r.minScoreC()).append('\n');
        return b.toString();
    }

    private static void segmentText(StringBuilder b, Segment s, String qualifier) {
        b.append("score.base").append(qualifier).append('=').append(s.base()).append('\n');
        for (FactorFit f : s.factors()) {
            String prefix = "score." + f.factor() + qualifier;
            if (!f.used()) {
                b.append("# calibration: ").append(f.factor()).append(qualifier).append(' ').append(f.note()).append('\n');
                b.append(prefix).append(".bins=\n").append(prefix).append(".points=0\n").append(prefix).append(".missing=0\n");
                continue;
            }
            List<String> cuts = new ArrayList<>();
            for (double c : f.cuts()) cuts.add(plain(c));
            b.append(prefix).append(".bins=").append(String.join(",", cuts)).append('\n');
            b.append(prefix).append(".points=")
                    .append(String.join(",", Arrays.stream(f.points()).mapToObj(String::valueOf).toList())).append('\n');
            b.append(prefix).append(".missing=").append(f.missingPoints()).append('\n');
        }
    }

    /** Factor name to pooled coefficient, for reports. */
    static Map<String, Double> coefficients(Result r) {
        Map<String, Double> m = new LinkedHashMap<>();
        r.pooled().factors().forEach(f -> m.put(f.factor(), f.coefficient()));
        return m;
    }

    /** The report: sample, scale, held-out quality, then each factor's bins. */
    static String reportText(Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "split: %s%n", r.split()));
        b.append(String.format(Locale.ROOT, "fit on %d customers (%d bad), held out %d (%d bad)%n", r.train(), r.badsTrain(), r.test(), r.badsTest()));
        b.append(String.format(Locale.ROOT, "held out: AUC %.4f, KS %.4f, Gini %.4f%n", r.auc(), r.ks(), 2 * r.auc() - 1));
        b.append(String.format(Locale.ROOT, "score stability, held out against fitting customers: PSI %.4f (%s)%n",
                r.scoreStability(), stabilityWord(r.scoreStability())));
        b.append(String.format(Locale.ROOT, "scale: %s points to double the odds, 50 points = odds %.2f:1; grades A >= %d, B >= %d, C >= %d%n",
                plain(r.pointsToDouble()), r.oddsAt50(), r.minScoreA(), r.minScoreB(), r.minScoreC()));
        b.append(String.format(Locale.ROOT, "scorecards: pooled (base %d)%s%n", r.pooled().base(),
                r.types().isEmpty() ? "" : "; own: " + String.join(", ", r.types().stream().map(s -> s.name() + " (base " + s.base() + ")").toList())));
        for (FactorReport f : r.report()) {
            b.append(String.format(Locale.ROOT, "%n%s [%s] %s, IV %.4f, coefficient %.4f, held-out AUC %.4f, CSI %.4f%s%n", f.factor(),
                    f.segment(), f.higherIsRiskier() ? "higher is riskier" : "higher is safer", f.informationValue(), f.coefficient(),
                    f.heldOutAuc(), f.stabilityIndex(), f.used() ? "" : " (" + f.note() + ")"));
            int heldOut = f.bins().stream().mapToInt(FactorReport.Bin::heldOut).sum();
            int fitted = f.bins().stream().mapToInt(FactorReport.Bin::count).sum();
            for (FactorReport.Bin bin : f.bins()) {
                b.append(String.format(Locale.ROOT, "  %-22s %7d customers %6.2f%% bad  WoE %7.4f  %4d points  %5.1f%% of fitting, %5.1f%% of held out%n",
                        bin.range(), bin.count(), 100 * bin.badRate(), bin.woe(), bin.points(),
                        100.0 * bin.count() / Math.max(fitted, 1), 100.0 * bin.heldOut() / Math.max(heldOut, 1)));
            }
        }
        return b.toString();
    }
}
