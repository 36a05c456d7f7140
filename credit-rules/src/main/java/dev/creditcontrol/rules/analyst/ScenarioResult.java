package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Reason;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One scenario's outcome: the actual decision and, when it differs from what the row expects, how.
 *
 * @param scenario   the row
 * @param decision   what the rule set decided
 * @param mismatches what differs from the expectations; empty when the row passes
 */
public record ScenarioResult(Scenario scenario, CreditDecision decision, List<String> mismatches) {

    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
    }

    /** Checks the decision against the row's expectations. */
    public static ScenarioResult of(Scenario s, CreditDecision d) {
        List<String> mismatches = new java.util.ArrayList<>();
        s.expectedOutcome().filter(o -> o != d.outcome())
                .ifPresent(o -> mismatches.add("outcome " + d.outcome() + ", expected " + o));
        Set<String> actual = new TreeSet<>(d.reasons().stream().map(Reason::code).toList());
        s.expectedReasons().filter(r -> !new TreeSet<>(r).equals(actual))
                .ifPresent(r -> mismatches.add("reasons " + actual + ", expected " + new TreeSet<>(r)));
        s.expectedApproval().filter(a -> !d.requiredApproval().equals(java.util.Optional.of(a)))
                .ifPresent(a -> mismatches.add("approval " + d.requiredApproval().map(Enum::name).orElse("none") + ", expected " + a));
        return new ScenarioResult(s, d, mismatches);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** {@code PASS name: APPROVE [CODES]} or {@code FAIL name (file:line): ...}. */
    public String line() {
        String actual = decision.outcome() + decision.requiredApproval().map(a -> " (" + a + ")").orElse("") + " "
                + decision.reasons().stream().map(Reason::code).toList();
        return passed() ? "PASS " + scenario.name() + ": " + actual
                : "FAIL " + scenario.name() + " (" + scenario.source() + "): got " + actual + "; " + String.join("; ", mismatches);
    }
}
