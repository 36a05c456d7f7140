package dev.creditcontrol.rules;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.OrderRequest;

/**
 * Told of every decision, after it is made and before it is returned: the place for an audit
 * trail, metrics or logging. Called on the caller's thread; must be thread-safe. An exception it
 * throws is logged and does not change the decision.
 */
@FunctionalInterface
public interface DecisionListener {
    /** One decision, with the input it was made on (enough to replay it). */
    void onDecision(OrderRequest order, CustomerSnapshot snapshot, CreditDecision decision);
}
