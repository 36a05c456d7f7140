package dev.creditcontrol.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "may this customer have this order, on credit, now?": the outcome, every
 * reason behind it, and which rule set made it. Immutable and safe to keep as an audit record.
 *
 * @param orderId          the order decided on
 * @param customerId       its customer
 * @param orderDate        the order's date
 * @param outcome          the most severe outcome among the reasons ({@link Outcome#APPROVE} when none)
 * @param requiredApproval for {@link Outcome#ESCALATE}, the highest level any reason asked for; else empty
 * @param reasons          every finding, in the order the rules raised them
 * @param ruleSetName      name of the rule set that decided
 * @param ruleSetVersion   its version
 * @param ruleSetHash      SHA-256 of its files
 * @param decidedAt        when the decision was made, from the engine's clock
 * @param checkpoint       where in the order's life it was made
 * @param shipmentId       the shipment decided on, at {@link Checkpoint#SHIPMENT}; else empty
 */
public record CreditDecision(String orderId, String customerId, LocalDate orderDate, Outcome outcome,
                             Optional<ApprovalLevel> requiredApproval, List<Reason> reasons,
                             String ruleSetName, String ruleSetVersion, String ruleSetHash, Instant decidedAt,
                             Checkpoint checkpoint, Optional<String> shipmentId) {

    /** Validates the fields and copies the reasons. */
    public CreditDecision {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderDate, "orderDate");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(requiredApproval, "requiredApproval");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(ruleSetName, "ruleSetName");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(ruleSetHash, "ruleSetHash");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(shipmentId, "shipmentId");
        if (shipmentId.isPresent() != (checkpoint == Checkpoint.SHIPMENT)) {
            throw new IllegalArgumentException("shipmentId is present exactly at the SHIPMENT checkpoint, not at " + checkpoint);
        }
        if (requiredApproval.isPresent() && outcome != Outcome.ESCALATE) {
            throw new IllegalArgumentException("requiredApproval is only for ESCALATE, not " + outcome);
        }
    }

    /** Whether any reason carries {@code code}. */
    public boolean hasReason(String code) {
        for (Reason r : reasons) if (r.code().equals(code)) return true;
        return false;
    }

    /**
     * The SKUs of the lines the host must take out for the rest to pass: every SKU named by a
     * reason of severity {@code REJECT} or worse (a licence that does not cover a line, ...).
     */
    public java.util.Set<String> blockedSkus() {
        java.util.Set<String> blocked = new java.util.TreeSet<>();
        for (Reason r : reasons) if (r.outcome().compareTo(Outcome.REJECT) >= 0) blocked.addAll(r.skus());
        return java.util.Collections.unmodifiableSet(blocked);
    }

    /** The reasons carrying {@code code}. */
    public List<Reason> reasons(String code) {
        return reasons.stream().filter(r -> r.code().equals(code)).toList();
    }
}
