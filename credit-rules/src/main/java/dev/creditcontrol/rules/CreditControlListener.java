package dev.creditcontrol.rules;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.model.CreditRequest;
import dev.creditcontrol.model.CustomerSnapshot;

import java.util.List;
import java.util.function.Consumer;

/**
 * What an engine publishes: every decision with its request, every assessment, every reload and
 * failed reload. Audit trails, metrics and logging subscribe with
 * {@link CreditControl.Builder#listener(CreditControlListener)}; override only the events you need.
 *
 * <p>Called on the thread that caused the event (a check, an assessment, a reload), after the
 * result is final and before it is returned. A listener that throws is logged and ignored: it
 * never changes a decision. Implementations must be thread-safe and quick.
 */
public interface CreditControlListener {

    /**
     * A check was decided (at any checkpoint, failed-closed decisions included).
     *
     * @param request  the order (or shipment) checked; {@code decision.checkpoint()} says which
     * @param snapshot the customer's position it was judged on
     * @param decision the decision returned to the caller
     */
    default void decided(CreditRequest request, CustomerSnapshot snapshot, CreditDecision decision) {}

    /** A customer was assessed. */
    default void assessed(CustomerSnapshot snapshot, CreditAssessment assessment) {}

    /** A reload succeeded; {@code serving} are the versions now in use. */
    default void reloaded(List<RuleSetInfo> serving) {}

    /** A reload failed; the previous versions keep serving. */
    default void reloadFailed(RuleSetException error) {}

    /** A listener that hands every decision to {@code sink} and ignores the other events. */
    static CreditControlListener decisions(Consumer<CreditDecision> sink) {
        if (sink == null) throw new IllegalArgumentException("sink is required but was null");
        return new CreditControlListener() {
            @Override
            public void decided(CreditRequest request, CustomerSnapshot snapshot, CreditDecision decision) {
                sink.accept(decision);
            }
        };
    }
}
