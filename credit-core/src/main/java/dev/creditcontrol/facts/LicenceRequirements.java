package dev.creditcontrol.facts;

import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.LicenceType;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which licences a buyer of each type must hold to buy a device of each class: rule-set data
 * ({@code licence.required.<CLASS>.<TYPE>} in the parameter file), read when the rule set loads.
 * Complete by construction: every buyer type and device class has an entry, possibly empty.
 * Immutable.
 */
public final class LicenceRequirements {
    private final Map<CustomerType, Map<DeviceClass, List<LicenceType>>> table;

    private LicenceRequirements(Map<CustomerType, Map<DeviceClass, List<LicenceType>>> table) {
        this.table = table;
    }

    /**
     * A table from (buyer type, device class) to the licence types required.
     *
     * @throws IllegalArgumentException naming the buyer type and device class that has no entry
     */
    public static LicenceRequirements of(Map<CustomerType, Map<DeviceClass, Set<LicenceType>>> table) {
        Objects.requireNonNull(table, "table");
        Map<CustomerType, Map<DeviceClass, List<LicenceType>>> copy = new EnumMap<>(CustomerType.class);
        for (CustomerType type : CustomerType.values()) {
            Map<DeviceClass, Set<LicenceType>> row = table.get(type);
            Map<DeviceClass, List<LicenceType>> rowCopy = new EnumMap<>(DeviceClass.class);
            for (DeviceClass cls : DeviceClass.values()) {
                Set<LicenceType> types = row == null ? null : row.get(cls);
                if (types == null) {
                    throw new IllegalArgumentException("licence requirement for " + type + " buying class " + cls
                            + " is not defined");
                }
                rowCopy.put(cls, List.copyOf(types.isEmpty() ? Set.of() : EnumSet.copyOf(types)));
            }
            copy.put(type, Collections.unmodifiableMap(rowCopy));
        }
        return new LicenceRequirements(Collections.unmodifiableMap(copy));
    }

    /** The licence types a buyer of {@code type} must hold for a device of {@code deviceClass}, in declaration order. */
    public List<LicenceType> required(CustomerType type, DeviceClass deviceClass) {
        return table.get(type).get(deviceClass);
    }

    /** The licence types a buyer of {@code type} needs whatever it buys (required for every device class). */
    public Set<LicenceType> alwaysRequired(CustomerType type) {
        Set<LicenceType> always = EnumSet.allOf(LicenceType.class);
        for (DeviceClass cls : DeviceClass.values()) always.retainAll(required(type, cls));
        return always;
    }

    /** The licence types a buyer of {@code type} may need for some device class. */
    public Set<LicenceType> anyRequired(CustomerType type) {
        Set<LicenceType> any = EnumSet.noneOf(LicenceType.class);
        for (DeviceClass cls : DeviceClass.values()) any.addAll(required(type, cls));
        return any;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LicenceRequirements other && table.equals(other.table);
    }

    @Override
    public int hashCode() {
        return table.hashCode();
    }

    @Override
    public String toString() {
        return "LicenceRequirements" + table;
    }
}
