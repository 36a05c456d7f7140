package dev.creditcontrol.facts;

import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.Money;

/**
 * Where a customer stands once its scorecard has run, next to its previous assessment: what the
 * early-warning rules that compare (a falling score, a limit above what the grade recommends)
 * match on. The engine inserts it after the scorecard rules have fired.
 *
 * @param score            this assessment's score
 * @param grade            the grade it earns (or a new customer's fixed grade)
 * @param recommendedLimit the limit the grade recommends, in the account's currency
 * @param previousScore    the previous assessment's score; {@code null} when there is none, or it judged a new customer
 * @param previousGrade    the previous assessment's grade; {@code null} likewise
 */
public record Standing(int score, CreditGrade grade, Money recommendedLimit, Integer previousScore, CreditGrade previousGrade) {

    /** Points lost since the previous assessment (negative: gained); {@code null} without one. */
    public Integer scoreDrop() {
        return previousScore == null ? null : previousScore - score;
    }

    /** Grades fallen since the previous assessment (A to C: 2; negative: risen); {@code null} without one. */
    public Integer gradeFall() {
        return previousGrade == null ? null : grade.ordinal() - previousGrade.ordinal();
    }
}
