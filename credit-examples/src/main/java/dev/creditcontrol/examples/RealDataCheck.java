package dev.creditcontrol.examples;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.analyst.Calibration;
import dev.creditcontrol.rules.analyst.FactorReport;
import dev.creditcontrol.rules.analyst.LabelledSnapshot;
import dev.creditcontrol.rules.analyst.ScorecardCalibrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures the calibrator and the bundled scorecard on real payment histories
 * ({@link TaiwanHistory}): the clients are split in four folds by the last digit of their ID
 * ({1, 2}, {3, 4}, {6, 7}, {8, 9}; the file holds no ID divisible by 5); each fold in turn is
 * scored by the scorecard calibrated on the other three and by the bundled scorecard, next to simple
 * payment-history baselines on the same clients. Each card's lead over the best baseline comes
 * with a 95% confidence interval (DeLong), and the bundled card, fitted on none of these clients,
 * is also measured on all of them at once. {@code RealDataCheck [CSV] [REPORT]} prints every fold,
 * the mean and the spread, and writes the calibration report of the {8, 9} fold.
 */
public final class RealDataCheck {
    public static final Path DATA = Path.of("../shared/data/taiwan-default-train.csv");
    /** The folds, by the last digit of the client's ID. */
    public static final List<Set<Integer>> FOLDS = List.of(Set.of(1, 2), Set.of(3, 4), Set.of(6, 7), Set.of(8, 9));

    /** The rankings' names, as printed and as {@link Result#ranking} and {@link Result#difference} take them. */
    public static final String CALIBRATED = "calibrated scorecard";
    public static final String BUNDLED = "bundled scorecard";
    public static final String SHARE_LATE = "baseline: share of months paid late";
    public static final String LATEST_STATUS = "baseline: latest repayment status";
    public static final String WORST_STATUS = "baseline: worst repayment status";
    /** The simple payment-history rankings a scorecard must beat, each higher for the safer client. */
    static final Map<String, java.util.function.ToDoubleFunction<TaiwanHistory.Client>> BASELINES = baselines();

    private static Map<String, java.util.function.ToDoubleFunction<TaiwanHistory.Client>> baselines() {
        Map<String, java.util.function.ToDoubleFunction<TaiwanHistory.Client>> b = new LinkedHashMap<>();
        b.put(SHARE_LATE, c -> -c.shareOfMonthsLate());
        b.put(LATEST_STATUS, c -> -c.latestStatus());
        b.put(WORST_STATUS, c -> -c.worstStatus());
        return java.util.Collections.unmodifiableMap(b);
    }

    private RealDataCheck() {}

    /** Held-out quality of one way of ranking the clients. */
    public record Quality(String name, double auc, double ks) {
        public double gini() {
            return 2 * auc - 1;
        }
    }

    /**
     * The difference in AUC between two rankings of the same clients, with its 95% confidence
     * interval by DeLong's method (the two AUCs are correlated: same clients, same labels).
     */
    public record Difference(String better, String than, double auc, double lower, double upper) {}

    /** What the check measured; {@code safety} holds each ranking's value per scored client (higher is safer). */
    public record Result(Set<Integer> scoredDigits, int fitted, int scored, int scoredBad, Calibration calibration,
                         List<Quality> rankings, Map<String, double[]> safety, boolean[] bad) {
        public Quality ranking(String name) {
            return rankings.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
        }

        /** How much better {@code better} ranks these clients than {@code than}. */
        public Difference difference(String better, String than) {
            return RealDataCheck.difference(better, safety.get(better), than, safety.get(than), bad);
        }
    }

