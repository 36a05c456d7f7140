package dev.creditcontrol.model;

import java.time.LocalDate;

/**
 * An acceptance bill (承兑汇票) the customer paid with that has not necessarily been honoured yet.
 * Until it matures it is a payment at risk: the rule set counts a share of it, by type, as exposure.
 *
 * @param billNumber the bill's number, unique within a snapshot
 * @param type       bank or commercial acceptance
 * @param amount     its face value, not negative (any currency: converted on the check date)
 * @param matures    the day it is due to be paid; from that day on it no longer counts
 */
public record AcceptanceBill(String billNumber, BillType type, Money amount, LocalDate matures) {
    /** Validates the fields, naming the one that is wrong. */
    public AcceptanceBill {
        billNumber = Require.text(billNumber, "bill.billNumber");
        Require.present(type, "bill.type");
        Require.nonNegative(amount, "bill.amount");
        Require.date(matures, "bill.matures");
    }

    /** Whether it has not matured on {@code date}, i.e. it still counts as a payment at risk. */
    public boolean unmaturedOn(LocalDate date) {
        return date.isBefore(matures);
    }
}
