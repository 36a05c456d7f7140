/**
 * What rule files see besides the derived facts: {@link dev.creditcontrol.rules.authoring.Parameters}
 * (the rule set's thresholds) and {@link dev.creditcontrol.rules.authoring.Findings} (where a rule
 * records what it found). Hosts never need these types.
 */
package dev.creditcontrol.rules.authoring;
