package dev.creditcontrol.rules.internal;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.decision.FactorScore;
import dev.creditcontrol.decision.WarningAction;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.facts.AssessmentFacts;
import dev.creditcontrol.decision.Tone;
import dev.creditcontrol.facts.CollectionItem;
import dev.creditcontrol.facts.Converter;
import dev.creditcontrol.rules.authoring.Notices;
import dev.creditcontrol.facts.CreditFacts;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.rules.authoring.ScoreSheet;
import dev.creditcontrol.rules.RuleSetInfo;
import dev.creditcontrol.rules.authoring.Findings;
import dev.creditcontrol.rules.authoring.Parameters;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loaded rule-set version: an immutable KieBase plus its parameters. Thread-safe: each
 * evaluation runs in its own session.
 */
public final class CompiledRuleSet {
    /** The name rules declare the rule set's parameters under: {@code global Parameters params}. */
    public static final String PARAMETERS_GLOBAL = "params";
    /**
     * The names rules record findings under: {@code global Findings findings} (order rules) and
     * {@code global ScoreSheet sheet} (assessment rules). A rule may instead bind the collector as a
     * pattern ({@code $f : Findings()}), but then every check pays that rule a join, group or no group.
     */
    public static final String FINDINGS_GLOBAL = "findings";
    public static final String SHEET_GLOBAL = "sheet";
    public static final String NOTICES_GLOBAL = "notices";
    private final RuleSetInfo info;
    private final Parameters parameters;
    private final RuleSetPolicy policy;
    private final KieContainer container;
    private final KieBase kieBase;
    /** Reused sessions: creating one per check contends on the KieBase's session registry. */
    private final KieSessionsPool sessions;
    /**
     * Who still needs this version: one hold per {@link RuleSets} serving it, one per check
     * running on it. At zero its memory is released, so a retired version lives exactly as long
     * as the checks that started on it.
     */
    private final AtomicInteger holds = new AtomicInteger(1);
    /** The rules that score a factor ({@code $s.score(...)}): the grade needs only these. */
    private final Set<String> scorecardRules;
    /** What the watchdog's log calls an evaluation on this version. */
    private final String label;
    /** Drools refuses a global that no rule file declares. */
    private final boolean declaresParameters;
    private final boolean declaresFindings;
    private final boolean declaresSheet;
    private final boolean declaresNotices;

    /** The rule set's message bundles (none: messages are the rules' own texts). */
    private final Messages messages;

    CompiledRuleSet(RuleSetInfo info, Parameters parameters, RuleSetPolicy policy, Set<String> scorecardRules,
                    KieContainer container, KieBase kieBase, Messages messages) {
        this.messages = messages;
        this.scorecardRules = Set.copyOf(scorecardRules);
        this.info = info;
        this.parameters = parameters;
        this.policy = policy;
        this.label = "an evaluation on rule set " + info.name() + " " + info.version();
        this.container = container;
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.declaresParameters = declares(kieBase, PARAMETERS_GLOBAL);
        this.declaresFindings = declares(kieBase, FINDINGS_GLOBAL);
        this.declaresSheet = declares(kieBase, SHEET_GLOBAL);
        this.declaresNotices = declares(kieBase, NOTICES_GLOBAL);
    }

