package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.CreditAssessment;
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
 * @param assessment the customer's assessment, when the rule set can assess
 * @param mismatches what differs from the expectations; empty when the row passes
 */
public record ScenarioResult(Scenario scenario, CreditDecision decision, java.util.Optional<CreditAssessment> assessment,
                             List<String> mismatches) {

    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
    }

    /** Checks the decision and the assessment against the row's expectations. */
    public static ScenarioResult of(Scenario s, CreditDecision d, java.util.Optional<CreditAssessment> a, String assessError) {
        List<String> mismatches = new java.util.ArrayList<>();
        if ((s.expectedGrade().isPresent() || s.expectedLevel().isPresent()) && a.isEmpty()) {
            mismatches.add("no assessment: " + assessError);
        }
        a.ifPresent(x -> {
            s.expectedGrade().filter(g -> g != x.grade())
                    .ifPresent(g -> mismatches.add("grade " + x.grade() + " (score " + x.score() + "), expected " + g));
            s.expectedLevel().filter(l -> l != x.warningLevel())
                    .ifPresent(l -> mismatches.add("level " + x.warningLevel() + " " + x.reasons().stream().map(Reason::code).toList()
                            + ", expected " + l));
        });
        s.expectedOutcome().filter(o -> o != d.outcome())
                .ifPresent(o -> mismatches.add("outcome " + d.outcome() + ", expected " + o));
        Set<String> actual = new TreeSet<>(d.reasons().stream().map(Reason::code).toList());
        s.expectedReasons().filter(r -> !new TreeSet<>(r).equals(actual))
                .ifPresent(r -> mismatches.add("reasons " + actual + ", expected " + new TreeSet<>(r)));
        s.expectedApproval().filter(level -> !d.requiredApproval().equals(java.util.Optional.of(level)))
                .ifPresent(level -> mismatches.add("approval " + d.requiredApproval().map(Enum::name).orElse("none") + ", expected " + level));
        s.expectedBlocked().filter(b -> !new TreeSet<>(b).equals(new TreeSet<>(d.blockedSkus())))
                .ifPresent(b -> mismatches.add("blocked lines " + d.blockedSkus() + ", expected " + new TreeSet<>(b)));
        return new ScenarioResult(s, d, a, mismatches);
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
