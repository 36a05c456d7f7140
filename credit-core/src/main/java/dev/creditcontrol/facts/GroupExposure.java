package dev.creditcontrol.facts;

import dev.creditcontrol.model.Money;

import java.math.BigDecimal;

/**
 * A credit group's pooled limit against the group's exposure after the order, in the account's
 * currency: the other members' exposure plus this customer's own exposure after the order
 * ({@link Exposure#after()}, bills at risk included). Present only when the snapshot names a group.
 *
 * @param groupId           the group
 * @param creditSale        whether this order is sold on credit
 * @param limit             the pooled limit
 * @param otherMembers      exposure of the other members
 * @param customerAfter     this customer's exposure after the order
 * @param after             group exposure after the order
 * @param utilizationAfter  {@code after / limit}, 4 decimals; {@code null} when the limit is zero
 * @param exceedsLimit      whether {@code after} is strictly above the pooled limit
 * @param zeroLimit         whether the pooled limit is zero
 */
public record GroupExposure(String groupId, boolean creditSale, Money limit, Money otherMembers, Money customerAfter, Money after,
                            BigDecimal utilizationAfter, boolean exceedsLimit, boolean zeroLimit) {

    static GroupExposure of(String groupId, boolean creditSale, Money limit, Money otherMembers, Money customerAfter) {
        Money after = otherMembers.plus(customerAfter);
        return new GroupExposure(groupId, creditSale, limit, otherMembers, customerAfter, after,
                LimitUse.utilization(after, limit), after.isGreaterThan(limit), limit.isZero());
    }

    /** Whether group exposure after the order is strictly above {@code share} of the pooled limit (exact). */
    public boolean aboveShareOfLimit(BigDecimal share) {
        return LimitUse.aboveShare(after, limit, share);
    }

    /** Whether group exposure after the order exceeds the pooled limit by at most {@code share} of it (exact). */
    public boolean overLimitAtMost(BigDecimal share) {
        return LimitUse.overAtMost(after, limit, share);
    }

    /** How much group exposure after the order is above the pooled limit (zero when within it). */
    public Money overLimit() {
        return exceedsLimit ? after.minus(limit) : Money.zero(limit.currencyCode());
    }
}
