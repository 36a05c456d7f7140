package dev.creditcontrol.model;

import dev.creditcontrol.decision.Release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An order the host is about to accept or ship.
 *
 * @param orderId       the host's order id
 * @param customerId    the buyer; must match the snapshot's customer
 * @param orderDate     the date licences and the limit's validity are judged on
 * @param lines         at least one line, all in one currency
 * @param paymentMethod how the order is paid (default {@link PaymentMethod#CREDIT})
 * @param requestedBy   who entered the order, for the four-eyes check of a release
 * @param release       an approval granted earlier for this order
 */
public record OrderRequest(String orderId, String customerId, LocalDate orderDate, List<OrderLine> lines,
                           PaymentMethod paymentMethod, Optional<String> requestedBy, Optional<Release> release)
        implements CreditRequest {

    /** Validates the fields. */
    public OrderRequest {
        orderId = Require.text(orderId, "order.orderId");
        customerId = Require.text(customerId, "order.customerId");
        Require.date(orderDate, "order.orderDate");
        lines = RequestLines.checked(lines, "order", orderId);
        String currency = lines.get(0).amount().currencyCode();
        Require.present(paymentMethod, "order.paymentMethod");
        Require.present(requestedBy, "order.requestedBy");
        requestedBy = requestedBy.map(u -> Require.text(u, "order.requestedBy"));
        Require.present(release, "order.release");
        RequestLines.checkRelease(release, currency, "order");
    }

    /** An order without requester or release. */
    public OrderRequest(String orderId, String customerId, LocalDate orderDate, List<OrderLine> lines, PaymentMethod paymentMethod) {
        this(orderId, customerId, orderDate, lines, paymentMethod, Optional.empty(), Optional.empty());
    }

    /** Starts an order. */
    public static Builder builder(String orderId, String customerId, LocalDate orderDate) {
        return new Builder(orderId, customerId, orderDate);
    }

    /** The order date. */
    @Override
    public LocalDate checkDate() {
        return orderDate;
    }

    /** The sum of the line amounts. */
    @Override
    public Money total() {
        return RequestLines.total(lines);
    }

    /** The currency of the order's lines. */
    @Override
    public String currencyCode() {
        return lines.get(0).amount().currencyCode();
    }

    /** Builds an {@link OrderRequest}; not thread-safe. */
    public static final class Builder {
        private final String orderId;
        private final String customerId;
        private final LocalDate orderDate;
        private final List<OrderLine> lines = new ArrayList<>();
        private PaymentMethod paymentMethod = PaymentMethod.CREDIT;
        private String requestedBy;
        private Release release;

        private Builder(String orderId, String customerId, LocalDate orderDate) {
            this.orderId = Require.text(orderId, "order.orderId");
            this.customerId = Require.text(customerId, "order.customerId");
            this.orderDate = Require.present(orderDate, "order.orderDate");
        }

        /** Adds a line; throws {@link IllegalArgumentException} naming the field that is wrong. */
        public Builder line(String sku, DeviceClass deviceClass, String category, Money amount) {
            lines.add(new OrderLine(sku, deviceClass, category, amount));
            return this;
        }

        /** How the order is paid (default {@link PaymentMethod#CREDIT}). */
        public Builder paymentMethod(PaymentMethod method) {
            this.paymentMethod = Require.present(method, "order.paymentMethod");
            return this;
        }

        /** Who entered the order (for the four-eyes check of a release). */
        public Builder requestedBy(String user) {
            this.requestedBy = Require.text(user, "order.requestedBy");
            return this;
        }

        /** An approval granted earlier for this order. */
        public Builder release(Release release) {
            this.release = Require.present(release, "order.release");
            return this;
        }

        /** Builds the order; throws {@link IllegalArgumentException} naming the field that is wrong. */
        public OrderRequest build() {
            return new OrderRequest(orderId, customerId, orderDate, lines, paymentMethod, Optional.ofNullable(requestedBy),
                    Optional.ofNullable(release));
        }
    }
}