    /** Calibrates on the clients whose ID does not end in one of {@code scoredDigits} and scores those that do. */
    public static Result run(List<TaiwanHistory.Client> clients, Set<Integer> scoredDigits, Path workDir) {
        List<LabelledSnapshot> fit = new ArrayList<>();
        List<TaiwanHistory.Client> scored = new ArrayList<>();
        for (TaiwanHistory.Client c : clients) {
            if (scoredDigits.contains(c.id() % 10)) scored.add(c);
            else fit.add(c.history());
        }
        Calibration calibration = ScorecardCalibrator.fit(fit);
        Path calibrated = workDir.resolve("calibrated-" + new java.util.TreeSet<>(scoredDigits));
        calibration.writeRuleSet(calibrated);
        int[] calibratedScores;
        int[] bundledScores;
        try (CreditControl cal = CreditControl.builder().ruleSetDirectory(calibrated).verifyScenarios(false).build();
             CreditControl bundled = CreditControl.withDefaultRules()) {
            calibratedScores = scores(cal, scored);
            bundledScores = scores(bundled, scored);
        }
        boolean[] bad = new boolean[scored.size()];
        for (int i = 0; i < bad.length; i++) bad[i] = scored.get(i).history().bad();
        // higher is safer for every ranking
        Map<String, double[]> safety = new LinkedHashMap<>();
        safety.put(CALIBRATED, java.util.Arrays.stream(calibratedScores).asDoubleStream().toArray());
        safety.put(BUNDLED, java.util.Arrays.stream(bundledScores).asDoubleStream().toArray());
        BASELINES.forEach((name, f) -> safety.put(name, scored.stream().mapToDouble(f).toArray()));
        List<Quality> qualities = new ArrayList<>();
        safety.forEach((name, values) -> qualities.add(quality(name, i -> values[i], bad)));
        int scoredBad = 0;
        for (boolean b : bad) if (b) scoredBad++;
        return new Result(scoredDigits, fit.size(), scored.size(), scoredBad, calibration, qualities, safety, bad);
    }

    private static int[] scores(CreditControl control, List<TaiwanHistory.Client> clients) {
        int[] s = new int[clients.size()];
        String version = control.ruleSets().get(0).version(); // the clients were observed in 2005, before it took effect
        java.util.stream.IntStream.range(0, s.length).parallel().forEach(i -> {
            CreditAssessment a = control.assess(clients.get(i).history().snapshot(), java.util.Optional.empty(), version);
            s[i] = a.score();
        });
        return s;
    }

