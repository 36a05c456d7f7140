package dev.creditcontrol.rules.analyst;

import java.util.List;

/** A scenario file could not be read; lists every bad cell as {@code file:line: column: message}. */
public class ScenarioFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public ScenarioFormatException(String file, List<String> problems) {
        super(file + " has " + problems.size() + " bad cell(s):" + System.lineSeparator() + "  "
                + String.join(System.lineSeparator() + "  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem. */
    public List<String> problems() {
        return problems;
    }
}
