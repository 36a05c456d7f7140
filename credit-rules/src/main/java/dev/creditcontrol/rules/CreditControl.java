package dev.creditcontrol.rules;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.facts.AssessmentFacts;
import dev.creditcontrol.decision.AgingBucket;
import dev.creditcontrol.decision.CollectionAction;
import dev.creditcontrol.decision.ReceivablesReview;
import dev.creditcontrol.facts.CollectionPolicy;
import dev.creditcontrol.facts.Converter;
import dev.creditcontrol.facts.ReceivablesFacts;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.facts.CreditFacts;
import dev.creditcontrol.journal.DecisionJournal;
import dev.creditcontrol.journal.JournalRecord;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CreditRequest;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.ExchangeRateSource;
import dev.creditcontrol.model.ExchangeRates;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.ShipmentRequest;
import dev.creditcontrol.rules.authoring.Parameters;
import dev.creditcontrol.rules.internal.Assessments;
import dev.creditcontrol.rules.internal.CompiledRuleSet;
import dev.creditcontrol.rules.internal.Decisions;
import dev.creditcontrol.rules.internal.FolderWatcher;
import dev.creditcontrol.rules.internal.Limits;
import dev.creditcontrol.rules.internal.RuleSetCompiler;
import dev.creditcontrol.rules.internal.RuleSetSource;
import dev.creditcontrol.rules.internal.RuleSets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The credit-control engine a host ERP calls before it accepts an order or ships goods.
 *
 * <pre>{@code
 * CreditControl control = CreditControl.withDefaultRules();      // once, at start-up
 * CreditDecision d = control.checkOrder(order, snapshot);         // per order, any thread
 * switch (d.outcome()) { case APPROVE -> release(); case ESCALATE -> hold(d.requiredApproval()); ... }
 * }</pre>
 *
 * <p><b>Thread safety:</b> an instance is immutable once built (a reload swaps whole rule sets
 * atomically) and {@link #checkOrder} may be called from any number of threads at once. Build it once: building compiles the rule set
 * (about a second in a fresh JVM) and warms it up.
 *
 * <p><b>Failure:</b> invalid input throws {@link IllegalArgumentException} naming the field, and
 * nothing is evaluated; so does a check dated before every loaded version's effective date. If
 * evaluation itself fails (a rule throws anything, errors included, or loops), the decision fails
 * closed: outcome {@code REJECT} with reason {@code ENGINE_ERROR}, never {@code APPROVE}; so does a
 * decision the journal (if one is given) cannot record. Only a
 * {@link VirtualMachineError} other than a stack overflow (the JVM is out of memory or broken)
 * propagates to the caller.
 */
public final class CreditControl implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CreditControl.class);
    static final String DEFAULT_RULES = "dev/creditcontrol/rules/medical-device";

    private final AtomicReference<RuleSets> ruleSets;
    private final Path ruleSetDirectory;
    private final Clock clock;
    private final Limits limits;
    private final boolean verifyScenarios;
    private final List<CreditControlListener> listeners;
    private final Object reloadLock = new Object();
    /** Guards the swap of rule sets against closing; held only for the swap itself. */
    private final Object swapLock = new Object();
    private final FolderWatcher watcher;
    private volatile boolean closed;
    /** Where amounts in other currencies find their rates. */
    private final ExchangeRateSource rates;
    /** The language of reason and collection messages. */
    private final java.util.Locale locale;
    /** The engine that owns the rule sets: this one, or the one a {@link #withExchangeRates} view was made from. */
    private final CreditControl owner;
    /** Where every decision is recorded before it is returned; null without one. Owned: closed with the engine. */
    private final DecisionJournal journal;

    private CreditControl(Builder b, RuleSets ruleSets) {
        this.ruleSets = new AtomicReference<>(ruleSets);
        this.ruleSetDirectory = b.ruleSetDirectory;
        this.clock = b.clock;
        this.limits = b.limits();
        this.verifyScenarios = b.verifyScenarios;
        this.listeners = List.copyOf(b.listeners);
        this.rates = b.rates;
        this.locale = b.locale;
        this.owner = this;
        this.journal = b.journal;
        FolderWatcher w = null;
        if (b.watchQuietPeriod != null) {
            try {
                w = new FolderWatcher(ruleSetDirectory, b.watchQuietPeriod, this::reloadQuietly, b.watchExecutor);
            } catch (IOException e) {
                ruleSets.release();
                throw new CreditControlException("cannot watch " + ruleSetDirectory + " for changes", e);
            }
        }
        this.watcher = w;
    }

    /** A view of {@code owner} with other rates: shares its rule sets, reloads, listeners and closing. */
    private CreditControl(CreditControl owner, ExchangeRateSource rates) {
        this.owner = owner;
        this.ruleSets = owner.ruleSets;
        this.ruleSetDirectory = owner.ruleSetDirectory;
        this.clock = owner.clock;
        this.limits = owner.limits;
        this.verifyScenarios = owner.verifyScenarios;
        this.listeners = owner.listeners;
        this.watcher = null;
        this.rates = rates;
        this.locale = owner.locale;
        this.journal = owner.journal;
    }

    /**
     * The same engine with another source of exchange rates (a contract's fixed rates, a
     * subsidiary's rates table, a scenario's): it shares this engine's loaded rule sets, reloads,
     * listeners and limits, so making one costs nothing. Closing the view does nothing; closing
     * this engine closes it too. Thread-safe.
     */
    public CreditControl withExchangeRates(ExchangeRateSource exchangeRates) {
        if (exchangeRates == null) throw new IllegalArgumentException("exchangeRates is required but was null");
        return new CreditControl(owner, exchangeRates);
    }

    /**
     * A private engine on already loaded versions, to run their scenarios before they serve. It
     * never closes them: their holds belong to the caller.
     */
    static CreditControl verifying(RuleSets sets, Limits limits) {
        Builder b = new Builder();
        b.maxRuleFirings = limits.maxFirings();
        b.maxFactsPerCheck = limits.maxFacts();
        b.checkDeadline = limits.deadline();
        return new CreditControl(b, sets);
    }

    /** An engine with the bundled {@code medical-device} rule set and the system clock. */
    public static CreditControl withDefaultRules() {
        return builder().build();
    }

    /**
     * A text of the rule set in force today, in this engine's language: a reason code's title
     * ({@code reason.CREDIT_LIMIT_EXCEEDED}), a warning action ({@code action.REVIEW_LIMIT}), a tone
     * ({@code tone.GENTLE}), a scorecard factor ({@code factor.onTimeShare}), an approval level
     * ({@code approval.CREDIT_MANAGER}); empty when the rule set has none.
     */
    public Optional<String> text(String key) {
        if (key == null) throw new IllegalArgumentException("key is required but was null");
        CompiledRuleSet ruleSet = acquire(clock.instant().atZone(clock.getZone()).toLocalDate(), null);
        try {
            return ruleSet.messages().forLocale(locale).text(key);
        } finally {
            ruleSet.release();
        }
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
        if (order == null) throw new IllegalArgumentException("order is required but was null");
        return check(order, snapshot, null);
    }

    /**
     * Like {@link #checkOrder(OrderRequest, CustomerSnapshot)}, but on a pinned rule-set version
     * instead of the one in force on the order date (to replay an audit record, or to try a
     * version before its effective date).
     *
     * @throws IllegalArgumentException when no loaded version has that version string
     */
    public CreditDecision checkOrder(OrderRequest order, CustomerSnapshot snapshot, String ruleSetVersion) {
        if (order == null) throw new IllegalArgumentException("order is required but was null");
        if (ruleSetVersion == null) throw new IllegalArgumentException("ruleSetVersion is required but was null");
        return check(order, snapshot, ruleSetVersion);
    }

    /**
     * Decides whether goods of an accepted order may ship to this customer now. The shipment's
     * order is already in the snapshot's open orders, so it adds no exposure; exposure above the
     * limit is judged as for orders; licences are judged on the ship date; a frozen account or a
     * RED warning stops a credit shipment; the grade's largest order does not apply. Thread-safe.
     *
     * @return the decision at checkpoint {@code SHIPMENT}; never {@code APPROVE} when evaluation failed
     * @throws IllegalArgumentException naming the field when the input is invalid
     */
    public CreditDecision checkShipment(ShipmentRequest shipment, CustomerSnapshot snapshot) {
        if (shipment == null) throw new IllegalArgumentException("shipment is required but was null");
        return check(shipment, snapshot, null);
    }

    /** Like {@link #checkShipment(ShipmentRequest, CustomerSnapshot)}, on a pinned rule-set version. */
    public CreditDecision checkShipment(ShipmentRequest shipment, CustomerSnapshot snapshot, String ruleSetVersion) {
        if (shipment == null) throw new IllegalArgumentException("shipment is required but was null");
        if (ruleSetVersion == null) throw new IllegalArgumentException("ruleSetVersion is required but was null");
        return check(shipment, snapshot, ruleSetVersion);
    }

    /** The one door every checkpoint goes through: pick the version, derive, evaluate, resolve, journal, publish. */
    private CreditDecision check(CreditRequest request, CustomerSnapshot snapshot, String pinned) {
        Decided d = decide(request, snapshot, pinned, rates);
        CreditDecision decision = d.decision();
        DecisionJournal journal = owner.journal;
        if (journal != null) {
            try {
                journal.append(request, snapshot, d.ratesUsed(), decision);
            } catch (Throwable e) {
                Decisions.rethrowIfFatal(e);
                LOG.error("{} {} customer {}: the decision ({}) could not be journalled; failing closed", decision.checkpoint(),
                        request.orderId(), request.customerId(), decision.outcome(), e);
                decision = Decisions.journalFailure(request, decision, e, clock.instant());
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} customer {}: {} {} by {} {}", decision.checkpoint(), request.orderId(), request.customerId(),
                    decision.outcome(), decision.reasons().stream().map(Reason::code).toList(), decision.ruleSetName(),
                    decision.ruleSetVersion());
        }
        CreditDecision published = decision;
        publish(l -> l.decided(request, snapshot, published), request.orderId());
        return decision;
    }

    /** A decision and the exchange rates it used, keyed {@code FROM/TO/DATE}. */
    private record Decided(CreditDecision decision, Map<String, BigDecimal> ratesUsed) {}

    /** Derives and evaluates on the pinned version (or the one in force), with {@code source} for other currencies. */
    private Decided decide(CreditRequest request, CustomerSnapshot snapshot, String pinned, ExchangeRateSource source) {
        if (request == null) throw new IllegalArgumentException("request is required but was null");
        if (snapshot == null) throw new IllegalArgumentException("snapshot is required but was null");
        CompiledRuleSet ruleSet = acquire(request.checkDate(), pinned);
        try {
            // Input errors are the caller's (a missing exchange rate among them): they propagate before anything is evaluated.
            String currency = snapshot.account().currencyCode();
            Converter converter = Converter.of(source, currency, request.checkDate());
            CreditFacts facts = CreditFacts.derive(request, snapshot, ruleSet.policy().facts(), converter);
            ruleSet.requireThresholdRate(converter);
            // An ungraded account on credit is graded on its history: derived here, so its input errors propagate too.
            AssessmentFacts history = null;
            Converter atSnapshot = null;
            if (facts.order().grade() == null && facts.order().creditSale()) {
                atSnapshot = snapshot.asOf().equals(request.checkDate()) ? converter : Converter.of(source, currency, snapshot.asOf());
                history = AssessmentFacts.derive(snapshot, ruleSet.policy().facts(), atSnapshot);
                ruleSet.requireThresholdRate(atSnapshot);
            }
            CreditDecision decision = evaluate(request, facts, history, atSnapshot, ruleSet, converter);
            Map<String, BigDecimal> used = converter.ratesUsed();
            if (atSnapshot != null && atSnapshot != converter && !atSnapshot.ratesUsed().isEmpty()) {
                used = new HashMap<>(used);
                used.putAll(atSnapshot.ratesUsed());
            }
            return new Decided(decision, used);
        } finally {
            ruleSet.release();
        }
    }

    /**
     * Decides a journalled check again, on the rule-set version and with the exchange rates it was
     * decided with, and returns the new decision (same outcome, approval, reason codes and values
     * when the rule set is the one recorded; only the decision time differs). Nothing is journalled
     * and no listener is told.
     *
     * @throws IllegalStateException when the recorded version is not loaded, or is loaded with other content (another hash)
     */
    public CreditDecision replay(JournalRecord record) {
        if (record == null) throw new IllegalArgumentException("record is required but was null");
        CreditDecision recorded = record.decision();
        String version = recorded.ruleSetVersion();
        RuleSetInfo loaded = ruleSets().stream().filter(i -> i.version().equals(version)).findFirst()
                .orElseThrow(() -> new IllegalStateException("record " + record.sequence() + " was decided on rule set "
                        + recorded.ruleSetName() + " " + version + ", which is not loaded (loaded: "
                        + ruleSets().stream().map(RuleSetInfo::version).toList() + ")"));
        if (!loaded.contentHash().equals(recorded.ruleSetHash())) {
            throw new IllegalStateException("record " + record.sequence() + " was decided on rule set " + recorded.ruleSetName() + " "
                    + version + " with hash " + recorded.ruleSetHash() + ", but the version loaded has hash " + loaded.contentHash());
        }
        return decide(record.request(), record.snapshot(), version, record.rateSource()).decision();
    }

    /** Takes a hold on the version to use, retrying if a reload retired it in between. */
    private CompiledRuleSet acquire(LocalDate orderDate, String pinned) {
        for (;;) {
            if (owner.closed) throw new IllegalStateException("this CreditControl has been closed");
            RuleSets sets = ruleSets.get();
            CompiledRuleSet candidate = pinned == null ? sets.forDate(orderDate) : sets.version(pinned).orElseThrow(() ->
                    new IllegalArgumentException("ruleSetVersion '" + pinned + "' is not loaded; loaded: "
                            + sets.versions().stream().map(r -> r.info().version()).toList()));
            if (candidate.acquire()) return candidate;
        }
    }

    private CreditDecision evaluate(CreditRequest request, CreditFacts facts, AssessmentFacts history, Converter atSnapshot,
                                    CompiledRuleSet ruleSet, Converter converter) {
        try {
            List<Reason> gradeFailure = List.of();
            if (history != null) {
                // An ungraded account is judged on the grade its history earns today: the scorecard
                // rules alone run (no early-warning rule). If they fail, the order rules still run, so
                // a FREEZE stays a FREEZE, and the failure is a REJECT finding: never an approval without a grade.
                try {
                    facts = facts.withGrade(assessedGrade(ruleSet, history, atSnapshot));
                } catch (Throwable e) {
                    Decisions.rethrowIfFatal(e);
                    LOG.error("Grading customer {} for order {} failed on rule set {} {}; the order cannot be approved",
                            request.customerId(), request.orderId(), ruleSet.info().name(), ruleSet.info().version(), e);
                    gradeFailure = List.of(Decisions.engineErrorReason("The customer's grade could not be assessed", e));
                }
            }
            List<Reason> reasons = ruleSet.evaluate(facts, limits, converter, locale);
            if (!gradeFailure.isEmpty()) {
                reasons = new ArrayList<>(reasons);
                reasons.addAll(gradeFailure);
            }
            return Decisions.resolve(request, ruleSet.info(), reasons, clock.instant(), ruleSet.messages().forLocale(locale));
        } catch (Throwable e) {
            Decisions.rethrowIfFatal(e);
            LOG.error("Credit check of {} {} failed on rule set {} {}; failing closed", Decisions.checkpoint(request),
                    request.orderId(), ruleSet.info().name(), ruleSet.info().version(), e);
            return Decisions.engineError(request, ruleSet.info(), e, clock.instant());
        }
    }

    private CreditGrade assessedGrade(CompiledRuleSet ruleSet, AssessmentFacts facts, Converter converter) {
        return Assessments.build(facts, ruleSet.score(facts, limits, converter), ruleSet.parameters().forCheck(converter), Optional.empty(),
                ruleSet.info(), clock.instant()).grade();
    }

    private void publish(Consumer<CreditControlListener> event, Object subject) {
        for (CreditControlListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Listener {} failed on {}", listener, subject, e);
            }
        }
    }

    /**
     * Assesses a customer on its snapshot date: score, grade, early-warning level and the
     * grade's recommended limit, terms and payment method, with every factor's points. Uses the
     * rule-set version in force on the snapshot date. Thread-safe.
     *
     * @throws IllegalArgumentException when the snapshot is null
     * @throws CreditControlException   when the rule set cannot assess (no scorecard, a failing rule)
     */
    public CreditAssessment assess(CustomerSnapshot snapshot) {
        return assess(snapshot, Optional.empty());
    }

    /**
     * Like {@link #assess(CustomerSnapshot)}, given the previous assessment: the warning level
     * rises at most one step per review unless a severe warning fires.
     */
    public CreditAssessment assess(CustomerSnapshot snapshot, Optional<CreditAssessment> previous) {
        return assessOn(snapshot, previous, null);
    }

    /** Like {@link #assess(CustomerSnapshot, Optional)}, on a pinned rule-set version. */
    public CreditAssessment assess(CustomerSnapshot snapshot, Optional<CreditAssessment> previous, String ruleSetVersion) {
        if (ruleSetVersion == null) throw new IllegalArgumentException("ruleSetVersion is required but was null");
        return assessOn(snapshot, previous, ruleSetVersion);
    }

    /** Assesses on the pinned version, or on the one in force on the snapshot date when {@code pinned} is null. */
    private CreditAssessment assessOn(CustomerSnapshot snapshot, Optional<CreditAssessment> previous, String pinned) {
        if (snapshot == null) throw new IllegalArgumentException("snapshot is required but was null");
        if (previous == null) throw new IllegalArgumentException("previous is required but was null (use Optional.empty())");
        CompiledRuleSet ruleSet = acquire(snapshot.asOf(), pinned);
        CreditAssessment assessment;
        try {
            assessment = assess(ruleSet, snapshot, previous);
        } finally {
            ruleSet.release();
        }
        publish(l -> l.assessed(snapshot, assessment), snapshot.customer().id());
        return assessment;
    }

    private CreditAssessment assess(CompiledRuleSet ruleSet, CustomerSnapshot snapshot, Optional<CreditAssessment> previous) {
        Converter converter = Converter.of(rates, snapshot.account().currencyCode(), snapshot.asOf());
        AssessmentFacts facts = AssessmentFacts.derive(snapshot, ruleSet.policy().facts(), converter);
        ruleSet.requireThresholdRate(converter);
        try {
            Parameters checkParameters = ruleSet.parameters().forCheck(converter);
            return Assessments.build(facts, ruleSet.assess(facts, limits, converter, locale,
                            factors -> Assessments.standing(facts, factors, checkParameters, previous)),
                    checkParameters, previous, ruleSet.info(), clock.instant());
        } catch (RuntimeException e) {
            throw new CreditControlException("assessment of customer " + snapshot.customer().id() + " failed on rule set "
                    + ruleSet.info().name() + " " + ruleSet.info().version() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reviews a customer's receivables as of the snapshot date with the rule-set version in force
     * then: aging by days past due (every band of the rule set listed), a reminder before due or a
     * dunning notice for each open invoice that calls for one (level and tone by the rule set's
     * collection rules and the account's grade), the dunning level (the highest of any open
     * invoice) and the bad-debt provision. Amounts are in the account's currency. Thread-safe.
     *
     * @throws IllegalArgumentException naming the field when the input is invalid (an amount in a
     *                                  currency without a rate on the snapshot date, among others)
     * @throws CreditControlException   when the rule set does not review receivables or a collection rule fails
     */
    public ReceivablesReview reviewReceivables(CustomerSnapshot snapshot) {
        if (snapshot == null) throw new IllegalArgumentException("snapshot is required but was null");
        CompiledRuleSet ruleSet = acquire(snapshot.asOf(), null);
        try {
            CollectionPolicy policy = ruleSet.policy().collection().orElseThrow(() -> new CreditControlException("rule set "
                    + ruleSet.info().name() + " " + ruleSet.info().version() + " does not review receivables (no aging.bucketDays,"
                    + " dunning.levelDays, provision.rates)"));
            Converter converter = Converter.of(rates, snapshot.account().currencyCode(), snapshot.asOf());
            ReceivablesFacts facts = ReceivablesFacts.derive(snapshot, policy, converter);
            ruleSet.requireThresholdRate(converter);
            List<CompiledRuleSet.Notice> notices;
            try {
                notices = ruleSet.review(facts.items(), limits, converter, locale);
            } catch (RuntimeException e) {
                throw new CreditControlException("receivables review of customer " + snapshot.customer().id() + " failed on rule set "
                        + ruleSet.info().name() + " " + ruleSet.info().version() + ": " + e.getMessage(), e);
            }
            List<AgingBucket> aging = new ArrayList<>(facts.labels().size());
            Money provision = Money.zero(snapshot.account().currencyCode());
            for (int i = 0; i < facts.labels().size(); i++) {
                aging.add(new AgingBucket(facts.labels().get(i), facts.amounts().get(i), facts.invoices().get(i), facts.provisions().get(i)));
                provision = provision.plus(facts.provisions().get(i));
            }
            List<CollectionAction> actions = new ArrayList<>(notices.size());
            for (CompiledRuleSet.Notice n : notices) {
                actions.add(new CollectionAction(n.item().invoiceId(), n.item().level(), n.tone(), n.message(), n.item().amount(),
                        n.item().due(), n.rule()));
            }
            int level = facts.items().stream().mapToInt(dev.creditcontrol.facts.CollectionItem::level).max().orElse(0);
            return new ReceivablesReview(snapshot.customer().id(), snapshot.customer().type(), snapshot.account().grade(),
                    snapshot.asOf(), aging, actions, provision, level, ruleSet.info().name(), ruleSet.info().version());
        } finally {
            ruleSet.release();
        }
    }

    /**
     * Whether an event calls for assessing the customer again, by the policy of the rule set in
     * force on the last assessment's date: always when there is no previous assessment; never for
     * an event kind outside {@code reassess.on}; for a large order, when it is larger than
     * {@code reassess.largeOrderShare} of the last recommended limit.
     */
    public boolean needsReassessment(CreditEvent event, Optional<CreditAssessment> last) {
        if (event == null) throw new IllegalArgumentException("event is required but was null");
        if (last == null) throw new IllegalArgumentException("last is required but was null (use Optional.empty())");
        if (last.isEmpty()) return true;
        CompiledRuleSet ruleSet = acquire(last.get().asOf(), null);
        try {
            if (!ruleSet.policy().reassessOn().contains(event.kind())) return false;
            if (event.kind() != CreditEvent.Kind.LARGE_ORDER) return true;
            BigDecimal share = ruleSet.parameters().decimal("reassess.largeOrderShare");
            BigDecimal threshold = last.get().recommendedLimit().amount().multiply(share);
            return event.amount().orElseThrow().amount().compareTo(threshold) > 0;
        } finally {
            ruleSet.release();
        }
    }

    /** The customers among {@code events} that need a new assessment, given their last assessments by customer id. */
    public Set<String> customersToReassess(Collection<CreditEvent> events,
                                                     Map<String, CreditAssessment> lastAssessments) {
        Set<String> ids = new TreeSet<>();
        for (CreditEvent e : events) {
            if (needsReassessment(e, Optional.ofNullable(lastAssessments.get(e.customerId())))) ids.add(e.customerId());
        }
        return ids;
    }

    /**
     * Loads the rule folder again and, if every version in it compiles, swaps the new versions in
     * atomically. Checks already running finish on the version they started with; retired
     * versions release their memory when the last of those finishes. Unchanged versions (same
     * content hash) are kept, not recompiled. Reloads are serialised.
     *
     * @return the versions now serving
     * @throws RuleSetException with every problem; the previous versions keep serving
     */
    public List<RuleSetInfo> reload() {
        return owner.reload(false);
    }

    /** With {@code requirePublished} (the watcher), only completely published versions are taken. */
    private List<RuleSetInfo> reload(boolean requirePublished) {
        synchronized (reloadLock) {
            if (closed) throw new IllegalStateException("this CreditControl has been closed");
            RuleSets fresh;
            try {
                ClassLoader loader = CreditControl.class.getClassLoader();
                if (ruleSetDirectory == null) {
                    fresh = defaultRuleSets(loader, limits);
                } else {
                    Map<String, CompiledRuleSet> reusable = new HashMap<>();
                    ruleSets.get().versions().forEach(r -> reusable.put(r.info().contentHash(), r));
                    fresh = RuleSets.load(ruleSetDirectory, loader, reusable, limits, requirePublished);
                }
            } catch (RuleSetException e) {
                LOG.error("Reload of {} failed; the previous rule sets keep serving: {}", ruleSetDirectory, e.getMessage());
                publish(l -> l.reloadFailed(e), "reload");
                throw e;
            }
            if (verifyScenarios) {
                Set<String> serving = new java.util.HashSet<>();
                ruleSets.get().versions().forEach(r -> serving.add(r.info().contentHash()));
                try {
                    ScenarioGate.verify(fresh, limits, serving);
                } catch (RuleSetException e) {
                    fresh.release();
                    LOG.error("Reload of {} failed; the previous rule sets keep serving: {}", ruleSetDirectory, e.getMessage());
                    publish(l -> l.reloadFailed(e), "reload");
                    throw e;
                }
            }
            synchronized (swapLock) {
                if (closed) {
                    fresh.release();
                    throw new IllegalStateException("this CreditControl was closed during the reload");
                }
                ruleSets.getAndSet(fresh).release();
            }
            List<RuleSetInfo> serving = ruleSets();
            LOG.info("Rule sets reloaded from {}: {}", ruleSetDirectory == null ? "the class path" : ruleSetDirectory,
                    serving.stream().map(i -> i.name() + " " + i.version()).toList());
            publish(l -> l.reloaded(serving), "reload");
            return serving;
        }
    }

    private void reloadQuietly() {
        try {
            reload(true);
        } catch (RuleSetException e) {
            // already logged and reported to the reload listeners
        }
    }

    /**
     * Stops the directory watcher, if any, and releases the rule sets once running checks finish.
     * Checks started after closing fail with {@link IllegalStateException}.
     */
    @Override
    public void close() {
        if (owner != this) return; // a view: its owner closes
        if (watcher != null) watcher.close();
        if (journal != null) journal.close();
        // Not the reload lock: a reload still compiling or warming up must not hold up closing.
        synchronized (swapLock) {
            if (closed) return;
            closed = true;
            ruleSets.get().release();
        }
    }

    /** The loaded rule-set versions, oldest effective date first. */
    public List<RuleSetInfo> ruleSets() {
        return ruleSets.get().versions().stream().map(CompiledRuleSet::info).toList();
    }

    /**
     * Checks rules without loading them for use: a rule-set folder, or a folder of versions (one
     * sub-folder each; files are then named relative to {@code ruleSetFolder}). Every error and
     * warning, each with file, line and column. An empty list, or one with only warnings, means
     * it would load.
     */
    public static List<RuleSetProblem> validate(Path ruleSetFolder) {
        if (ruleSetFolder == null) throw new IllegalArgumentException("ruleSetFolder is required but was null");
        return RuleSets.validate(ruleSetFolder, CreditControl.class.getClassLoader());
    }

    /**
     * Marks a rule-set folder (or each version in a folder of versions) as completely deployed:
     * validates it and writes a {@code PUBLISHED} file naming its content hash. A watched folder
     * ({@link Builder#watchRuleSetDirectory}) serves a version only once this marker matches its
     * content, so a deployment copied file by file never serves half-copied: copy every file,
     * then publish (or copy into a new folder and rename it into place).
     *
     * @return the content hash of each version published, by folder
     * @throws RuleSetException listing every problem when a version has errors; nothing is written
     */
    public static Map<Path, String> publish(Path ruleSetFolder) {
        if (ruleSetFolder == null) throw new IllegalArgumentException("ruleSetFolder is required but was null");
        List<RuleSetProblem> errors = validate(ruleSetFolder).stream()
                .filter(p -> p.severity() == RuleSetProblem.Severity.ERROR && !p.file().endsWith(RuleSetSource.PUBLISHED)).toList();
        if (!errors.isEmpty()) throw new RuleSetException("rule sets in " + ruleSetFolder + " have errors and were not published", errors);
        Map<Path, String> published = new java.util.LinkedHashMap<>();
        for (Path folder : RuleSets.folders(ruleSetFolder)) {
            String hash = RuleSetSource.read(folder).contentHash();
            try {
                Files.writeString(folder.resolve(RuleSetSource.PUBLISHED), "sha256=" + hash + "\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + folder.resolve(RuleSetSource.PUBLISHED), e);
            }
            published.put(folder, hash);
        }
        return published;
    }

    /**
     * Writes the bundled {@code medical-device} rule set (rules, parameters, manifest, README and
     * scenario tables) into {@code folder}, as the starting point of an analyst's own.
     *
     * @throws java.io.UncheckedIOException when the folder cannot be written
     */
    public static void writeDefaultRules(Path folder) {
        if (folder == null) throw new IllegalArgumentException("folder is required but was null");
        RuleSetSource.copyClasspath(CreditControl.class.getClassLoader(), DEFAULT_RULES, folder);
    }

    private static RuleSets defaultRuleSets(ClassLoader loader, Limits limits) {
        return new RuleSets(List.of(RuleSetCompiler.compile(RuleSetSource.readClasspath(loader, DEFAULT_RULES), loader, limits)));
    }

    /** Configures a {@link CreditControl}. Not thread-safe; validates each setting as it is given. */
    public static final class Builder {
        private Path ruleSetDirectory;
        private Clock clock = Clock.systemDefaultZone();
        private int maxRuleFirings = Limits.DEFAULT.maxFirings();
        private int maxFactsPerCheck = Limits.DEFAULT.maxFacts();
        private Duration checkDeadline = Limits.DEFAULT.deadline();
        private final List<CreditControlListener> listeners = new ArrayList<>();
        private Duration watchQuietPeriod;
        private Executor watchExecutor = FolderWatcher.defaultExecutor();
        private boolean verifyScenarios = true;
        private ExchangeRateSource rates = ExchangeRates.none();
        private DecisionJournal journal;
        private java.util.Locale locale = java.util.Locale.ENGLISH;

        private Builder() {}

        /**
         * The language of reason, warning and collection messages (default English, whatever the
         * JVM's default locale). Texts come from the rule set's message bundles
         * ({@code messages.properties}, {@code messages_zh_CN.properties}): by exact locale, then
         * language, then the base bundle. The bundled rule set speaks English and Chinese
         * ({@code Locale.SIMPLIFIED_CHINESE}). Amounts read {@code 1,200,000.00 CNY} and dates
         * {@code 2026-06-15} in every language.
         */
        public Builder locale(java.util.Locale locale) {
            if (locale == null) throw new IllegalArgumentException("locale is required but was null");
            this.locale = locale;
            return this;
        }

        /**
         * Records every decision in {@code journal} before returning it: the full input, the
         * decision, the rule-set version and hash and the exchange rates used, hash-chained (see
         * {@link DecisionJournal}). The engine owns the journal and closes it when it closes.
         *
         * <p>If the journal cannot record a decision (disk full, directory read-only, database
         * down, a failed fsync), the caller does not get that decision: {@code checkOrder} and
         * {@code checkShipment} return instead a {@code REJECT} with reason {@code ENGINE_ERROR}
         * whose message says the decision could not be journalled (and what it would have been),
         * logged at ERROR. That refusal is not in the journal. Nothing is ever approved unrecorded.
         */
        public Builder journal(DecisionJournal journal) {
            if (journal == null) throw new IllegalArgumentException("journal is required but was null");
            this.journal = journal;
            return this;
        }

        /**
         * Where the engine finds the rate for an amount in another currency than the account's
         * (default: none, so every amount must be in the account's currency). Each amount of a check
         * (lines, receivables, open orders, bills, securities, group figures) and each of the rule
         * set's money thresholds (in the rule set's currency) is converted into the account's
         * currency at the rate in force on the check date; an assessment uses the snapshot date.
         * Conversion is exact, rounded once, half-up, to the account currency's minor unit. A missing
         * rate makes the check throw an {@link IllegalArgumentException} naming both currencies and
         * the date, and nothing is evaluated. See also {@link CreditControl#withExchangeRates}.
         */
        public Builder exchangeRates(ExchangeRateSource exchangeRates) {
            if (exchangeRates == null) throw new IllegalArgumentException("exchangeRates is required but was null");
            this.rates = exchangeRates;
            return this;
        }

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

        /**
         * How many facts the rules of one check may insert before it is
         * treated as a runaway rule and fails closed (default 10,000), long before the heap is at risk.
         */
        public Builder maxFactsPerCheck(int max) {
            if (max < 1) throw new IllegalArgumentException("maxFactsPerCheck must be at least 1: " + max);
            this.maxFactsPerCheck = max;
            return this;
        }

        /**
         * How long the rules of one check (or one assessment) may run (default 2 s; a check takes
         * microseconds). Past it the rule run is stopped and the caller gets, on time, a decision
         * that fails closed ({@code REJECT}, {@code ENGINE_ERROR}), logged at ERROR; an assessment
         * throws {@link CreditControlException}. Stopping a rule that spins in its consequence
         * needs {@code Thread.stop}, which the JVM honours up to Java 19; on later JVMs such a rule
         * is only reported and the caller waits. Loading a rule set warms it up with ten times this
         * deadline per evaluation (a cold JVM is slow), and refuses it if a warm-up evaluation overruns.
         */
        public Builder checkDeadline(Duration deadline) {
            if (deadline == null || deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("checkDeadline must be positive: " + deadline);
            }
            this.checkDeadline = deadline;
            return this;
        }

        /**
         * Whether loading and reloading run each version's own scenario tables
         * ({@code scenarios/*.csv}) and refuse a version with a failing row (default true). The
         * analyst tooling turns it off to report every row itself.
         */
        public Builder verifyScenarios(boolean verify) {
            this.verifyScenarios = verify;
            return this;
        }

        private Limits limits() {
            return new Limits(maxRuleFirings, maxFactsPerCheck, checkDeadline);
        }

        /** Adds a listener told of every decision, assessment, reload and failed reload (audit, metrics). */
        public Builder listener(CreditControlListener listener) {
            if (listener == null) throw new IllegalArgumentException("listener is required but was null");
            listeners.add(listener);
            return this;
        }

        /**
         * Watches the rule folder and reloads once it has been quiet for {@code quietPeriod} after
         * a change. A failed reload keeps the previous versions serving and is logged and reported
         * to the reload listeners. Needs {@link #ruleSetDirectory(Path)}; stop it with {@link CreditControl#close()}.
         */
        public Builder watchRuleSetDirectory(Duration quietPeriod) {
            if (quietPeriod == null || quietPeriod.isNegative() || quietPeriod.isZero()) {
                throw new IllegalArgumentException("watchRuleSetDirectory quietPeriod must be positive: " + quietPeriod);
            }
            this.watchQuietPeriod = quietPeriod;
            return this;
        }

        /**
         * Like {@link #watchRuleSetDirectory(Duration)}, with the watch loop run as one long task on
         * {@code executor} (it holds one of its threads until {@link CreditControl#close()}).
         * Without it, the watcher runs on a daemon thread of its own.
         */
        public Builder watchRuleSetDirectory(Duration quietPeriod, Executor executor) {
            if (executor == null) throw new IllegalArgumentException("watchRuleSetDirectory executor is required but was null");
            watchRuleSetDirectory(quietPeriod);
            this.watchExecutor = executor;
            return this;
        }

        /**
         * Loads, compiles and warms the rule set.
         *
         * @throws RuleSetException with every problem when the rule set cannot be loaded
         */
        public CreditControl build() {
            if (watchQuietPeriod != null && ruleSetDirectory == null) {
                throw new IllegalArgumentException("watchRuleSetDirectory needs a ruleSetDirectory to watch");
            }
            ClassLoader loader = CreditControl.class.getClassLoader();
            RuleSets sets = ruleSetDirectory == null ? defaultRuleSets(loader, limits())
                    : RuleSets.load(ruleSetDirectory, loader, Map.of(), limits());
            if (verifyScenarios) {
                try {
                    ScenarioGate.verify(sets, limits(), Set.of());
                } catch (RuntimeException e) {
                    sets.release();
                    throw e;
                }
            }
            return new CreditControl(this, sets);
        }
    }
}
