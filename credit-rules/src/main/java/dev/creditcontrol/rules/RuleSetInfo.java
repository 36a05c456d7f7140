package dev.creditcontrol.rules;

import java.time.LocalDate;

/**
 * Identity of a loaded rule-set version, as recorded in every decision it makes.
 *
 * @param name          the rule set's name, e.g. {@code medical-device}
 * @param version       its semantic version, e.g. {@code 1.0.0}
 * @param effectiveFrom first order date it applies to
 * @param description   one line on what it is
 * @param contentHash   SHA-256 (hex) over its rule, parameter and manifest files, line endings normalised
 * @param rules         number of rules it holds
 */
public record RuleSetInfo(String name, String version, LocalDate effectiveFrom, String description,
                          String contentHash, int rules) {
}
