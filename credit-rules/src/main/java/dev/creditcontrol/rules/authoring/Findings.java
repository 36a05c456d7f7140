package dev.creditcontrol.rules.authoring;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.Outcome;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where rules record what they found: the global {@code findings} ({@code global Findings findings})
 * or, in older rule files, a fact a rule binds ({@code $f : Findings()}); one call per policy
 * statement. The message is a key of the rule set's message bundles (its text, in the language of
 * the check, names the values in braces) or, in a rule set without bundles, the text itself. The engine
 * records which rule made each call. The most severe outcome among all findings becomes the
 * decision; every finding becomes a reason.
 *
 * <p>{@code values} are name/value pairs ({@code "limit", $e.limit(), "after", $e.after()}) kept
 * with the reason for audit; numbers are rendered without exponent, absent values as {@code none}.
 * A value named {@code skus} holding a collection names the lines the finding concerns
 * ({@code Reason.skus()}): the host takes those lines out of a refused order.
 */
public abstract class Findings {

    /** For the engine only. */
    protected Findings() {
    }

    /** A warning: the order may pass, but the host should see why ({@link Outcome#APPROVE}). */
    public void warn(String code, String message, Object... values) {
        record(Outcome.APPROVE, Optional.empty(), code, message, values);
    }

    /** Hold the order for approval at {@code level} ({@link Outcome#ESCALATE}). */
    public void escalate(String code, ApprovalLevel level, String message, Object... values) {
        if (level == null) throw new IllegalArgumentException("approval level is required for escalate(" + code + ")");
        record(Outcome.ESCALATE, Optional.of(level), code, message, values);
    }

    /** Refuse this order ({@link Outcome#REJECT}). */
    public void reject(String code, String message, Object... values) {
        record(Outcome.REJECT, Optional.empty(), code, message, values);
    }

    /** Refuse this order and freeze the account ({@link Outcome#FREEZE}). */
    public void freeze(String code, String message, Object... values) {
        record(Outcome.FREEZE, Optional.empty(), code, message, values);
    }

    /** Stores one finding; {@code values} are already rendered as text, {@code skus} are the lines it concerns. */
    protected abstract void add(Outcome outcome, Optional<ApprovalLevel> level, String code, String message,
                                Map<String, String> values, List<String> skus);

    private void record(Outcome outcome, Optional<ApprovalLevel> level, String code, String message, Object[] values) {
        if (code == null || code.isBlank()) throw new IllegalArgumentException("a finding needs a reason code");
        if (message == null) throw new IllegalArgumentException("a finding needs a message (code " + code + ")");
        add(outcome, level, code, text(message, values), Values.pairs(code, values), skus(values));
    }

    /**
     * The text of a message: a key of the rule set's message bundles ({@code "limit.exceeded"}),
     * formatted with the named values in the language of the check; otherwise the rule's own
     * text, as given. The engine's.
     */
    protected String text(String message, Object[] values) {
        return message;
    }

    private static List<String> skus(Object[] values) {
        for (int i = 0; i + 1 < values.length; i += 2) {
            if ("skus".equals(values[i]) && values[i + 1] instanceof Collection<?> c) {
                List<String> skus = new ArrayList<>(c.size());
                for (Object sku : c) skus.add(String.valueOf(sku));
                return skus;
            }
        }
        return List.of();
    }
}
