package dev.creditcontrol.model;

import dev.creditcontrol.decision.Release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Goods of an accepted order about to leave the warehouse. Checked at the shipment checkpoint:
 * the order is already counted in the snapshot's open orders, so a shipment adds no exposure;
 * licences are judged on the ship date.
 *
 * @param shipmentId    the host's delivery (shipment) id
 * @param orderId       the order it delivers
 * @param customerId    the buyer; must match the snapshot's customer
 * @param shipDate      the date licences and the limit's validity are judged on
 * @param lines         at least one line, all in one currency
 * @param paymentMethod how the goods are paid (default {@link PaymentMethod#CREDIT})
 * @param requestedBy   who asked for the shipment, for the four-eyes check of a release
 * @param release       an approval granted earlier for this shipment
 */
public record ShipmentRequest(String shipmentId, String orderId, String customerId, LocalDate shipDate, List<OrderLine> lines,
                              PaymentMethod paymentMethod, Optional<String> requestedBy, Optional<Release> release)
        implements CreditRequest {

    /** Validates the fields, naming the one that is wrong. */
    public ShipmentRequest {
        shipmentId = Require.text(shipmentId, "shipment.shipmentId");
        orderId = Require.text(orderId, "shipment.orderId");
        customerId = Require.text(customerId, "shipment.customerId");
        Require.date(shipDate, "shipment.shipDate");
        lines = RequestLines.checked(lines, "shipment", shipmentId);
        String currency = lines.get(0).amount().currencyCode();
        Require.present(paymentMethod, "shipment.paymentMethod");
        Require.present(requestedBy, "shipment.requestedBy");
        requestedBy = requestedBy.map(u -> Require.text(u, "shipment.requestedBy"));
        Require.present(release, "shipment.release");
        RequestLines.checkRelease(release, currency, "shipment");
    }

    /** Starts a shipment of an order. */
    public static Builder builder(String shipmentId, String orderId, String customerId, LocalDate shipDate) {
        return new Builder(shipmentId, orderId, customerId, shipDate);
    }

    /** The ship date. */
    @Override
    public LocalDate checkDate() {
        return shipDate;
    }

    /** The sum of the line amounts. */
    @Override
    public Money total() {
        return RequestLines.total(lines);
    }

    /** The currency of the shipment's lines. */
    @Override
    public String currencyCode() {
        return lines.get(0).amount().currencyCode();
    }

    /** Builds a {@link ShipmentRequest}; not thread-safe. */
    public static final class Builder {
        private final String shipmentId;
        private final String orderId;
        private final String customerId;
        private final LocalDate shipDate;
        private final List<OrderLine> lines = new ArrayList<>();
        private PaymentMethod paymentMethod = PaymentMethod.CREDIT;
        private String requestedBy;
        private Release release;

        private Builder(String shipmentId, String orderId, String customerId, LocalDate shipDate) {
            this.shipmentId = Require.text(shipmentId, "shipment.shipmentId");
            this.orderId = Require.text(orderId, "shipment.orderId");
            this.customerId = Require.text(customerId, "shipment.customerId");
            this.shipDate = Require.present(shipDate, "shipment.shipDate");
        }

        /** Adds a line; throws {@link IllegalArgumentException} naming the field that is wrong. */
        public Builder line(String sku, DeviceClass deviceClass, String category, Money amount) {
            lines.add(new OrderLine(sku, deviceClass, category, amount));
            return this;
        }

        /** How the goods are paid (default {@link PaymentMethod#CREDIT}). */
        public Builder paymentMethod(PaymentMethod method) {
            this.paymentMethod = Require.present(method, "shipment.paymentMethod");
            return this;
        }

        /** Who asked for the shipment (for the four-eyes check of a release). */
        public Builder requestedBy(String user) {
            this.requestedBy = Require.text(user, "shipment.requestedBy");
            return this;
        }

        /** An approval granted earlier for this shipment. */
        public Builder release(Release release) {
            this.release = Require.present(release, "shipment.release");
            return this;
        }

        /** Builds the shipment; throws {@link IllegalArgumentException} naming the field that is wrong. */
        public ShipmentRequest build() {
            return new ShipmentRequest(shipmentId, orderId, customerId, shipDate, lines, paymentMethod,
                    Optional.ofNullable(requestedBy), Optional.ofNullable(release));
        }
    }
}
