package dev.creditcontrol.rules.internal;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.decision.Checkpoint;
import dev.creditcontrol.model.CreditRequest;
import dev.creditcontrol.decision.Release;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.ShipmentRequest;
import dev.creditcontrol.rules.RuleSetInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves findings into a decision: the most severe outcome wins, every finding is kept. */
public final class Decisions {
    public static final String ENGINE_ERROR = "ENGINE_ERROR";
    public static final String RELEASED = "RELEASED";
    public static final String RELEASE_NOT_APPLIED = "RELEASE_NOT_APPLIED";

    private Decisions() {}

    /**
     * Lets through what no decision can answer: a JVM out of memory or otherwise broken
     * ({@link VirtualMachineError}, except a rule's runaway recursion, {@link StackOverflowError},
     * which unwinds cleanly). Everything else a rule throws, errors included, fails the check closed.
     */
    public static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) throw (VirtualMachineError) e;
    }

    /** The checkpoint a request is checked at. */
    public static Checkpoint checkpoint(CreditRequest request) {
        if (request instanceof OrderRequest) return Checkpoint.ORDER;
        if (request instanceof ShipmentRequest) return Checkpoint.SHIPMENT;
        throw new IllegalArgumentException("unknown request type " + request.getClass().getName());
    }

    public static CreditDecision resolve(CreditRequest request, RuleSetInfo ruleSet, List<Reason> reasons, Instant at) {
        return resolve(request, ruleSet, reasons, at, Messages.NONE.forLocale(java.util.Locale.ENGLISH));
    }

    /** Like {@link #resolve(CreditRequest, RuleSetInfo, List, Instant)}, the engine's own messages in the bundle's language. */
    public static CreditDecision resolve(CreditRequest request, RuleSetInfo ruleSet, List<Reason> reasons, Instant at,
                                         Messages.Bundle texts) {
        Outcome outcome = outcomeOf(reasons);
        Optional<ApprovalLevel> approval = approvalOf(outcome, reasons);
        if (request.release().isPresent()) {
            Release release = request.release().get();
            Optional<String> refused = whyNotApplied(request, release, outcome, approval, texts);
            List<Reason> all = new ArrayList<>(reasons);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("approvedBy", release.approvedBy());
            values.put("level", release.level().name());
            values.put("upTo", release.upTo().toString());
            values.put("validUntil", release.validUntil().toString());
            values.put("total", request.total().toString());
            if (refused.isEmpty()) {
                all.add(new Reason(RELEASED, say(texts, "release.applied", "Released by " + release.approvedBy() + " (" + release.level()
                        + ") up to " + release.upTo() + " until " + release.validUntil() + (release.reason().isBlank() ? "" : ": " + release.reason()),
                        "approvedBy", release.approvedBy(), "level", level(texts, release.level()), "upTo", release.upTo(),
                        "validUntil", release.validUntil(), "why", release.reason().isBlank() ? "-" : release.reason()),
                        "(release)", Outcome.APPROVE, Optional.empty(), values));
                outcome = Outcome.APPROVE;
                approval = Optional.empty();
            } else {
                all.add(new Reason(RELEASE_NOT_APPLIED, say(texts, "release.notApplied", "The release by " + release.approvedBy()
                        + " was not applied: " + refused.get(), "approvedBy", release.approvedBy(), "why", refused.get()),
                        "(release)", Outcome.APPROVE, Optional.empty(), values));
            }
            reasons = all;
        }
        boolean shipment = request instanceof ShipmentRequest;
        return new CreditDecision(request.orderId(), request.customerId(), request.checkDate(), outcome, approval, reasons,
                ruleSet.name(), ruleSet.version(), ruleSet.contentHash(), at, checkpoint(request),
                shipment ? Optional.of(((ShipmentRequest) request).shipmentId()) : Optional.empty());
    }

    private static Outcome outcomeOf(List<Reason> reasons) {
        Outcome outcome = Outcome.APPROVE;
        for (Reason r : reasons) if (r.outcome().isMoreSevereThan(outcome)) outcome = r.outcome();
        return outcome;
    }

    private static Optional<ApprovalLevel> approvalOf(Outcome outcome, List<Reason> reasons) {
        Optional<ApprovalLevel> approval = Optional.empty();
        if (outcome != Outcome.ESCALATE) return approval;
        for (Reason r : reasons) {
            if (r.outcome() == Outcome.ESCALATE && r.requiredApproval().isPresent()
                    && (approval.isEmpty() || r.requiredApproval().get().compareTo(approval.get()) > 0)) {
                approval = r.requiredApproval();
            }
        }
        return approval;
    }

    /** Which condition of a release fails, in words; empty when it applies. */
    private static Optional<String> whyNotApplied(CreditRequest request, Release release, Outcome outcome,
                                                  Optional<ApprovalLevel> required, Messages.Bundle texts) {
        String what = request instanceof ShipmentRequest ? "shipment" : "order";
        if (outcome == Outcome.REJECT || outcome == Outcome.FREEZE) {
            return Optional.of(say(texts, "release.why.final", "the decision is " + outcome
                    + ", which no release changes (the law and a frozen account are not for sale)", "outcome", outcome));
        }
        if (outcome == Outcome.APPROVE) return Optional.of(say(texts, "release.why.notNeeded", "the " + what + " needed no approval"));
        if (required.isPresent() && release.level().compareTo(required.get()) < 0) {
            return Optional.of(say(texts, "release.why.level", "it was granted at " + release.level() + " but the " + what + " needs "
                    + required.get(), "granted", level(texts, release.level()), "needed", level(texts, required.get())));
        }
        if (request.total().isGreaterThan(release.upTo())) {
            return Optional.of(say(texts, "release.why.amount", "the " + what + " total " + request.total() + " is above the released "
                    + release.upTo() + " (re-check on a value increase)", "total", request.total(), "upTo", release.upTo()));
        }
        if (request.checkDate().isAfter(release.validUntil())) {
            return Optional.of(say(texts, "release.why.expired", "it was valid until " + release.validUntil() + ", before the check date "
                    + request.checkDate(), "validUntil", release.validUntil(), "checkDate", request.checkDate()));
        }
        if (request.requestedBy().isEmpty()) {
            return Optional.of(say(texts, "release.why.noRequester", "the " + what
                    + " does not say who requested it, so four eyes cannot be verified"));
        }
        if (request.requestedBy().get().strip().equalsIgnoreCase(release.approvedBy().strip())) {
            return Optional.of(say(texts, "release.why.fourEyes", release.approvedBy() + " requested the " + what
                    + " and cannot also approve it (four eyes)", "approvedBy", release.approvedBy()));
        }
        return Optional.empty();
    }

    /** The bundle's text for {@code key} with the named values, or {@code english} when the rule set has no such text. */
    private static String say(Messages.Bundle texts, String key, String english, Object... values) {
        return texts.has(key) ? texts.format(key, values) : english;
    }

    private static String level(Messages.Bundle texts, ApprovalLevel level) {
        return texts.text("approval." + level.name()).orElse(level.name());
    }

    /** The fail-closed decision when evaluation itself failed: the order is refused, never approved. */
    public static CreditDecision engineError(CreditRequest request, RuleSetInfo ruleSet, Throwable error, Instant at) {
        return resolve(request, ruleSet, List.of(engineErrorReason("The credit check could not be completed", error)), at);
    }

    /**
     * What the caller gets when the journal could not record {@code decision}: a REJECT with
     * ENGINE_ERROR saying so (and what the decision would have been), on the same rule set.
     */
    public static CreditDecision journalFailure(CreditRequest request, CreditDecision decision, Throwable error, Instant at) {
        Reason reason = new Reason(ENGINE_ERROR, "The decision (" + decision.outcome() + ") could not be journalled, so the order is refused: "
                + error.getClass().getSimpleName() + ": " + error.getMessage(), "(journal)", Outcome.REJECT, Optional.empty(),
                Map.of("error", error.getClass().getName(), "decisionNotJournalled", decision.outcome().name()));
        return new CreditDecision(decision.orderId(), decision.customerId(), decision.orderDate(), Outcome.REJECT, Optional.empty(),
                List.of(reason), decision.ruleSetName(), decision.ruleSetVersion(), decision.ruleSetHash(), at, decision.checkpoint(),
                decision.shipmentId());
    }

    /** The reason a failed step adds: REJECT, so a decision that carries it is never approved. */
    public static Reason engineErrorReason(String what, Throwable error) {
        return new Reason(ENGINE_ERROR, what + ", so the order is refused: " + error.getClass().getSimpleName() + ": "
                + error.getMessage(), "(engine)", Outcome.REJECT, Optional.empty(), Map.of("error", error.getClass().getName()));
    }
}
