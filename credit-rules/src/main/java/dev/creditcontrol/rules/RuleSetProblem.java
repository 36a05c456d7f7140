package dev.creditcontrol.rules;

import java.util.Optional;

/**
 * One problem found in a rule set, located as precisely as the source allows.
 * {@link #toString()} renders it as {@code file:line:column: ERROR [rule] message (hint)}, the
 * form editors and CI logs link to.
 *
 * @param severity whether it prevents the rule set from loading
 * @param file     path of the file inside the rule-set folder
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param rule     the rule it concerns, when known
 * @param message  what is wrong
 * @param hint     a plain-words suggestion for common mistakes, when there is one
 */
public record RuleSetProblem(Severity severity, String file, int line, int column, Optional<String> rule,
                             String message, Optional<String> hint) {

    /** Whether a problem stops the rule set from being used. */
    public enum Severity { ERROR, WARNING }

    /** An error at a position, with no rule or hint. */
    public static RuleSetProblem error(String file, int line, int column, String message) {
        return new RuleSetProblem(Severity.ERROR, file, line, column, Optional.empty(), message, Optional.empty());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file).append(':').append(line).append(':').append(column).append(": ")
                .append(severity).append(' ');
        rule.ifPresent(r -> b.append("[rule \"").append(r).append("\"] "));
        b.append(message);
        hint.ifPresent(h -> b.append(" (hint: ").append(h).append(')'));
        return b.toString();
    }
}
