package dev.creditcontrol.facts;

import dev.creditcontrol.model.Money;

import java.math.BigDecimal;

/**
 * Credit exposure before and after the order, against the limit in force on the check date, all
 * in the account's currency (amounts in other currencies converted at the rate of that date).
 * Exposure = open receivables + delivered-not-invoiced + open orders + acceptance bills at risk +
 * this order, where a prepaid or cash-on-delivery order adds nothing. The limit is the account's
 * (with any temporary increase) plus the cover of the securities valid on the check date.
 *
 * @param limit                the limit the exposure is judged against: account limit + security cover
 * @param securityCover        what valid securities add to the limit (amount × coverage share per type)
 * @param limitChecked         false when the host waived the limit check for this account
 * @param creditSale           whether this order is sold on credit
 * @param openReceivables      unpaid invoices
 * @param deliveredNotInvoiced goods delivered, not yet invoiced
 * @param openOrders           accepted orders not yet delivered
 * @param billsAtRisk          acceptance bills not matured on the check date, times the share per bill type
 * @param thisOrder            what this order adds (zero unless sold on credit)
 * @param before               exposure without this order
 * @param after                exposure with this order
 * @param utilizationAfter     {@code after / limit}, 4 decimals, for display; {@code null} when the limit is zero
 * @param exceedsLimit         whether {@code after} is strictly above the limit
 * @param zeroLimit            whether the limit is zero, which means no credit sale
 */
public record Exposure(Money limit, Money securityCover, boolean limitChecked, boolean creditSale, Money openReceivables,
                       Money deliveredNotInvoiced, Money openOrders, Money billsAtRisk, Money thisOrder, Money before,
                       Money after, BigDecimal utilizationAfter, boolean exceedsLimit, boolean zeroLimit) {

    static Exposure of(Money accountLimit, Money securityCover, boolean limitChecked, boolean creditSale, Money openReceivables,
                       Money deliveredNotInvoiced, Money openOrders, Money billsAtRisk, Money thisOrder) {
        Money limit = securityCover.isZero() ? accountLimit : accountLimit.plus(securityCover);
        Money before = openReceivables.plus(deliveredNotInvoiced).plus(openOrders);
        if (!billsAtRisk.isZero()) before = before.plus(billsAtRisk);
        Money after = before.plus(thisOrder);
        return new Exposure(limit, securityCover, limitChecked, creditSale, openReceivables, deliveredNotInvoiced, openOrders,
                billsAtRisk, thisOrder, before, after, LimitUse.utilization(after, limit), after.isGreaterThan(limit), limit.isZero());
    }

    /** Whether exposure after the order is strictly above {@code share} of the limit (exact, no rounding). */
    public boolean aboveShareOfLimit(BigDecimal share) {
        return LimitUse.aboveShare(after, limit, share);
    }

    /**
     * Whether exposure after the order exceeds the limit by at most {@code share} of the limit
     * (exact). With a zero limit, any exposure is infinitely over, so this is false unless exposure is zero.
     */
    public boolean overLimitAtMost(BigDecimal share) {
        return LimitUse.overAtMost(after, limit, share);
    }

    /** How much exposure after the order is above the limit (zero when within it). */
    public Money overLimit() {
        return exceedsLimit ? after.minus(limit) : Money.zero(limit.currencyCode());
    }
}
