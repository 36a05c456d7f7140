package dev.creditcontrol.facts;

import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.LicenceType;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The bundled rule set's fact policy, written out for tests of the derivation alone. */
final class TestPolicy {
    static final LicenceRequirements LICENCES;
    static final FactPolicy STANDARD;
    /** With the bundled rule set's bill and security shares. */
    static final FactPolicy WITH_SHARES;

    static {
        Map<CustomerType, Map<DeviceClass, Set<LicenceType>>> table = new EnumMap<>(CustomerType.class);
        for (CustomerType t : CustomerType.values()) {
            Map<DeviceClass, Set<LicenceType>> row = new EnumMap<>(DeviceClass.class);
            if (t == CustomerType.HOSPITAL || t == CustomerType.CLINIC) {
                for (DeviceClass c : DeviceClass.values()) row.put(c, Set.of(LicenceType.MEDICAL_INSTITUTION_LICENCE));
            } else {
                row.put(DeviceClass.I, Set.of(LicenceType.BUSINESS_LICENCE));
                row.put(DeviceClass.II, Set.of(LicenceType.BUSINESS_LICENCE, LicenceType.DEVICE_FILING));
                row.put(DeviceClass.III, Set.of(LicenceType.BUSINESS_LICENCE, LicenceType.DEVICE_OPERATION_LICENCE));
            }
            table.put(t, row);
        }
        LICENCES = LicenceRequirements.of(table);
        STANDARD = new FactPolicy(LICENCES, 12, 3, 24, 3, 90);
        WITH_SHARES = new FactPolicy(LICENCES, 12, 3, 24, 3, 90,
                Map.of(dev.creditcontrol.model.BillType.COMMERCIAL, java.math.BigDecimal.ONE,
                        dev.creditcontrol.model.BillType.BANK, java.math.BigDecimal.ZERO),
                Map.of(dev.creditcontrol.model.SecurityType.BANK_GUARANTEE, java.math.BigDecimal.ONE,
                        dev.creditcontrol.model.SecurityType.DEPOSIT, java.math.BigDecimal.ONE,
                        dev.creditcontrol.model.SecurityType.CREDIT_INSURANCE, new java.math.BigDecimal("0.9")));
    }

    private TestPolicy() {}
}
