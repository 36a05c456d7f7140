/**
 * Tooling for risk analysts: scenario tables (CSV) run against a rule set, decision diffs between
 * two versions over recorded cases, a JUnit 5 helper, and the {@code credit-rules} command line.
 * Needs the optional dependencies commons-csv (and picocli for {@link dev.creditcontrol.rules.analyst.Cli},
 * junit-jupiter-api for {@link dev.creditcontrol.rules.analyst.RuleSetScenarios}); a host that only
 * calls {@code checkOrder} needs none of this package.
 */
package dev.creditcontrol.rules.analyst;
