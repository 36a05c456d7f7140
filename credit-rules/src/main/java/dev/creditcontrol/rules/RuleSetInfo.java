package dev.creditcontrol.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * Identity of a loaded rule-set version, as recorded in every decision it makes.
 *
 * @param name          the rule set's name, e.g. {@code medical-device}
 * @param version       its semantic version, e.g. {@code 1.0.0}
 * @param effectiveFrom first order date it applies to
 * @param description   one line on what it is
 * @param contentHash   SHA-256 (hex) over its rule, parameter and manifest files, line endings normalised
 * @param ruleNames     the names of its rules, sorted
 */
public record RuleSetInfo(String name, String version, LocalDate effectiveFrom, String description,
                          String contentHash, List<String> ruleNames) {

    /** Copies the rule names. */
    public RuleSetInfo {
        ruleNames = List.copyOf(ruleNames);
    }

    /** Number of rules. */
    public int rules() {
        return ruleNames.size();
    }
}
