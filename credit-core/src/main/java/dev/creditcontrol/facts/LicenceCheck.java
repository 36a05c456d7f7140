package dev.creditcontrol.facts;

import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.LicenceType;

import java.time.LocalDate;
import java.util.List;

/**
 * One licence an order requires for one device category, and how the customer's licences meet it.
 * Lines that require the same licence type for the same category share one check.
 *
 * @param requiredType  the licence type required
 * @param category      the device category code the lines belong to
 * @param deviceClass   the highest device class among those lines
 * @param skus          the lines' SKUs
 * @param status        how the requirement is met
 * @param licenceNumber number of the licence that best meets it; {@code null} when {@link LicenceStatus#MISSING}
 * @param validUntil    last valid day of that licence; {@code null} when it does not expire or is missing
 * @param daysToExpiry  days from the order date to {@code validUntil}; -1 when there is no such date
 */
public record LicenceCheck(LicenceType requiredType, String category, DeviceClass deviceClass, List<String> skus,
                           LicenceStatus status, String licenceNumber, LocalDate validUntil, long daysToExpiry) {

    /** Copies the SKU list. */
    public LicenceCheck {
        skus = List.copyOf(skus);
    }

    /** No licence of the required type is held. */
    public boolean missing() {
        return status == LicenceStatus.MISSING;
    }

    /** Licences of the type are held, but none is valid on the order date. */
    public boolean notValid() {
        return status == LicenceStatus.NOT_VALID;
    }

    /** A valid licence of the type is held, but none covers the category. */
    public boolean outOfScope() {
        return status == LicenceStatus.OUT_OF_SCOPE;
    }

    /** Whether the requirement is met on the order date but the licence ends within {@code days} days. */
    public boolean expiresWithin(int days) {
        return status == LicenceStatus.VALID && validUntil != null && daysToExpiry <= days;
    }
}
