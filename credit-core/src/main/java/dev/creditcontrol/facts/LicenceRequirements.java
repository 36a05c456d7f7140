package dev.creditcontrol.facts;

import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.LicenceType;

import java.util.List;

/**
 * Which licences a buyer must hold to buy a device of a class (see DESIGN.md):
 * hospitals and clinics need their medical institution licence for every class; other buyers
 * need a business licence, plus a class II filing for class II and a class III operation licence
 * for class III devices.
 */
public final class LicenceRequirements {

    /** The licence types a buyer of {@code type} must hold for a device of {@code deviceClass}. */
    public static List<LicenceType> required(CustomerType type, DeviceClass deviceClass) {
        return switch (type) {
            case HOSPITAL, CLINIC -> List.of(LicenceType.MEDICAL_INSTITUTION_LICENCE);
            case DISTRIBUTOR, AGENT, OTHER -> switch (deviceClass) {
                case I -> List.of(LicenceType.BUSINESS_LICENCE);
                case II -> List.of(LicenceType.BUSINESS_LICENCE, LicenceType.DEVICE_FILING);
                case III -> List.of(LicenceType.BUSINESS_LICENCE, LicenceType.DEVICE_OPERATION_LICENCE);
            };
        };
    }

    private LicenceRequirements() {}
}
