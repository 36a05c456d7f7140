package dev.creditcontrol.rules;

import dev.creditcontrol.rules.analyst.Scenario;
import dev.creditcontrol.rules.analyst.ScenarioFormatException;
import dev.creditcontrol.rules.analyst.ScenarioReport;
import dev.creditcontrol.rules.analyst.ScenarioResult;
import dev.creditcontrol.rules.analyst.ScenarioRunner;
import dev.creditcontrol.rules.internal.CompiledRuleSet;
import dev.creditcontrol.rules.internal.Limits;
import dev.creditcontrol.rules.internal.RuleSetSource;
import dev.creditcontrol.rules.internal.RuleSets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version that fails its own scenarios never serves: before a loaded version is used, its
 * scenario tables run against it (through a private engine on that version alone), and any
 * failing row, or a table that cannot be read, refuses it with the row's file and line.
 */
final class ScenarioGate {
    private static final Pattern SOURCE = Pattern.compile("^(.*):(\\d+)$");

    private ScenarioGate() {}

    /** Verifies every version of {@code sets} whose content hash is not in {@code alreadyVerified}. */
    static void verify(RuleSets sets, Limits limits, Set<String> alreadyVerified) {
        List<RuleSetProblem> problems = new ArrayList<>();
        for (CompiledRuleSet version : sets.versions()) {
            if (alreadyVerified.contains(version.info().contentHash())) continue;
            List<Scenario> scenarios;
            try {
                scenarios = version.info().folder().map(f -> ScenarioRunner.readAll(f.resolve(ScenarioRunner.SCENARIOS)))
                        .orElseGet(() -> RuleSetSource.onClasspath(CreditControl.class.getClassLoader(), CreditControl.DEFAULT_RULES,
                                f -> ScenarioRunner.readAll(f.resolve(ScenarioRunner.SCENARIOS))));
            } catch (ScenarioFormatException e) {
                e.problems().forEach(p -> problems.add(problem(version, p, p)));
                continue;
            }
            if (scenarios.isEmpty()) continue;
            CreditControl single = CreditControl.verifying(new RuleSets(List.of(version)), limits);
            ScenarioReport report = ScenarioRunner.run(single, version.info(), scenarios);
            for (ScenarioResult r : report.results()) {
                if (!r.passed()) problems.add(problem(version, r.scenario().source(), "scenario failed: " + r.line()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException("a rule set fails its own scenarios and was not loaded", problems);
        }
    }

    private static RuleSetProblem problem(CompiledRuleSet version, String source, String message) {
        Matcher m = SOURCE.matcher(source.replaceFirst(":\\s.*$", ""));
        String file = m.matches() ? m.group(1) : version.info().folder().map(Path::toString).orElse(CreditControl.DEFAULT_RULES);
        int line = m.matches() ? Integer.parseInt(m.group(2)) : 0;
        return RuleSetProblem.error(file, line, 1, message);
    }
}
