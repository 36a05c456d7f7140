package dev.creditcontrol.rules.internal;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.decision.Checkpoint;
import dev.creditcontrol.model.CreditRequest;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.rules.RuleSetInfo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves findings into a decision: the most severe outcome wins, every finding is kept. */
public final class Decisions {
    public static final String ENGINE_ERROR = "ENGINE_ERROR";

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
        throw new IllegalArgumentException("unknown request type " + request.getClass().getName());
    }

    public static CreditDecision resolve(CreditRequest request, RuleSetInfo ruleSet, List<Reason> reasons, Instant at) {
        Outcome outcome = Outcome.APPROVE;
        for (Reason r : reasons) if (r.outcome().isMoreSevereThan(outcome)) outcome = r.outcome();
        Optional<ApprovalLevel> approval = Optional.empty();
        if (outcome == Outcome.ESCALATE) {
            for (Reason r : reasons) {
                if (r.outcome() == Outcome.ESCALATE && r.requiredApproval().isPresent()
                        && (approval.isEmpty() || r.requiredApproval().get().compareTo(approval.get()) > 0)) {
                    approval = r.requiredApproval();
                }
            }
        }
        return new CreditDecision(request.orderId(), request.customerId(), request.checkDate(), outcome, approval, reasons,
                ruleSet.name(), ruleSet.version(), ruleSet.contentHash(), at, checkpoint(request), Optional.empty());
    }

    /** The fail-closed decision when evaluation itself failed: the order is refused, never approved. */
    public static CreditDecision engineError(CreditRequest request, RuleSetInfo ruleSet, Throwable error, Instant at) {
        return resolve(request, ruleSet, List.of(engineErrorReason("The credit check could not be completed", error)), at);
    }

    /** The reason a failed step adds: REJECT, so a decision that carries it is never approved. */
    public static Reason engineErrorReason(String what, Throwable error) {
        return new Reason(ENGINE_ERROR, what + ", so the order is refused: " + error.getClass().getSimpleName() + ": "
                + error.getMessage(), "(engine)", Outcome.REJECT, Optional.empty(), Map.of("error", error.getClass().getName()));
    }
}
