package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.CreditControlException;
import dev.creditcontrol.rules.RuleSetInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Runs scenario tables against a rule set and reports per row and per rule. */
public final class ScenarioRunner {
    /** The folder inside a rule set that holds its scenario tables. */
    public static final String SCENARIOS = "scenarios";

    private ScenarioRunner() {}

    /** Runs scenarios against one loaded version, pinned to it whatever the rows' order dates. */
    public static ScenarioReport run(CreditControl control, RuleSetInfo version, List<Scenario> scenarios) {
        List<ScenarioResult> results = new ArrayList<>();
        Set<String> fired = new TreeSet<>();
        for (Scenario s : scenarios) {
            CreditDecision d = s.check(control, Optional.of(version.version()));
            d.reasons().stream().map(Reason::rule).forEach(fired::add);
            Optional<CreditAssessment> a = Optional.empty();
            String assessError = "";
            try {
                a = Optional.of(s.assess(control, Optional.of(version.version())));
                a.get().factors().forEach(f -> fired.add(f.rule()));
                a.get().reasons().forEach(r -> fired.add(r.rule()));
            } catch (CreditControlException e) {
                assessError = e.getMessage(); // a rule set without a scorecard checks orders only
            }
            Optional<dev.creditcontrol.decision.ReceivablesReview> review = Optional.empty();
            String reviewError = "";
            try {
                review = Optional.of(s.review(control));
                review.get().actions().forEach(x -> fired.add(x.rule()));
            } catch (CreditControlException e) {
                reviewError = e.getMessage(); // a rule set without collection rules checks orders only
            }
            results.add(ScenarioResult.of(s, d, a, assessError, review, reviewError));
        }
        Set<String> never = new TreeSet<>(version.ruleNames());
        never.removeAll(fired);
        fired.retainAll(version.ruleNames());
        return new ScenarioReport(version, results, fired, never);
    }

    /**
     * Runs the scenario tables of every rule-set version in {@code dir} (a rule-set folder, or a
     * folder of versions), each against its own version.
     *
     * @throws dev.creditcontrol.rules.RuleSetException when a rule set does not load
     * @throws ScenarioFormatException                  when a table cannot be read
     */
    public static List<ScenarioReport> runFolder(Path dir) {
        List<ScenarioReport> reports = new ArrayList<>();
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir).verifyScenarios(false).build()) {
            for (RuleSetInfo version : control.ruleSets()) {
                Path folder = version.folder().orElseThrow();
                reports.add(run(control, version, readAll(folder.resolve(SCENARIOS))));
            }
        }
        return reports;
    }

    /**
     * Every {@code .csv} file in a folder, in name order; none when the folder does not exist.
     *
     * @throws ScenarioFormatException when a file cannot be read or holds no scenario
     */
    public static List<Scenario> readAll(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            List<Scenario> all = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                List<Scenario> rows = ScenarioFile.read(f);
                if (rows.isEmpty()) {
                    throw new ScenarioFormatException(f.toString(), List.of(f + ":1: the file holds no scenario (no row below the header)"));
                }
                all.addAll(rows);
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