    private static boolean declares(KieBase kieBase, String global) {
        return kieBase.getKiePackages().stream().anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(global)));
    }

    public RuleSetInfo info() {
        return info;
    }

    /**
     * Runs the rules over the facts and returns every finding, in firing order.
     *
     * @throws RuleFiringCapException when the rules fire {@code maxFirings} times (a loop)
     */
    public List<Reason> evaluate(CreditFacts facts, Limits limits, Converter converter) {
        return evaluate(facts, limits, converter, java.util.Locale.ENGLISH);
    }

    /** Like {@link #evaluate(CreditFacts, Limits, Converter)}, messages in {@code locale}. */
    public List<Reason> evaluate(CreditFacts facts, Limits limits, Converter converter, java.util.Locale locale) {
        Collector findings = new Collector(messages.forLocale(locale));
        fire(findings.tracker, limits, findings, facts.all(), null, parameters.forCheck(converter));
        return findings.reasons;
    }

    /**
     * The rule set's money thresholds in the converter's currency: asks for the rate once, before
     * any rule runs, so a missing rate is the caller's {@link IllegalArgumentException}, not a rule failure.
     */
    public void requireThresholdRate(Converter converter) {
        String c = parameters.currency().orElse(null);
        if (c == null || c.equals(converter.currency())) return;
        converter.rate(c, "account.limit: the account is in " + converter.currency() + " and the money thresholds of rule set "
                + info.name() + " " + info.version() + " are in " + c);
    }

    /**
     * One run of the rules in a pooled session, within the limits: a firing cap, a fact cap and a
     * deadline the {@link Watchdog} enforces. A session that ran cleanly is reset and returned to
     * the pool; one that failed or was stopped is destroyed, since its state is unknown.
     */
    private void fire(RuleTracker tracker, Limits limits, Object collector, List<Object> facts, AgendaFilter filter,
                      Parameters checkParameters) {
        fire(tracker, limits, collector, facts, filter, checkParameters, null);
    }

    /**
     * Like the above; when {@code then} is given, once the rules have fired its fact is inserted
     * and they fire again, so rules can match on what the first round found (the score).
     */
    private void fire(RuleTracker tracker, Limits limits, Object collector, List<Object> facts, AgendaFilter filter,
                      Parameters checkParameters, java.util.function.Supplier<Object> then) {
        KieSession session = sessions.newKieSession();
        boolean clean = false;
        tracker.maxFacts = limits.maxFacts();
        Watchdog.Ticket ticket = Watchdog.watch(limits.deadline(), label, tracker);
        try {
            try {
                session.addEventListener((AgendaEventListener) tracker);
                if (declaresParameters) session.setGlobal(PARAMETERS_GLOBAL, checkParameters);
                if (declaresFindings && collector instanceof Findings) session.setGlobal(FINDINGS_GLOBAL, collector);
                if (declaresSheet && collector instanceof ScoreSheet) session.setGlobal(SHEET_GLOBAL, collector);
                if (declaresNotices && collector instanceof Notices) session.setGlobal(NOTICES_GLOBAL, collector);
                session.insert(collector);
                for (Object fact : facts) session.insert(fact);
                // Counted from here: only what rules insert (the engine's own facts create no events this way).
                session.addEventListener((RuleRuntimeEventListener) tracker);
                int fired = filter == null ? session.fireAllRules(limits.maxFirings()) : session.fireAllRules(filter, limits.maxFirings());
                if (fired < limits.maxFirings() && then != null) {
                    session.insert(then.get());
                    fired += session.fireAllRules(limits.maxFirings() - fired);
                }
                if (fired >= limits.maxFirings()) throw new RuleFiringCapException(limits.maxFirings(), tracker.rule);
                clean = true;
            } catch (ThreadDeath death) {
                if (!ticket.absorb(death)) throw death;
            } finally {
                ticket.done();
            }
            if (ticket.overran()) {
                clean = false;
                throw new DeadlineException(limits.deadline(), tracker.rule);
            }
        } finally {
            session.removeEventListener((AgendaEventListener) tracker);
            session.removeEventListener((RuleRuntimeEventListener) tracker);
            if (clean) session.dispose(); // resets the session and returns it to the pool
            else session.destroy();
        }
    }

    /**
     * Remembers which rule is firing, so a finding can name the rule that made it, and counts the
     * facts inserted, so a rule that inserts in a loop is stopped long before the heap is at risk.
     */
    private static final class RuleTracker extends DefaultAgendaEventListener
            implements RuleRuntimeEventListener, java.util.function.Supplier<String> {
        String rule = "?";

        @Override
        public String get() {
            return rule;
        }
        int maxFacts = Integer.MAX_VALUE;
        private int inserted;

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            rule = event.getMatch().getRule().getName();
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (++inserted > maxFacts) throw new FactCapException(maxFacts, rule);
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
        }
    }

    /** The rule set's message bundles. */
    public Messages messages() {
        return messages;
    }

    /** The rule set's parameters. */
    public Parameters parameters() {
        return parameters;
    }

    /** What the rule set states as data: licence table, history windows, reassessment triggers. */
    public RuleSetPolicy policy() {
        return policy;
    }

    /** A factor or warning the assessment rules recorded. */
    public record Warning(WarningLevel level, boolean severe, Set<WarningAction> actions, Reason reason) {}

    /** What the assessment rules recorded, in firing order. */
    public record ScoreResult(List<FactorScore> factors, List<Warning> warnings) {}

    /**
     * Runs the scorecard and early-warning rules over a customer's assessment facts.
     *
     * @throws RuleFiringCapException when the rules fire {@code maxFirings} times (a loop)
     */
    public ScoreResult assess(AssessmentFacts facts, Limits limits, Converter converter) {
        return assess(facts, limits, converter, java.util.Locale.ENGLISH);
    }

    /** Like {@link #assess(AssessmentFacts, Limits, Converter)}, messages in {@code locale}. */
    public ScoreResult assess(AssessmentFacts facts, Limits limits, Converter converter, java.util.Locale locale) {
        return assess(facts, limits, converter, locale, null);
    }

    /**
     * Like {@link #assess(AssessmentFacts, Limits, Converter, java.util.Locale)}; once the rules have
     * fired, {@code standing} turns the factors scored into a fact (the customer's
     * {@link dev.creditcontrol.facts.Standing}) that is inserted for the rules that compare with the previous assessment.
     */
    public ScoreResult assess(AssessmentFacts facts, Limits limits, Converter converter, java.util.Locale locale,
                              java.util.function.Function<List<FactorScore>, Object> standing) {
        Sheet sheet = new Sheet(parameters, facts.customerType(), messages.forLocale(locale));
        fire(sheet.tracker, limits, sheet, List.of(facts), null, parameters.forCheck(converter),
                standing == null ? null : () -> standing.apply(List.copyOf(sheet.factors)));
        return new ScoreResult(List.copyOf(sheet.factors), List.copyOf(sheet.warnings));
    }

    /**
     * Runs the scorecard rules alone (those that score a factor), for the grade of an ungraded
     * account on the order path: an early-warning rule never runs there, so it cannot fail an order.
     */
    public ScoreResult score(AssessmentFacts facts, Limits limits, Converter converter) {
        Sheet sheet = new Sheet(parameters, facts.customerType(), messages.forLocale(java.util.Locale.ENGLISH));
        fire(sheet.tracker, limits, sheet, List.of(facts), match -> scorecardRules.contains(match.getRule().getName()),
                parameters.forCheck(converter));
        return new ScoreResult(List.copyOf(sheet.factors), List.of());
    }

    /** A notice the collection rules sent. */
    public record Notice(CollectionItem item, Tone tone, String message, String rule) {}

    /**
     * Runs the collection rules over a customer's open invoices and returns the notices, one per
     * invoice at most (the first sent wins), in firing order.
     *
     * @throws IllegalStateException when the rule set declares no {@code notices} global (it has no collection rules)
     */
    public List<Notice> review(List<CollectionItem> items, Limits limits, Converter converter) {
        return review(items, limits, converter, java.util.Locale.ENGLISH);
    }

    /** Like {@link #review(List, Limits, Converter)}, notices in {@code locale}. */
    public List<Notice> review(List<CollectionItem> items, Limits limits, Converter converter, java.util.Locale locale) {
        if (!declaresNotices) {
            throw new IllegalStateException("rule set " + info.name() + " " + info.version() + " has no collection rules (global Notices notices)");
        }
        NoticeSheet sheet = new NoticeSheet(messages.forLocale(locale));
        fire(sheet.tracker, limits, sheet, new ArrayList<>(items), null, parameters.forCheck(converter));
        return List.copyOf(sheet.notices);
    }

    private static final class NoticeSheet extends Notices {
        final Messages.Bundle texts;
        final List<Notice> notices = new ArrayList<>();

        NoticeSheet(Messages.Bundle texts) {
            this.texts = texts;
        }

        @Override
        protected String text(String message, Object[] values) {
            return texts.format(message, values);
        }
        final java.util.Set<String> sent = new java.util.HashSet<>();
        final RuleTracker tracker = new RuleTracker();

        @Override
        protected void add(CollectionItem item, Tone tone, String message) {
            if (sent.add(item.invoiceId())) notices.add(new Notice(item, tone, message, tracker.rule));
        }
    }

    /** The per-assessment score sheet, tagged with the rule that was firing. */
    private static final class Sheet extends ScoreSheet {
        final Parameters parameters;
        final CustomerType type;
        final List<FactorScore> factors = new ArrayList<>(16);
        final List<Warning> warnings = new ArrayList<>(4);
        final RuleTracker tracker = new RuleTracker();

        final Messages.Bundle texts;

        Sheet(Parameters parameters, CustomerType type, Messages.Bundle texts) {
            this.parameters = parameters;
            this.type = type;
            this.texts = texts;
        }

        @Override
        protected String text(String message, Object[] values) {
            return texts.format(message, values);
        }

        @Override
        protected int points(String factor, Object value) {
            return parameters.points(factor, value, type);
        }

        @Override
        protected void factor(String factor, String value, int points) {
            factors.add(new FactorScore(factor, value, points, tracker.rule));
        }

        @Override
        protected void warning(WarningLevel level, boolean severe, Set<WarningAction> actions, String code,
                               String message, Map<String, String> values) {
            Outcome outcome = level == WarningLevel.RED ? Outcome.REJECT : level == WarningLevel.ORANGE ? Outcome.ESCALATE : Outcome.APPROVE;
            warnings.add(new Warning(level, severe, actions, new Reason(code, message, tracker.rule, outcome, Optional.empty(), values)));
        }
    }

    /** Takes a hold for a check or another registry; false when the version has already been released. */
    public boolean acquire() {
        for (;;) {
            int n = holds.get();
            if (n == 0) return false;
            if (holds.compareAndSet(n, n + 1)) return true;
        }
    }

    /** Gives a hold back; the last one releases the KieBase and its sessions. */
    public void release() {
        if (holds.decrementAndGet() == 0) {
            sessions.shutdown();
            container.dispose();
        }
    }

    /** Thrown when an evaluation inserts more facts than its cap, which only a rule inserting in a loop does. */
    public static final class FactCapException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FactCapException(int cap, String lastRule) {
            super("more than " + cap + " facts inserted in one evaluation (the cap); last rule: \"" + lastRule + "\"");
        }
    }

    /** Thrown when an evaluation ran past its deadline and was stopped. */
    public static final class DeadlineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeadlineException(java.time.Duration deadline, String lastRule) {
            super("the evaluation ran past its deadline of " + deadline.toMillis() + " ms and was stopped; rule running: \""
                    + lastRule + "\". A rule that loops or blocks in its consequence does this.");
        }
    }

    /** Thrown when an evaluation reaches the firing cap, which only a looping rule does. */
    public static final class RuleFiringCapException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RuleFiringCapException(int cap, String lastRule) {
            super("rules fired " + cap + " times in one evaluation (the cap); last rule: \"" + lastRule
                    + "\". A rule that modifies a fact it matches can loop.");
        }
    }

    /** The per-evaluation findings, tagged with the rule that was firing when each was made. */
    private static final class Collector extends Findings {
        final List<Reason> reasons = new ArrayList<>(4);
        final RuleTracker tracker = new RuleTracker();
        final Messages.Bundle texts;

        Collector(Messages.Bundle texts) {
            this.texts = texts;
        }

        @Override
        protected String text(String message, Object[] values) {
            return texts.format(message, values);
        }

        @Override
        protected void add(Outcome outcome, Optional<ApprovalLevel> level, String code, String message,
                           Map<String, String> values, List<String> skus) {
            reasons.add(new Reason(code, message, tracker.rule, outcome, level, values, skus));
        }
    }
}
