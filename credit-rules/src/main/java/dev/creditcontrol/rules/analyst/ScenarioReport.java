package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.rules.RuleSetInfo;

import java.util.List;
import java.util.Set;

/**
 * The result of running a rule set's scenarios: every row with its actual decision, and rule
 * coverage (which rules raised a finding somewhere in the suite, which never did).
 *
 * @param ruleSet    the version the scenarios ran on
 * @param results    one per row, in file order
 * @param rulesFired rules that raised at least one finding, sorted
 * @param rulesNever rules that raised none in the whole suite, sorted
 */
public record ScenarioReport(RuleSetInfo ruleSet, List<ScenarioResult> results, Set<String> rulesFired,
                             Set<String> rulesNever) {

    public ScenarioReport {
        results = List.copyOf(results);
        rulesFired = Set.copyOf(rulesFired);
        rulesNever = Set.copyOf(rulesNever);
    }

    /** Whether every row passed. */
    public boolean passed() {
        return results.stream().allMatch(ScenarioResult::passed);
    }

    public long failures() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    /** A plain-text report: one line per row, then coverage, then a closing {@code N passed, N failed} line. */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("rule set ").append(ruleSet.name()).append(' ').append(ruleSet.version()).append(" (sha256 ")
                .append(ruleSet.contentHash(), 0, 12).append("…)").append(System.lineSeparator());
        results.forEach(r -> b.append(r.line()).append(System.lineSeparator()));
        b.append("coverage: ").append(rulesFired.size()).append(" of ").append(ruleSet.rules())
                .append(" rules raised a finding").append(System.lineSeparator());
        rulesNever.stream().sorted().forEach(r -> b.append("  never fired: ").append(r).append(System.lineSeparator()));
        b.append(results.size() - failures()).append(" passed, ").append(failures()).append(" failed");
        return b.toString();
    }
}
