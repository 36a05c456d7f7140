package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.rules.CreditControl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays the same recorded cases under two rule-set versions and reports what changes: every
 * decision whose outcome, approval level or reason codes differ, a matrix of outcome transitions,
 * and the reasons added and removed.
 */
public final class DecisionDiff {

    /**
     * One case whose decision changed.
     *
     * @param scenario the case
     * @param before   decision of the old version
     * @param after    decision of the new version
     * @param added    reason codes only the new version gives
     * @param removed  reason codes only the old version gives
     */
    public record Change(Scenario scenario, CreditDecision before, CreditDecision after, Set<String> added,
                         Set<String> removed) {
        public Change {
            added = Set.copyOf(added);
            removed = Set.copyOf(removed);
        }

        /** {@code name: APPROVE -> ESCALATE (CREDIT_MANAGER) +CODE -CODE}. */
        public String line() {
            return scenario.name() + ": " + describe(before) + " -> " + describe(after)
                    + added.stream().sorted().map(c -> " +" + c).reduce("", String::concat)
                    + removed.stream().sorted().map(c -> " -" + c).reduce("", String::concat);
        }

        private static String describe(CreditDecision d) {
            return d.outcome() + d.requiredApproval().map(a -> " (" + a + ")").orElse("");
        }
    }

    /**
     * The diff.
     *
     * @param oldVersion  the old rule set's name and version
     * @param newVersion  the new rule set's name and version
     * @param cases       how many cases were replayed
     * @param changes     every case whose decision changed, in input order
     * @param transitions count per {@code OLD→NEW} outcome pair, unchanged pairs included
     * @param added       count per reason code the new version adds
     * @param removed     count per reason code the new version no longer gives
     */
    public record Report(String oldVersion, String newVersion, int cases, List<Change> changes,
                         Map<String, Integer> transitions, Map<String, Integer> added, Map<String, Integer> removed) {
        public Report {
            changes = List.copyOf(changes);
            transitions = Map.copyOf(transitions);
            added = Map.copyOf(added);
            removed = Map.copyOf(removed);
        }

        public boolean changed() {
            return !changes.isEmpty();
        }

        /** A plain-text report: the matrix, the reason counts, then each changed case. */
        public String render() {
            String nl = System.lineSeparator();
            StringBuilder b = new StringBuilder("decision diff: ").append(oldVersion).append(" -> ").append(newVersion)
                    .append(", ").append(cases).append(" cases, ").append(changes.size()).append(" changed").append(nl);
            b.append("outcome transitions:").append(nl);
            new TreeMap<>(transitions).forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append(nl));
            if (!added.isEmpty()) b.append("reasons added:").append(nl);
            new TreeMap<>(added).forEach((k, v) -> b.append("  +").append(k).append(": ").append(v).append(nl));
            if (!removed.isEmpty()) b.append("reasons removed:").append(nl);
            new TreeMap<>(removed).forEach((k, v) -> b.append("  -").append(k).append(": ").append(v).append(nl));
            if (!changes.isEmpty()) b.append("changed decisions:").append(nl);
            changes.forEach(c -> b.append("  ").append(c.line()).append(nl));
            return b.toString().stripTrailing();
        }
    }

    private DecisionDiff() {}

    /** Replays {@code cases} under both engines (each deciding by its own version in force). */
    public static Report compare(CreditControl before, CreditControl after, List<Scenario> cases) {
        List<Change> changes = new ArrayList<>();
        Map<String, Integer> transitions = new TreeMap<>();
        Map<String, Integer> added = new TreeMap<>();
        Map<String, Integer> removed = new TreeMap<>();
        for (Scenario s : cases) {
            CreditDecision a = s.check(before, Optional.empty());
            CreditDecision b = s.check(after, Optional.empty());
            transitions.merge(a.outcome() + "→" + b.outcome(), 1, Integer::sum);
            Set<String> codesA = codes(a);
            Set<String> codesB = codes(b);
            Set<String> plus = new TreeSet<>(codesB);
            plus.removeAll(codesA);
            Set<String> minus = new TreeSet<>(codesA);
            minus.removeAll(codesB);
            plus.forEach(c -> added.merge(c, 1, Integer::sum));
            minus.forEach(c -> removed.merge(c, 1, Integer::sum));
            boolean changed = a.outcome() != b.outcome() || !Objects.equals(a.requiredApproval(), b.requiredApproval())
                    || !plus.isEmpty() || !minus.isEmpty();
            if (changed) changes.add(new Change(s, a, b, plus, minus));
        }
        return new Report(name(before), name(after), cases.size(), changes, transitions, added, removed);
    }

    private static Set<String> codes(CreditDecision d) {
        Set<String> codes = new TreeSet<>();
        for (Reason r : d.reasons()) codes.add(r.code());
        return codes;
    }

    private static String name(CreditControl control) {
        return control.ruleSets().stream().map(i -> i.name() + " " + i.version()).reduce((x, y) -> x + ", " + y).orElse("?");
    }
}
