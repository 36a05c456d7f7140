package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.model.CustomerSnapshot;

/**
 * A customer as it stood on a date, and whether it later turned bad (defaulted or paid very late).
 * The calibration's unit of history.
 *
 * @param snapshot the customer's snapshot on the observation date
 * @param bad      whether the customer defaulted or paid very late afterwards
 */
public record LabelledSnapshot(CustomerSnapshot snapshot, boolean bad) {
    public LabelledSnapshot {
        if (snapshot == null) throw new IllegalArgumentException("snapshot is required but was null");
    }
}
