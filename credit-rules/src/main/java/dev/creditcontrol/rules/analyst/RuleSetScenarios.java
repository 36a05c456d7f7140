package dev.creditcontrol.rules.analyst;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a rule folder's scenario tables as JUnit 5 tests, so a host's own build can test its own
 * rules before they go live:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> creditRules() {
 *     return RuleSetScenarios.dynamicTests(Path.of("src/main/credit-rules"));
 * }
 * }</pre>
 *
 * One test per row (named after its {@code case} column), plus one per version that fails when a
 * rule never raised a finding in the whole suite. Needs junit-jupiter-api on the test class path.
 */
public final class RuleSetScenarios {

    private RuleSetScenarios() {}

    /** One container per rule-set version in {@code dir}; the rule sets are loaded when this is called. */
    public static Stream<DynamicNode> dynamicTests(Path dir) {
        List<DynamicNode> containers = new ArrayList<>();
        for (ScenarioReport report : ScenarioRunner.runFolder(dir)) {
            List<DynamicNode> tests = new ArrayList<>();
            for (ScenarioResult r : report.results()) {
                tests.add(DynamicTest.dynamicTest(r.scenario().name(), () -> {
                    if (!r.passed()) throw new AssertionError(r.line());
                }));
            }
            tests.add(DynamicTest.dynamicTest("every rule fires in some scenario", () -> {
                if (!report.rulesNever().isEmpty()) {
                    throw new AssertionError("rules that no scenario fires: " + report.rulesNever());
                }
            }));
            containers.add(DynamicContainer.dynamicContainer(
                    report.ruleSet().name() + " " + report.ruleSet().version(), tests));
        }
        return containers.stream();
    }
}
