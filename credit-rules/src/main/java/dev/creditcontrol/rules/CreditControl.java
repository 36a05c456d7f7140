package dev.creditcontrol.rules;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.facts.CreditFacts;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.rules.internal.CompiledRuleSet;
import dev.creditcontrol.rules.internal.Decisions;
import dev.creditcontrol.rules.internal.RuleSetCompiler;
import dev.creditcontrol.rules.internal.RuleSetSource;
import dev.creditcontrol.rules.internal.RuleSets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The credit-control engine a host ERP calls before it accepts an order or ships goods.
 *
 * <pre>{@code
 * CreditControl control = CreditControl.withDefaultRules();      // once, at start-up
 * CreditDecision d = control.checkOrder(order, snapshot);         // per order, any thread
 * switch (d.outcome()) { case APPROVE -> release(); case ESCALATE -> hold(d.requiredApproval()); ... }
 * }</pre>
 *
 * <p><b>Thread safety:</b> an instance is immutable once built and {@link #checkOrder} may be
 * called from any number of threads at once. Build it once: building compiles the rule set
 * (about a second in a fresh JVM) and warms it up.
 *
 * <p><b>Failure:</b> invalid input throws {@link IllegalArgumentException} naming the field, and
 * nothing is evaluated. If evaluation itself fails, the decision fails closed: outcome
 * {@code REJECT} with reason {@code ENGINE_ERROR}, never {@code APPROVE}.
 */
public final class CreditControl {
    private static final Logger LOG = LoggerFactory.getLogger(CreditControl.class);
    static final String DEFAULT_RULES = "dev/creditcontrol/rules/medical-device";

    private final RuleSets ruleSets;
    private final Clock clock;
    private final int maxRuleFirings;
    private final List<DecisionListener> listeners;

    private CreditControl(Builder b, RuleSets ruleSets) {
        this.ruleSets = ruleSets;
        this.clock = b.clock;
        this.maxRuleFirings = b.maxRuleFirings;
        this.listeners = List.copyOf(b.listeners);
    }

    /** An engine with the bundled {@code medical-device} rule set and the system clock. */
    public static CreditControl withDefaultRules() {
        return builder().build();
    }

    /** Starts configuring an engine. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides whether the order may go ahead for this customer now, and why.
     *
     * @param order    the order about to be accepted or shipped
     * @param snapshot the customer's credit position; its customer must be the order's customer
     * @return the decision; never {@code null}, never {@code APPROVE} when evaluation failed
     * @throws IllegalArgumentException naming the field when the input is invalid
     */
    public CreditDecision checkOrder(OrderRequest order, CustomerSnapshot snapshot) {
        CreditFacts facts = CreditFacts.derive(order, snapshot);
        CompiledRuleSet ruleSet = ruleSets.forDate(order.orderDate());
        CreditDecision decision;
        try {
            List<Reason> reasons = ruleSet.evaluate(facts, maxRuleFirings);
            decision = Decisions.resolve(order, ruleSet.info(), reasons, clock.instant());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Credit check of order {} failed on rule set {} {}; failing closed",
                    order.orderId(), ruleSet.info().name(), ruleSet.info().version(), e);
            decision = Decisions.engineError(order, ruleSet.info(), e, clock.instant());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Order {} customer {}: {} {} by {} {}", order.orderId(), order.customerId(), decision.outcome(),
                    decision.reasons().stream().map(Reason::code).toList(), decision.ruleSetName(), decision.ruleSetVersion());
        }
        for (DecisionListener listener : listeners) {
            try {
                listener.onDecision(order, snapshot, decision);
            } catch (RuntimeException e) {
                LOG.warn("Decision listener {} failed on order {}", listener, order.orderId(), e);
            }
        }
        return decision;
    }

    /** The loaded rule-set versions, oldest effective date first. */
    public List<RuleSetInfo> ruleSets() {
        return ruleSets.versions().stream().map(CompiledRuleSet::info).toList();
    }

    /**
     * Checks a rule-set folder without loading it for use: every error and warning, each with
     * file, line and column. An empty list, or one with only warnings, means it would load.
     */
    public static List<RuleSetProblem> validate(Path ruleSetFolder) {
        Objects.requireNonNull(ruleSetFolder, "ruleSetFolder");
        return RuleSetCompiler.validate(RuleSetSource.read(ruleSetFolder), CreditControl.class.getClassLoader());
    }

    /** Configures a {@link CreditControl}. Not thread-safe; validates each setting as it is given. */
    public static final class Builder {
        private Path ruleSetDirectory;
        private Clock clock = Clock.systemDefaultZone();
        private int maxRuleFirings = 10_000;
        private final List<DecisionListener> listeners = new ArrayList<>();

        private Builder() {}

        /**
         * Loads rules from a folder instead of the bundled set: a rule-set folder (with
         * {@code ruleset.properties}) or a folder of such folders, one per version.
         */
        public Builder ruleSetDirectory(Path directory) {
            if (directory == null) throw new IllegalArgumentException("ruleSetDirectory is required but was null");
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("ruleSetDirectory is not a readable folder: " + directory.toAbsolutePath());
            }
            this.ruleSetDirectory = directory;
            return this;
        }

        /** The clock that stamps decisions (default: system clock). Rules never read the clock. */
        public Builder clock(Clock clock) {
            if (clock == null) throw new IllegalArgumentException("clock is required but was null");
            this.clock = clock;
            return this;
        }

        /** How many rule firings one check may take before it is treated as a loop and fails closed (default 10,000). */
        public Builder maxRuleFirings(int max) {
            if (max < 1) throw new IllegalArgumentException("maxRuleFirings must be at least 1: " + max);
            this.maxRuleFirings = max;
            return this;
        }

        /** Adds a listener told of every decision (audit, metrics). */
        public Builder listener(DecisionListener listener) {
            if (listener == null) throw new IllegalArgumentException("listener is required but was null");
            listeners.add(listener);
            return this;
        }

        /**
         * Loads, compiles and warms the rule set.
         *
         * @throws RuleSetException with every problem when the rule set cannot be loaded
         */
        public CreditControl build() {
            ClassLoader loader = CreditControl.class.getClassLoader();
            RuleSets sets = ruleSetDirectory == null
                    ? new RuleSets(List.of(RuleSetCompiler.compile(RuleSetSource.readClasspath(loader, DEFAULT_RULES), loader)))
                    : RuleSets.load(ruleSetDirectory, loader);
            return new CreditControl(this, sets);
        }
    }
}
