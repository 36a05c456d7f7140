package dev.creditcontrol.rules;

import java.util.List;

/**
 * A rule set could not be loaded: it does not compile, its manifest or parameters are wrong, or
 * its folder cannot be read. Carries every problem found, not just the first. A rule set with
 * a problem of severity {@code ERROR} is never used.
 */
public class RuleSetException extends CreditControlException {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleSetProblem> problems;

    /** With a summary and every problem found. */
    public RuleSetException(String summary, List<RuleSetProblem> problems) {
        super(render(summary, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order. */
    public List<RuleSetProblem> problems() {
        return problems;
    }

    private static String render(String summary, List<RuleSetProblem> problems) {
        StringBuilder b = new StringBuilder(summary);
        for (RuleSetProblem p : problems) b.append(System.lineSeparator()).append("  ").append(p);
        return b.toString();
    }
}
