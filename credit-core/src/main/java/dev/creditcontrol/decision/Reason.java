package dev.creditcontrol.decision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding behind a decision: a stable code a host maps to its own texts, a message in
 * words, the rule that raised it, the outcome that rule asked for and the values it used.
 *
 * @param code             stable reason code, e.g. {@code CREDIT_LIMIT_EXCEEDED}
 * @param message          human-readable explanation
 * @param rule             name of the rule that raised it
 * @param outcome          outcome the rule asked for ({@link Outcome#APPROVE} for a warning)
 * @param requiredApproval approval level the rule asked for, when it escalates
 * @param values           the facts and thresholds it used, by name, rendered as text
 * @param skus             the order (shipment) lines it concerns, by SKU; empty: the whole order
 */
public record Reason(String code, String message, String rule, Outcome outcome,
                     Optional<ApprovalLevel> requiredApproval, Map<String, String> values, List<String> skus) {

    /** Validates the fields and copies the values, keeping their order. */
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(requiredApproval, "requiredApproval");
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
        skus = List.copyOf(Objects.requireNonNull(skus, "skus"));
    }

    /** A reason about the whole order. */
    public Reason(String code, String message, String rule, Outcome outcome, Optional<ApprovalLevel> requiredApproval,
                  Map<String, String> values) {
        this(code, message, rule, outcome, requiredApproval, values, List.of());
    }
}
