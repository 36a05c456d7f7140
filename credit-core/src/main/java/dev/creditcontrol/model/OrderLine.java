package dev.creditcontrol.model;

/**
 * One line of an order.
 *
 * @param sku         the host's item code
 * @param deviceClass regulatory class of the device
 * @param category    device category code (分类编码), e.g. {@code "07"}
 * @param amount      line value, not negative
 */
public record OrderLine(String sku, DeviceClass deviceClass, String category, Money amount) {

    /** Validates the fields. */
    public OrderLine {
        sku = Require.text(sku, "line.sku");
        Require.present(deviceClass, "line.deviceClass");
        category = Require.text(category, "line.category");
        Require.present(amount, "line.amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("line.amount must not be negative: " + amount + " (sku " + sku + ")");
        }
    }
}
