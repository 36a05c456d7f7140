package dev.creditcontrol.facts;

import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.Money;

import java.time.LocalDate;

/**
 * One open invoice as the collection rules see it on the review date.
 *
 * @param invoiceId     the invoice
 * @param amount        its open amount, in its own currency
 * @param converted     the same in the account's currency
 * @param issued        issue date
 * @param due           due date
 * @param daysPastDue   days past due on the review date (0 when not yet due)
 * @param daysUntilDue  days until due (0 on the due date; negative once past due)
 * @param level         dunning level: 0 not past due, then by {@code dunning.levelDays}
 * @param customerType  the customer's type
 * @param gradeName     the account's grade (A to D), or {@code NONE} when it has none: rules qualify parameters by it
 */
public record CollectionItem(String invoiceId, Money amount, Money converted, LocalDate issued, LocalDate due, long daysPastDue,
                             long daysUntilDue, int level, CustomerType customerType, String gradeName) {

    /** Whether the grade is one of {@code grades} (e.g. {@code "A", "B"}). */
    public boolean gradeIn(String... grades) {
        for (String g : grades) if (g.equals(gradeName)) return true;
        return false;
    }

    static String gradeName(CreditGrade grade) {
        return grade == null ? "NONE" : grade.name();
    }
}
