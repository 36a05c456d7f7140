package dev.creditcontrol.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Identity of a loaded rule-set version, as recorded in every decision it makes.
 *
 * @param name          the rule set's name, e.g. {@code medical-device}
 * @param version       its semantic version, e.g. {@code 1.0.0}
 * @param effectiveFrom first order date it applies to
 * @param description   one line on what it is
 * @param contentHash   SHA-256 (hex) over its rule, parameter and manifest files, line endings normalised
 * @param ruleNames     the names of its rules, sorted
 * @param folder        the folder it was loaded from; empty for the bundled rule set
 */
public record RuleSetInfo(String name, String version, LocalDate effectiveFrom, String description,
                          String contentHash, List<String> ruleNames, Optional<Path> folder) {

    /** Copies the rule names. */
    public RuleSetInfo {
        ruleNames = List.copyOf(ruleNames);
        Objects.requireNonNull(folder, "folder");
    }

    /** Number of rules. */
    public int rules() {
        return ruleNames.size();
    }
}
