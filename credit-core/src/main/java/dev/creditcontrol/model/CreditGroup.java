package dev.creditcontrol.model;

/**
 * A credit group (集团 / 付款主体): customers that share one pooled limit, such as the hospitals of
 * a hospital group or the branches of a distributor. The group's exposure after an order is
 * {@code exposureOfOtherMembers} plus this customer's own exposure after it; the group limit is
 * judged like the customer's own, and both apply.
 *
 * @param groupId                the group's id in the host
 * @param limit                  the pooled limit, not negative (any currency: converted on the check date)
 * @param exposureOfOtherMembers what the other members owe and have on order, not negative
 */
public record CreditGroup(String groupId, Money limit, Money exposureOfOtherMembers) {
    /** Validates the fields, naming the one that is wrong. */
    public CreditGroup {
        groupId = Require.text(groupId, "group.groupId");
        Require.nonNegative(limit, "group.limit");
        Require.nonNegative(exposureOfOtherMembers, "group.exposureOfOtherMembers");
    }
}
