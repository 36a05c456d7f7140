package dev.creditcontrol.facts;

import java.util.Objects;

/**
 * What a rule set decides about deriving facts: the licences each buyer needs and the windows
 * payment behaviour is measured over. Read from the rule set's parameters when it loads
 * ({@code licence.required.*}, {@code history.*}), so an analyst can change them without Java.
 *
 * @param licences           licence types required per buyer type and device class
 * @param historyMonths      payment behaviour is measured over invoices due in this many months before the snapshot date
 * @param recentMonths       the trend compares invoices due in this many recent months with the rest of the history window
 * @param newCustomerMonths  a customer with fewer than {@code newCustomerInvoices} invoices due in this many months is new
 * @param newCustomerInvoices see {@code newCustomerMonths}
 * @param salesWindowDays    days sales outstanding is measured against invoices issued in this many days
 */
public record FactPolicy(LicenceRequirements licences, int historyMonths, int recentMonths, int newCustomerMonths,
                         int newCustomerInvoices, int salesWindowDays) {

    /** Checks the windows make sense together. */
    public FactPolicy {
        Objects.requireNonNull(licences, "licences");
        positive(historyMonths, "history.months");
        positive(recentMonths, "history.recentMonths");
        positive(newCustomerMonths, "history.newCustomerMonths");
        positive(newCustomerInvoices, "history.newCustomerInvoices");
        positive(salesWindowDays, "history.salesWindowDays");
        if (historyMonths > 120) throw new IllegalArgumentException("history.months must be at most 120: " + historyMonths);
        if (recentMonths >= historyMonths) {
            throw new IllegalArgumentException("history.recentMonths (" + recentMonths
                    + ") must be shorter than history.months (" + historyMonths + ")");
        }
    }

    private static void positive(int value, String name) {
        if (value < 1) throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
}
