package dev.creditcontrol.decision;

import java.util.Objects;

/**
 * One scorecard factor: what was seen and the points it earned.
 *
 * @param factor name of the factor, e.g. {@code onTimeShare}
 * @param value  the value seen, as text ({@code "0.9500"}, {@code "new"} when there is no history)
 * @param points points earned (higher is safer)
 * @param rule   the rule that scored it
 */
public record FactorScore(String factor, String value, int points, String rule) {
    public FactorScore {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
    }
}
