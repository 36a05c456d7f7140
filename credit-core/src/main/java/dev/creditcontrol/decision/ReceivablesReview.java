package dev.creditcontrol.decision;

import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's receivables on the snapshot date: aging, the notices to send, the dunning level and
 * the bad-debt provision (坏账准备), every amount in the account's currency.
 *
 * @param customerId     the customer
 * @param customerType   its type
 * @param grade          its account's grade, if it has one
 * @param asOf           the review date (the snapshot's)
 * @param aging          open receivables per age band, every band listed in the rule set's order
 * @param actions        reminders and dunning notices, one per open invoice that calls for one
 * @param provision      the provision for all open invoices
 * @param dunningLevel   the highest level of any open invoice (0 when none is past due)
 * @param ruleSetName    the rule set that reviewed
 * @param ruleSetVersion its version
 */
public record ReceivablesReview(String customerId, CustomerType customerType, Optional<CreditGrade> grade, LocalDate asOf,
                                List<AgingBucket> aging, List<CollectionAction> actions, Money provision, int dunningLevel,
                                String ruleSetName, String ruleSetVersion) {
    /** Validates the fields and copies the lists. */
    public ReceivablesReview {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(customerType, "customerType");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(asOf, "asOf");
        aging = List.copyOf(aging);
        actions = List.copyOf(actions);
        Objects.requireNonNull(provision, "provision");
        Objects.requireNonNull(ruleSetName, "ruleSetName");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
    }

    /** All open receivables (the sum of the buckets). */
    public Money open() {
        Money sum = provision.minus(provision);
        for (AgingBucket b : aging) sum = sum.plus(b.amount());
        return sum;
    }
}
