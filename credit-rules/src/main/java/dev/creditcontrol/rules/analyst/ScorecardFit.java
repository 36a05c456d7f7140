package dev.creditcontrol.rules.analyst;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Fits a points scorecard from labelled factor values: quantile bins, weight of evidence,
 * ridge-penalised logistic regression by Newton's method, points scaled so scores run 0-100.
 * Pure Java and deterministic: the same rows give the same scorecard on every machine.
 */
final class ScorecardFit {
    private static final int QUANTILES = 5;
    private static final double RIDGE = 1e-3;
    private static final long SPLIT_SEED = 20260615L;

    /** One factor's fitted bins: ascending cuts, points per bin, points when missing. */
    public record FactorBins(String factor, double[] cuts, int[] points, int missing, double coefficient) {
        int pointsFor(Double v) {
            if (v == null) return missing;
            int i = 0;
            while (i < cuts.length && v >= cuts[i]) i++;
            return points[i];
        }
    }

    /** The fit: bins per factor, grade cut-offs, and the held-out quality. */
    public record Result(List<FactorBins> factors, int minScoreA, int minScoreB, int minScoreC, int train, int test,
                         int badsTrain, int badsTest, double auc, double ks) {}

    private ScorecardFit() {}

    /**
     * @param names  factor names
     * @param values one row per customer: the factors' values (null when absent)
     * @param bad    one label per row
     */
    public static Result fit(List<String> names, List<Double[]> values, boolean[] bad) {
        int n = values.size();
        // Stratified, seeded split: 30% of the bads and 30% of the goods are held out.
        List<Integer> bads = new ArrayList<>();
        List<Integer> goods = new ArrayList<>();
        for (int i = 0; i < n; i++) (bad[i] ? bads : goods).add(i);
        if (bads.size() < 4 || goods.size() < 4) {
            throw new IllegalArgumentException("history needs at least 4 bad and 4 good customers to fit and test a scorecard; got "
                    + bads.size() + " bad and " + goods.size() + " good");
        }
        Random random = new Random(SPLIT_SEED);
        java.util.Collections.shuffle(bads, random);
        java.util.Collections.shuffle(goods, random);
        boolean[] isTest = new boolean[n];
        for (int i = 0; i < Math.round(bads.size() * 0.3); i++) isTest[bads.get(i)] = true;
        for (int i = 0; i < Math.round(goods.size() * 0.3); i++) isTest[goods.get(i)] = true;

        int k = names.size();
        double[][] woe = new double[k][];
        double[][] cuts = new double[k][];
        double[] woeMissing = new double[k];
        for (int j = 0; j < k; j++) {
            cuts[j] = quantileCuts(values, j, isTest);
            int bins = cuts[j].length + 1;
            double[] goodCount = new double[bins + 1];
            double[] badCount = new double[bins + 1];
            double totalGood = 0;
            double totalBad = 0;
            for (int i = 0; i < n; i++) {
                if (isTest[i]) continue;
                int b = bin(values.get(i)[j], cuts[j]);
                int slot = b < 0 ? bins : b;
                if (bad[i]) {
                    badCount[slot]++;
                    totalBad++;
                } else {
                    goodCount[slot]++;
                    totalGood++;
                }
            }
            woe[j] = new double[bins];
            for (int b = 0; b <= bins; b++) {
                double w = goodCount[b] + badCount[b] == 0 ? 0
                        : Math.log((goodCount[b] + 0.5) / (totalGood + 0.5 * (bins + 1)))
                        - Math.log((badCount[b] + 0.5) / (totalBad + 0.5 * (bins + 1)));
                if (b == bins) woeMissing[j] = w;
                else woe[j][b] = w;
            }
        }

        // Logistic regression of bad on the factors' WoE (train rows only).
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (isTest[i]) continue;
            double[] row = new double[k + 1];
            row[0] = 1;
            for (int j = 0; j < k; j++) row[j + 1] = woeOf(values.get(i)[j], cuts[j], woe[j], woeMissing[j]);
            x.add(row);
            y.add(bad[i] ? 1.0 : 0.0);
        }
        double[] beta = logistic(x, y, k + 1);

