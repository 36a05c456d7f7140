package dev.creditcontrol.facts;

import dev.creditcontrol.model.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The arithmetic a customer's limit and a group's pooled limit share, so both are judged alike. */
final class LimitUse {
    private LimitUse() {}

    static BigDecimal utilization(Money after, Money limit) {
        return limit.isZero() ? null : after.amount().divide(limit.amount(), 4, RoundingMode.HALF_UP);
    }

    static boolean aboveShare(Money after, Money limit, BigDecimal share) {
        return after.amount().compareTo(limit.amount().multiply(share)) > 0;
    }

    static boolean overAtMost(Money after, Money limit, BigDecimal share) {
        return after.amount().compareTo(limit.amount().multiply(BigDecimal.ONE.add(share))) <= 0;
    }
}
