package dev.creditcontrol.decision;

import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.PaymentMethod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A customer's credit assessment: score, grade, early-warning level, and what the grade
 * recommends, with the points of every factor so a person can read how it came about.
 *
 * @param customerId                the customer
 * @param asOf                      the snapshot date it was assessed on
 * @param score                     0 to 100, higher is safer
 * @param grade                     the grade the score earns
 * @param warningLevel              early-warning level
 * @param actions                   what the warnings ask for
 * @param exposure                  open receivables + delivered-not-invoiced + open orders on the snapshot date
 * @param newCustomer               whether there was too little payment history to judge ("new", not "good")
 * @param recommendedLimit          credit limit the grade recommends
 * @param recommendedPaymentTermDays payment term the grade recommends
 * @param recommendedPaymentMethod  payment method the grade recommends (grade D: prepayment)
 * @param factors                   the scorecard's factors, in rule order
 * @param reasons                   the early warnings raised (a warning's {@link Reason#outcome()} is
 *                                  ESCALATE for ORANGE and REJECT for RED, so the same severity order applies)
 * @param ruleSetName               rule set that assessed
 * @param ruleSetVersion            its version
 * @param assessedAt                when, from the engine's clock
 */
public record CreditAssessment(String customerId, LocalDate asOf, int score, CreditGrade grade,
                               WarningLevel warningLevel, Set<WarningAction> actions, Money exposure, boolean newCustomer,
                               Money recommendedLimit, int recommendedPaymentTermDays,
                               PaymentMethod recommendedPaymentMethod, List<FactorScore> factors,
                               List<Reason> reasons, String ruleSetName, String ruleSetVersion, Instant assessedAt) {

    public CreditAssessment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(asOf, "asOf");
        if (score < 0 || score > 100) throw new IllegalArgumentException("score must be 0..100: " + score);
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(warningLevel, "warningLevel");
        actions = Set.copyOf(actions);
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(recommendedLimit, "recommendedLimit");
        Objects.requireNonNull(recommendedPaymentMethod, "recommendedPaymentMethod");
        factors = List.copyOf(factors);
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(ruleSetName, "ruleSetName");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(assessedAt, "assessedAt");
    }

    /** Whether any warning carries {@code code}. */
    public boolean hasReason(String code) {
        return reasons.stream().anyMatch(r -> r.code().equals(code));
    }
}
