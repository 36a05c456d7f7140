package dev.creditcontrol.model;

import dev.creditcontrol.decision.Release;

import java.util.List;

/** What orders and shipments share: lines (at least one, one currency, a total) and a release in their currency. */
final class RequestLines {
    private RequestLines() {}

    /** Checks and copies the lines of an order or shipment ({@code what}: "order" or "shipment"). */
    static List<OrderLine> checked(List<OrderLine> lines, String what, String id) {
        Require.noNulls(lines, what + ".lines");
        if (lines.isEmpty()) throw new IllegalArgumentException(what + ".lines must hold at least one line (" + what + " " + id + ")");
        String currency = lines.get(0).amount().currencyCode();
        for (OrderLine line : lines) {
            if (!line.amount().currencyCode().equals(currency)) {
                throw new IllegalArgumentException("line.amount currency differs within " + what + " " + id + ": "
                        + currency + " and " + line.amount().currencyCode());
            }
        }
        return List.copyOf(lines);
    }

    /** A release covers an amount in the request's currency. */
    static void checkRelease(java.util.Optional<Release> release, String currency, String what) {
        release.ifPresent(r -> {
            if (!r.upTo().currencyCode().equals(currency)) {
                throw new IllegalArgumentException("release.upTo is in " + r.upTo().currencyCode() + " but the " + what
                        + " is in " + currency + ": a release covers an amount in the request's currency");
            }
        });
    }

    static Money total(List<OrderLine> lines) {
        Money sum = Money.zero(lines.get(0).amount().currencyCode());
        for (OrderLine line : lines) sum = sum.plus(line.amount());
        return sum;
    }
}