        // Points: -beta * WoE (higher is safer), shifted so each factor's worst bin is 0, scaled to 100 in all.
        double[][] raw = new double[k][];
        double[] rawMissing = new double[k];
        double span = 0;
        double[] min = new double[k];
        for (int j = 0; j < k; j++) {
            double b = Math.min(beta[j + 1], 0); // a factor that points the wrong way after the others carries no points
            raw[j] = new double[woe[j].length];
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (int t = 0; t < woe[j].length; t++) {
                raw[j][t] = -b * woe[j][t];
                lo = Math.min(lo, raw[j][t]);
                hi = Math.max(hi, raw[j][t]);
            }
            rawMissing[j] = -b * woeMissing[j];
            lo = Math.min(lo, rawMissing[j]);
            hi = Math.max(hi, rawMissing[j]);
            min[j] = lo;
            span += hi - lo;
        }
        double scale = span == 0 ? 0 : 100.0 / span;
        List<FactorBins> factors = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            int[] points = new int[raw[j].length];
            for (int t = 0; t < points.length; t++) points[t] = (int) Math.round((raw[j][t] - min[j]) * scale);
            factors.add(new FactorBins(names.get(j), cuts[j], points, (int) Math.round((rawMissing[j] - min[j]) * scale), beta[j + 1]));
        }

        int trainCount = 0;
        for (boolean t : isTest) if (!t) trainCount++;
        int[] trainScores = new int[trainCount];
        List<Integer> testScores = new ArrayList<>();
        List<Boolean> testBad = new ArrayList<>();
        int t = 0;
        int badsTrain = 0;
        for (int i = 0; i < n; i++) {
            int s = score(factors, values.get(i));
            if (isTest[i]) {
                testScores.add(s);
                testBad.add(bad[i]);
            } else {
                trainScores[t++] = s;
                if (bad[i]) badsTrain++;
            }
        }
        Arrays.sort(trainScores);
        int a = percentile(trainScores, 0.70);
        int b = Math.min(percentile(trainScores, 0.40), a - 1);
        int c = Math.min(percentile(trainScores, 0.15), b - 1);
        int badsTest = (int) testBad.stream().filter(v -> v).count();
        return new Result(factors, a, b, c, trainScores.length, testScores.size(), badsTrain, badsTest,
                auc(testScores, testBad), ks(testScores, testBad));
    }

    /** The score of one row under fitted bins (0-100). */
    public static int score(List<FactorBins> factors, Double[] values) {
        int s = 0;
        for (int j = 0; j < factors.size(); j++) s += factors.get(j).pointsFor(values[j]);
        return Math.max(0, Math.min(100, s));
    }

    private static double[] quantileCuts(List<Double[]> values, int j, boolean[] isTest) {
        List<Double> present = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) if (!isTest[i] && values.get(i)[j] != null) present.add(values.get(i)[j]);
        if (present.isEmpty()) return new double[0];
        present.sort(null);
        TreeSet<Double> distinct = new TreeSet<>(present);
        if (distinct.size() <= QUANTILES) {
            // Few values (counts, flags): one bin per value.
            return distinct.stream().skip(1).mapToDouble(Double::doubleValue).toArray();
        }
        TreeSet<Double> cuts = new TreeSet<>();
        for (int q = 1; q < QUANTILES; q++) {
            double v = round4(present.get((int) Math.floor(q * present.size() / (double) QUANTILES)));
            if (v > present.get(0)) cuts.add(v); // a cut at the minimum would leave its lower bin empty
        }
        return cuts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double round4(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    private static int bin(Double v, double[] cuts) {
        if (v == null) return -1;
        int i = 0;
        while (i < cuts.length && v >= cuts[i]) i++;
        return i;
    }

    private static double woeOf(Double v, double[] cuts, double[] woe, double missing) {
        int b = bin(v, cuts);
        return b < 0 ? missing : woe[b];
    }

    /** Newton-Raphson on the ridge-penalised log-likelihood; deterministic, a fixed number of steps at most. */
    static double[] logistic(List<double[]> x, List<Double> y, int p) {
        double[] beta = new double[p];
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            for (int i = 0; i < x.size(); i++) {
                double[] xi = x.get(i);
                double eta = 0;
                for (int a = 0; a < p; a++) eta += beta[a] * xi[a];
                double mu = 1 / (1 + Math.exp(-eta));
                double w = Math.max(mu * (1 - mu), 1e-9);
                for (int a = 0; a < p; a++) {
                    grad[a] += (y.get(i) - mu) * xi[a];
                    for (int b = 0; b < p; b++) hess[a][b] += w * xi[a] * xi[b];
                }
            }
            for (int a = 1; a < p; a++) {
                grad[a] -= RIDGE * beta[a];
                hess[a][a] += RIDGE;
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

    private static int percentile(int[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /** Probability that a good customer scores above a bad one (ties count half). */
    static double auc(List<Integer> scores, List<Boolean> bad) {
        long pairs = 0;
        double wins = 0;
        Map<Integer, int[]> byScore = new java.util.TreeMap<>();
        for (int i = 0; i < scores.size(); i++) byScore.computeIfAbsent(scores.get(i), s -> new int[2])[bad.get(i) ? 1 : 0]++;
        long badsBelow = 0;
        long totalGood = 0;
        long totalBad = 0;
        for (int[] c : byScore.values()) {
            wins += c[0] * (badsBelow + 0.5 * c[1]);
            badsBelow += c[1];
            totalGood += c[0];
            totalBad += c[1];
        }
        pairs = totalGood * totalBad;
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

    /** The scorecard as parameter-file lines. */
    public static String parameterText(Result r) {
        StringBuilder b = new StringBuilder();
        for (FactorBins f : r.factors()) {
            b.append("score.").append(f.factor()).append(".bins=").append(join(f.cuts())).append('\n');
            b.append("score.").append(f.factor()).append(".points=")
                    .append(String.join(",", Arrays.stream(f.points()).mapToObj(String::valueOf).toList())).append('\n');
            b.append("score.").append(f.factor()).append(".missing=").append(f.missing()).append('\n');
        }
        b.append("grade.minScore.A=").append(r.minScoreA()).append('\n');
        b.append("grade.minScore.B=").append(r.minScoreB()).append('\n');
        b.append("grade.minScore.C=").append(r.minScoreC()).append('\n');
        return b.toString();
    }

    private static String join(double[] cuts) {
        List<String> parts = new ArrayList<>();
        for (double c : cuts) parts.add(BigDecimal.valueOf(c).stripTrailingZeros().toPlainString());
        return String.join(",", parts);
    }

    /** Factor name to coefficient, for reports. */
    public static Map<String, Double> coefficients(Result r) {
        Map<String, Double> m = new LinkedHashMap<>();
        r.factors().forEach(f -> m.put(f.factor(), f.coefficient()));
        return m;
    }
}
