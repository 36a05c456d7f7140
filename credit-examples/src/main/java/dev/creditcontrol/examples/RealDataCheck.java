package dev.creditcontrol.examples;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.analyst.Calibration;
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
import java.util.function.ToDoubleFunction;

/**
 * Measures the calibrator and the bundled scorecard on real payment histories
 * ({@link TaiwanHistory}): the clients are split in four folds by the last digit of their ID
 * ({1, 2}, {3, 4}, {6, 7}, {8, 9}; the file holds no ID divisible by 5); each fold in turn is
 * scored by the scorecard calibrated on the other three and by the bundled scorecard, next to simple
 * payment-history baselines on the same clients. {@code RealDataCheck [CSV] [REPORT]} prints every
 * fold, the mean and the spread, and writes the calibration report of the {8, 9} fold.
 */
public final class RealDataCheck {
    public static final Path DATA = Path.of("../shared/data/taiwan-default-train.csv");
    /** The folds, by the last digit of the client's ID. */
    public static final List<Set<Integer>> FOLDS = List.of(Set.of(1, 2), Set.of(3, 4), Set.of(6, 7), Set.of(8, 9));

    private RealDataCheck() {}

    /** Held-out quality of one way of ranking the clients. */
    public record Quality(String name, double auc, double ks) {
        public double gini() {
            return 2 * auc - 1;
        }
    }

    /** What the check measured. */
    public record Result(Set<Integer> scoredDigits, int fitted, int scored, int scoredBad, Calibration calibration,
                         List<Quality> rankings) {
        public Quality ranking(String name) {
            return rankings.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
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
        Map<String, ToDoubleFunction<TaiwanHistory.Client>> rankings = new LinkedHashMap<>();
        int[] calibratedScores;
        int[] bundledScores;
        try (CreditControl cal = CreditControl.builder().ruleSetDirectory(calibrated).verifyScenarios(false).build();
             CreditControl bundled = CreditControl.withDefaultRules()) {
            calibratedScores = scores(cal, scored);
            bundledScores = scores(bundled, scored);
        }
        // higher is safer for every ranking
        List<Quality> qualities = new ArrayList<>();
        boolean[] bad = new boolean[scored.size()];
        for (int i = 0; i < bad.length; i++) bad[i] = scored.get(i).history().bad();
        qualities.add(quality("calibrated scorecard", i -> calibratedScores[i], bad));
        qualities.add(quality("bundled scorecard", i -> bundledScores[i], bad));
        qualities.add(quality("baseline: share of months paid late", i -> -scored.get(i).shareOfMonthsLate(), bad));
        qualities.add(quality("baseline: latest repayment status", i -> -scored.get(i).latestStatus(), bad));
        int scoredBad = 0;
        for (boolean b : bad) if (b) scoredBad++;
        return new Result(scoredDigits, fit.size(), scored.size(), scoredBad, calibration, qualities);
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
        }
        System.out.println("mean over the folds (standard deviation)");
        for (Quality q : results.get(0).rankings()) {
            double[] auc = results.stream().mapToDouble(r -> r.ranking(q.name()).auc()).toArray();
            double[] ks = results.stream().mapToDouble(r -> r.ranking(q.name()).ks()).toArray();
            System.out.printf(Locale.ROOT, "  %-38s AUC %.4f (%.4f)  KS %.4f (%.4f)%n", q.name(), mean(auc), sd(auc), mean(ks), sd(ks));
        }
        String report = results.get(results.size() - 1).calibration().report();
        System.out.println();
        System.out.println(report);
        if (args.length > 1) Files.writeString(Path.of(args[1]), report);
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}
