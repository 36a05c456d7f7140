package dev.creditcontrol.rules.internal;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.decision.Reason;
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

    public static CreditDecision resolve(OrderRequest order, RuleSetInfo ruleSet, List<Reason> reasons, Instant at) {
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
        return new CreditDecision(order.orderId(), order.customerId(), order.orderDate(), outcome, approval, reasons,
                ruleSet.name(), ruleSet.version(), ruleSet.contentHash(), at);
    }

    /** The fail-closed decision when evaluation itself failed: the order is refused, never approved. */
    public static CreditDecision engineError(OrderRequest order, RuleSetInfo ruleSet, Throwable error, Instant at) {
        Reason reason = new Reason(ENGINE_ERROR, "The credit check could not be completed, so the order is refused: "
                + error.getClass().getSimpleName() + ": " + error.getMessage(), "(engine)", Outcome.REJECT,
                Optional.empty(), Map.of("error", error.getClass().getName()));
        return resolve(order, ruleSet, List.of(reason), at);
    }
}