    private static Quality quality(String name, java.util.function.IntToDoubleFunction score, boolean[] bad) {
        Integer[] order = new Integer[bad.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(score.applyAsDouble(a), score.applyAsDouble(b)));
        long goods = 0;
        long bads = 0;
        for (boolean b : bad) if (b) bads++; else goods++;
        // AUC with ties counted half; KS over the same ordering, at each distinct score
        double wins = 0;
        long badsBelow = 0;
        double cumGood = 0;
        double cumBad = 0;
        double ks = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            int g = 0;
            int b = 0;
            while (j < order.length && score.applyAsDouble(order[j]) == score.applyAsDouble(order[i])) {
                if (bad[order[j]]) b++;
                else g++;
                j++;
            }
            wins += g * (badsBelow + 0.5 * b);
            badsBelow += b;
            cumGood += g;
            cumBad += b;
            ks = Math.max(ks, Math.abs(cumBad / bads - cumGood / goods));
            i = j;
        }
        return new Quality(name, wins / (goods * (double) bads), ks);
    }

    /**
     * The bundled scorecard against each baseline on all {@code clients} at once: neither is fitted
     * on them, so every client can be scored (the calibrated scorecard is measured per fold).
     */
    public static List<Difference> bundledOnAll(List<TaiwanHistory.Client> clients) {
        boolean[] bad = new boolean[clients.size()];
        for (int i = 0; i < bad.length; i++) bad[i] = clients.get(i).history().bad();
        double[] bundled;
        try (CreditControl control = CreditControl.withDefaultRules()) {
            bundled = java.util.Arrays.stream(scores(control, clients)).asDoubleStream().toArray();
        }
        List<Difference> leads = new ArrayList<>();
        BASELINES.forEach((name, f) -> leads.add(difference(BUNDLED, bundled, name, clients.stream().mapToDouble(f).toArray(), bad)));
        return leads;
    }

    private static Difference difference(String better, double[] a, String than, double[] b, boolean[] bad) {
        double[] d = delong(a, b, bad);
        return new Difference(better, than, d[0], d[0] - 1.96 * d[1], d[0] + 1.96 * d[1]);
    }

    /** The best of the baselines on these clients. */
    public static String bestBaseline(Result r) {
        String best = SHARE_LATE;
        for (String name : BASELINES.keySet()) if (r.ranking(name).auc() > r.ranking(best).auc()) best = name;
        return best;
    }

    /**
     * AUC of {@code a} minus AUC of {@code b} and the standard error of that difference (DeLong,
     * DeLong and Clarke-Pearson 1988), from midranks: ties count half, as in {@link Quality#auc()}.
     */
    static double[] delong(double[] a, double[] b, boolean[] bad) {
        int m = 0;
        for (boolean x : bad) if (!x) m++;
        int n = bad.length - m;
        double[][] v10 = new double[2][m];
        double[][] v01 = new double[2][n];
        double[] auc = new double[2];
        double[][] both = {a, b};
        for (int k = 0; k < 2; k++) {
            double[] all = midranks(both[k]);
            double[] goods = new double[m];
            double[] bads = new double[n];
            for (int i = 0, g = 0, d = 0; i < bad.length; i++) {
                if (bad[i]) bads[d++] = both[k][i];
                else goods[g++] = both[k][i];
            }
            double[] rg = midranks(goods);
            double[] rb = midranks(bads);
            for (int i = 0, g = 0, d = 0; i < bad.length; i++) {
                if (bad[i]) { v01[k][d] = (m - (all[i] - rb[d])) / m; d++; }
                else { v10[k][g] = (all[i] - rg[g]) / n; g++; }
            }
            auc[k] = java.util.Arrays.stream(v10[k]).average().orElse(0.5);
        }
        double var = (cov(v10[0], v10[0]) + cov(v10[1], v10[1]) - 2 * cov(v10[0], v10[1])) / m
                + (cov(v01[0], v01[0]) + cov(v01[1], v01[1]) - 2 * cov(v01[0], v01[1])) / n;
        return new double[]{auc[0] - auc[1], Math.sqrt(Math.max(var, 0))};
    }

    private static double[] midranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        double[] rank = new double[v.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j < order.length && v[order[j]] == v[order[i]]) j++;
            for (int k = i; k < j; k++) rank[order[k]] = (i + j + 1) / 2.0; // ranks i+1..j share their mean
            i = j;
        }
        return rank;
    }

    private static double cov(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (x[i] - mx) * (y[i] - my);
        return x.length < 2 ? 0 : s / (x.length - 1);
    }

    public static void main(String[] args) throws IOException {
        Path csv = args.length > 0 ? Path.of(args[0]) : DATA;
        Path work = Files.createTempDirectory("real-data-check");
        List<TaiwanHistory.Client> clients = TaiwanHistory.read(csv);
        List<Result> results = new ArrayList<>();
        for (Set<Integer> fold : FOLDS) {
            Result r = run(clients, fold, work);
            results.add(r);
            System.out.printf(Locale.ROOT, "scored IDs ending %s (%d clients, %d bad), calibrated on the other %d%n",
                    new java.util.TreeSet<>(fold), r.scored(), r.scoredBad(), r.fitted());
            for (Quality q : r.rankings()) {
                System.out.printf(Locale.ROOT, "  %-38s AUC %.4f  KS %.4f  Gini %.4f%n", q.name(), q.auc(), q.ks(), q.gini());
            }
            for (String card : List.of(CALIBRATED, BUNDLED)) print(r.difference(card, bestBaseline(r)));
        }
        System.out.println("mean over the folds (standard deviation)");
        for (Quality q : results.get(0).rankings()) {
            double[] auc = results.stream().mapToDouble(r -> r.ranking(q.name()).auc()).toArray();
            double[] ks = results.stream().mapToDouble(r -> r.ranking(q.name()).ks()).toArray();
            System.out.printf(Locale.ROOT, "  %-38s AUC %.4f (%.4f)  KS %.4f (%.4f)%n", q.name(), mean(auc), sd(auc), mean(ks), sd(ks));
        }
        System.out.println("points by bin of each factor in each fold's calibration (stable: same factors, similar points)");
        for (FactorReport f : results.get(0).calibration().factors()) {
            if (!f.segment().equals("ALL")) continue;
            for (Result r : results) {
                FactorReport g = r.calibration().factors().stream()
                        .filter(x -> x.segment().equals("ALL") && x.factor().equals(f.factor())).findFirst().orElseThrow();
                System.out.printf(Locale.ROOT, "  %-20s %-8s %s%n", f.factor(), new java.util.TreeSet<>(r.scoredDigits()).toString().replace(" ", ""),
                        g.used() ? String.join(" ", g.bins().stream().map(b -> b.range() + ":" + b.points()).toList()) : g.note());
            }
        }
        System.out.printf(Locale.ROOT, "all %d clients at once (the bundled scorecard is not fitted on them)%n", clients.size());
        for (Difference d : bundledOnAll(clients)) print(d);
        String report = results.get(results.size() - 1).calibration().report();
        System.out.println();
        System.out.println(report);
        if (args.length > 1) Files.writeString(Path.of(args[1]), report);
    }

    private static void print(Difference d) {
        System.out.printf(Locale.ROOT, "  %s - %s: AUC %+.4f (95%% CI %+.4f .. %+.4f)%n", d.better(), d.than(), d.auc(), d.lower(), d.upper());
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}
