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
 * @param review     the customer's receivables review, when the rule set reviews receivables
 * @param mismatches what differs from the expectations; empty when the row passes
 */
public record ScenarioResult(Scenario scenario, CreditDecision decision, java.util.Optional<CreditAssessment> assessment,
                             java.util.Optional<dev.creditcontrol.decision.ReceivablesReview> review, List<String> mismatches) {

    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
    }

    /** Checks the decision and the assessment against the row's expectations. */
    public static ScenarioResult of(Scenario s, CreditDecision d, java.util.Optional<CreditAssessment> a, String assessError) {
        return of(s, d, a, assessError, java.util.Optional.empty(), "");
    }

    /** Checks the decision, the assessment and the receivables review against the row's expectations. */
    public static ScenarioResult of(Scenario s, CreditDecision d, java.util.Optional<CreditAssessment> a, String assessError,
                                    java.util.Optional<dev.creditcontrol.decision.ReceivablesReview> review, String reviewError) {
        List<String> mismatches = new java.util.ArrayList<>();
        if (s.review().any() && review.isEmpty()) mismatches.add("no receivables review: " + reviewError);
        review.ifPresent(r -> {
            s.review().dunningLevel().filter(l -> l != r.dunningLevel())
                    .ifPresent(l -> mismatches.add("dunning level " + r.dunningLevel() + ", expected " + l));
            s.review().provision().filter(p -> p.compareTo(r.provision().amount()) != 0)
                    .ifPresent(p -> mismatches.add("provision " + r.provision() + ", expected " + p.toPlainString()));
            Set<String> notices = new TreeSet<>(r.actions().stream().map(x -> x.invoiceId() + ":" + x.tone()).toList());
            s.review().notices().filter(n -> !new TreeSet<>(n).equals(notices))
                    .ifPresent(n -> mismatches.add("notices " + notices + ", expected " + new TreeSet<>(n)));
        });
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
        return new ScenarioResult(s, d, a, review, mismatches);
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
