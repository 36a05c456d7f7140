package dev.creditcontrol.decision;

import dev.creditcontrol.model.Money;

import java.time.LocalDate;

/**
 * An approval granted earlier for an order (or shipment) that the engine escalated: who approved,
 * at what authority, why, up to what amount and until when. The engine applies it only when all
 * of these hold: its level is at least the approval the decision requires; the order (shipment)
 * total is at most {@code upTo}; the check date is on or before {@code validUntil}; and
 * {@code approvedBy} is not the user who requested the order (four eyes, compared trimmed and
 * ignoring case). A release never changes {@code REJECT} or {@code FREEZE}.
 *
 * @param approvedBy who approved
 * @param level      the authority they approved with
 * @param reason     why, in words, for the audit record
 * @param upTo       the largest order (shipment) total the approval covers; re-check on a value increase
 * @param validUntil the last day the approval may be used
 */
public record Release(String approvedBy, ApprovalLevel level, String reason, Money upTo, LocalDate validUntil) {

    /** Validates the fields, naming the one that is wrong. */
    public Release {
        if (approvedBy == null || approvedBy.isBlank()) {
            throw new IllegalArgumentException("release.approvedBy must not be blank: '" + approvedBy + "'");
        }
        approvedBy = approvedBy.strip();
        if (level == null) throw new IllegalArgumentException("release.level is required but was null");
        if (reason == null) throw new IllegalArgumentException("release.reason is required but was null (may be empty)");
        if (upTo == null) throw new IllegalArgumentException("release.upTo is required but was null");
        if (upTo.isNegative()) throw new IllegalArgumentException("release.upTo must not be negative: " + upTo);
        if (validUntil == null) throw new IllegalArgumentException("release.validUntil is required but was null");
        if (validUntil.getYear() < 1900 || validUntil.getYear() > 2999) {
            throw new IllegalArgumentException("release.validUntil " + validUntil + " is out of range (1900-01-01 to 2999-12-31)");
        }
    }
}
