package dev.creditcontrol.rules.internal;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.FactorScore;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.decision.WarningAction;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.facts.AssessmentFacts;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.PaymentMethod;
import dev.creditcontrol.rules.RuleSetInfo;
import dev.creditcontrol.rules.authoring.Parameters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what the scorecard and warning rules recorded into an assessment: score, grade, level
 * (rising one step per review unless a warning is severe) and the grade's recommendations, all
 * read from the rule set's parameters.
 */
public final class Assessments {
    /** Parameters the engine reads itself (not through a rule), so the lint does not call them unused. */
    public static final Set<String> ENGINE_PARAMETERS = Set.of("score.base", "grade.minScore.", "grade.newCustomer",
            "recommend.", "terms.maxDays.");

    private Assessments() {}

    /**
     * Where the customer stands once the scorecard has run: score, grade and recommended limit,
     * next to the previous assessment's score and grade (left out when that one judged a new
     * customer, whose grade was fixed, not earned).
     */
    public static dev.creditcontrol.facts.Standing standing(AssessmentFacts facts, List<FactorScore> factors, Parameters p,
                                                            Optional<CreditAssessment> previous) {
        int score = score(facts, factors, p);
        CreditGrade grade = grade(facts, score, p);
        Optional<CreditAssessment> earned = previous.filter(a -> !a.newCustomer());
        return new dev.creditcontrol.facts.Standing(score, grade, recommendedLimit(facts, grade, p),
                earned.map(CreditAssessment::score).orElse(null), earned.map(CreditAssessment::grade).orElse(null));
    }

    /** {@code p}: the rule set's parameters for this assessment ({@link Parameters#forCheck}), so money reads in the account's currency. */
    public static CreditAssessment build(AssessmentFacts facts, CompiledRuleSet.ScoreResult result, Parameters p,
                                         Optional<CreditAssessment> previous, RuleSetInfo info, Instant at) {
        int score = score(facts, result.factors(), p);
        CreditGrade grade = grade(facts, score, p);

        WarningLevel level = WarningLevel.GREEN;
        boolean severe = false;
        Set<WarningAction> actions = EnumSet.noneOf(WarningAction.class);
        List<Reason> reasons = result.warnings().stream().map(CompiledRuleSet.Warning::reason).toList();
        for (CompiledRuleSet.Warning w : result.warnings()) {
            if (w.level().compareTo(level) > 0) level = w.level();
            severe |= w.severe();
            actions.addAll(w.actions());
        }
        if (!severe && previous.isPresent() && level.compareTo(previous.get().warningLevel().up()) > 0) {
            level = previous.get().warningLevel().up();
        }
        PaymentMethod method = PaymentMethod.valueOf(p.text("recommend.paymentMethod", grade).toUpperCase(Locale.ROOT));
        return new CreditAssessment(facts.customerId(), facts.asOf(), score, grade, level, actions, facts.exposure(), facts.newCustomer(),
                recommendedLimit(facts, grade, p), termDays(facts, grade, p), method, result.factors(), reasons,
                info.name(), info.version(), at);
    }

    private static int score(AssessmentFacts facts, List<FactorScore> factors, Parameters p) {
        int raw = p.has("score.base") ? p.integer("score.base", facts.customerType()) : 0;
        for (FactorScore f : factors) raw += f.points();
        return Math.max(0, Math.min(100, raw));
    }

    private static CreditGrade grade(AssessmentFacts facts, int score, Parameters p) {
        return facts.newCustomer()
                ? CreditGrade.valueOf(p.text("grade.newCustomer", facts.customerType()).toUpperCase(Locale.ROOT))
                : gradeFor(score, p, facts);
    }

    private static Money recommendedLimit(AssessmentFacts facts, CreditGrade grade, Parameters p) {
        BigDecimal limit;
        if (facts.newCustomer() || facts.averageMonthlySales().isZero()) {
            limit = p.money("recommend.newCustomerLimit", facts.customerType()).amount();
        } else {
            limit = facts.averageMonthlySales().amount().multiply(p.decimal("recommend.limitMonths", grade));
        }
        BigDecimal rounding = p.has("recommend.limitRounding") ? p.money("recommend.limitRounding").amount() : BigDecimal.ONE;
        if (rounding.signum() <= 0) rounding = BigDecimal.ONE; // a rounding step converted below the minor unit
        limit = limit.divide(rounding, 0, RoundingMode.FLOOR).multiply(rounding);
        return Money.rounded(limit, facts.limit().currencyCode());
    }

    /** The grade's term, never above the statutory ceiling for the customer type ({@code terms.maxDays.<TYPE>}). */
    private static int termDays(AssessmentFacts facts, CreditGrade grade, Parameters p) {
        int term = p.integer("recommend.termDays", grade);
        return p.has("terms.maxDays", facts.customerType()) ? Math.min(term, p.integer("terms.maxDays", facts.customerType())) : term;
    }

    private static CreditGrade gradeFor(int score, Parameters p, AssessmentFacts facts) {
        for (CreditGrade g : List.of(CreditGrade.A, CreditGrade.B, CreditGrade.C)) {
            if (score >= p.integer("grade.minScore." + g, facts.customerType())) return g;
        }
        return CreditGrade.D;
    }
}
