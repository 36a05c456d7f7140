package dev.creditcontrol.facts;

import dev.creditcontrol.decision.Checkpoint;
import dev.creditcontrol.decision.WarningLevel;

import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.PaymentMethod;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The order and account, as rules see them.
 *
 * @param orderId         the order
 * @param customerId      its customer
 * @param customerType    kind of buyer
 * @param orderDate       date of the order
 * @param paymentMethod   how it is paid
 * @param creditSale      whether it is sold on credit ({@link PaymentMethod#CREDIT})
 * @param total           the order's value in the account's currency (converted on the check date)
 * @param totalAsGiven    the order's value in its own currency, as the host sent it
 * @param accountFrozen   whether the account is frozen
 * @param grade           the account's credit grade; {@code null} when none was assigned
 * @param limitExpired    whether the limit's validity ended before the order date
 * @param limitValidUntil last day of the limit's validity; {@code null} when it has no end
 * @param snapshotAgeDays days from the snapshot's date to the check date (negative when the snapshot is dated later)
 * @param checkpoint      where in the order's life the check is: {@code ORDER} or {@code SHIPMENT}
 * @param warningLevel    the customer's warning level from its last assessment
 * @param paymentTermDays the account's own payment term
 */
public record OrderFacts(String orderId, String customerId, CustomerType customerType, LocalDate orderDate,
                         PaymentMethod paymentMethod, boolean creditSale, Money total, Money totalAsGiven, boolean accountFrozen,
                         CreditGrade grade, boolean limitExpired, LocalDate limitValidUntil, long snapshotAgeDays,
                         Checkpoint checkpoint, WarningLevel warningLevel, int paymentTermDays) {

    /** The same facts with {@code grade} in place of the account's (the assessed grade of an ungraded account). */
    public OrderFacts withGrade(CreditGrade assessed) {
        return new OrderFacts(orderId, customerId, customerType, orderDate, paymentMethod, creditSale, total, totalAsGiven,
                accountFrozen, assessed, limitExpired, limitValidUntil, snapshotAgeDays, checkpoint, warningLevel, paymentTermDays);
    }

    /** Whether this is the order checkpoint (not a shipment). */
    public boolean atOrder() {
        return checkpoint == Checkpoint.ORDER;
    }

    /** Whether the order's value is strictly above {@code amount} (a number in the account's currency). */
    public boolean totalAbove(BigDecimal amount) {
        return total.amount().compareTo(amount) > 0;
    }

    /** Whether the order's value is strictly above {@code amount} (in the account's currency). */
    public boolean totalAbove(Money amount) {
        return total.isGreaterThan(amount);
    }

    /** Whether the order was given in another currency than the account's (and converted). */
    public boolean converted() {
        return !total.currencyCode().equals(totalAsGiven.currencyCode());
    }
}
