package dev.creditcontrol.rules.authoring;

import dev.creditcontrol.decision.WarningAction;
import dev.creditcontrol.decision.WarningLevel;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where scorecard and early-warning rules record what they find when a customer is assessed.
 * One instance per assessment is in working memory; a rule binds it ({@code $s : ScoreSheet()}).
 *
 * <pre>{@code
 * $s.score("onTimeShare", $a.onTimeShare());          // points from the score.onTimeShare.* bins
 * $s.warn(WarningLevel.ORANGE, "WARN_OVERDUE", "START_COLLECTION REVIEW_LIMIT", "message", "daysOverdue", $a.daysOverdue());
 * $s.severe("WARN_LICENCE_LAPSED", "SUSPEND_SHIPMENTS RENEW_LICENCE", "message");   // RED at once
 * }</pre>
 *
 * A warning's level may rise only one step per review (from the previous assessment); a severe
 * warning goes to {@link WarningLevel#RED} at once.
 */
public abstract class ScoreSheet {

    /** For the engine only. */
    protected ScoreSheet() {
    }

    /** Scores a factor with the points its bins give {@code value} ({@code null}: the factor's missing points). */
    public void score(String factor, Object value) {
        if (factor == null || factor.isBlank()) throw new IllegalArgumentException("a scored factor needs a name");
        factor(factor, Values.render(value), points(factor, value));
    }

    /** Raises an early warning; {@code actions} are {@link WarningAction} names separated by spaces. */
    public void warn(WarningLevel level, String code, String actions, String message, Object... values) {
        if (level == null) throw new IllegalArgumentException("a warning needs a level (code " + code + ")");
        warning(level, false, actions(actions, code), code, text(message, values), pairs(code, message, values));
    }

    /** Raises a severe warning: {@link WarningLevel#RED} at once, whatever the previous level. */
    public void severe(String code, String actions, String message, Object... values) {
        warning(WarningLevel.RED, true, actions(actions, code), code, text(message, values), pairs(code, message, values));
    }

    /**
     * The text of a message: a key of the rule set's message bundles, formatted with the named
     * values in the language of the check; otherwise the rule's own text. The engine's.
     */
    protected String text(String message, Object[] values) {
        return message;
    }

    /** Points for a factor's value, from the parameters. */
    protected abstract int points(String factor, Object value);

    /** Stores a factor's score. */
    protected abstract void factor(String factor, String value, int points);

    /** Stores a warning. */
    protected abstract void warning(WarningLevel level, boolean severe, Set<WarningAction> actions, String code,
                                    String message, Map<String, String> values);

    private static Set<WarningAction> actions(String actions, String code) {
        Set<WarningAction> set = EnumSet.noneOf(WarningAction.class);
        if (actions == null || actions.isBlank()) return set;
        for (String a : actions.trim().split("[\\s,]+")) {
            try {
                set.add(WarningAction.valueOf(a.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown warning action '" + a + "' (code " + code + ")", e);
            }
        }
        return set;
    }

    private static Map<String, String> pairs(String code, String message, Object[] values) {
        if (code == null || code.isBlank()) throw new IllegalArgumentException("a warning needs a reason code");
        if (message == null) throw new IllegalArgumentException("a warning needs a message (code " + code + ")");
        return Values.pairs(code, values);
    }
}
