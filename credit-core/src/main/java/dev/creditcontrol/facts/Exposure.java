package dev.creditcontrol.facts;

import dev.creditcontrol.model.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Credit exposure before and after the order, against the limit in force on the order date.
 * Exposure = open receivables + delivered-not-invoiced + open orders + this order, where a
 * prepaid or cash-on-delivery order adds nothing.
 *
 * @param limit                the limit in force on the order date (with any temporary increase)
 * @param limitChecked         false when the host waived the limit check for this account
 * @param creditSale           whether this order is sold on credit
 * @param openReceivables      unpaid invoices
 * @param deliveredNotInvoiced goods delivered, not yet invoiced
 * @param openOrders           accepted orders not yet delivered
 * @param thisOrder            what this order adds (zero unless sold on credit)
 * @param before               exposure without this order
 * @param after                exposure with this order
 * @param utilizationAfter     {@code after / limit}, 4 decimals, for display; {@code null} when the limit is zero
 * @param exceedsLimit         whether {@code after} is strictly above the limit
 * @param zeroLimit            whether the limit is zero, which means no credit sale
 */
public record Exposure(Money limit, boolean limitChecked, boolean creditSale, Money openReceivables,
                       Money deliveredNotInvoiced, Money openOrders, Money thisOrder, Money before, Money after,
                       BigDecimal utilizationAfter, boolean exceedsLimit, boolean zeroLimit) {

    static Exposure of(Money limit, boolean limitChecked, boolean creditSale, Money openReceivables,
                       Money deliveredNotInvoiced, Money openOrders, Money thisOrder) {
        Money before = openReceivables.plus(deliveredNotInvoiced).plus(openOrders);
        Money after = before.plus(thisOrder);
        BigDecimal utilization = limit.isZero() ? null
                : after.amount().divide(limit.amount(), 4, RoundingMode.HALF_UP);
        return new Exposure(limit, limitChecked, creditSale, openReceivables, deliveredNotInvoiced, openOrders,
                thisOrder, before, after, utilization, after.isGreaterThan(limit), limit.isZero());
    }

    /** Whether exposure after the order is strictly above {@code share} of the limit (exact, no rounding). */
    public boolean aboveShareOfLimit(BigDecimal share) {
        return after.amount().compareTo(limit.amount().multiply(share)) > 0;
    }

    /**
     * Whether exposure after the order exceeds the limit by at most {@code share} of the limit
     * (exact). With a zero limit, any exposure is infinitely over, so this is false unless exposure is zero.
     */
    public boolean overLimitAtMost(BigDecimal share) {
        return after.amount().compareTo(limit.amount().multiply(BigDecimal.ONE.add(share))) <= 0;
    }

    /** How much exposure after the order is above the limit (zero when within it). */
    public Money overLimit() {
        return exceedsLimit ? after.minus(limit) : Money.zero(limit.currencyCode());
    }
}
