package dev.creditcontrol.facts;

import dev.creditcontrol.model.BillType;
import dev.creditcontrol.model.SecurityType;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule set decides about deriving facts: the licences each buyer needs, the windows
 * payment behaviour is measured over, how much of an unmatured acceptance bill counts as exposure
 * and how much of a security raises the limit. Read from the rule set's parameters when it loads
 * ({@code licence.required.*}, {@code history.*}, {@code exposure.billShare.*},
 * {@code limit.securityShare.*}), so an analyst can change them without Java.
 *
 * @param licences           licence types required per buyer type and device class
 * @param historyMonths      payment behaviour is measured over invoices due in this many months before the snapshot date
 * @param recentMonths       the trend compares invoices due in this many recent months with the rest of the history window
 * @param newCustomerMonths  a customer with fewer than {@code newCustomerInvoices} invoices due in this many months is new
 * @param newCustomerInvoices see {@code newCustomerMonths}
 * @param salesWindowDays    days sales outstanding is measured against invoices issued in this many days
 * @param billShares         share of an unmatured bill's amount counted as exposure, per bill type (missing: 1, in full)
 * @param securityShares     share of a valid security's amount added to the limit, per type (missing: 0, no cover)
 */
public record FactPolicy(LicenceRequirements licences, int historyMonths, int recentMonths, int newCustomerMonths,
                         int newCustomerInvoices, int salesWindowDays, Map<BillType, BigDecimal> billShares,
                         Map<SecurityType, BigDecimal> securityShares) {

    /** A policy without bill or security shares: bills count in full, securities add nothing (the cautious reading). */
    public FactPolicy(LicenceRequirements licences, int historyMonths, int recentMonths, int newCustomerMonths,
                      int newCustomerInvoices, int salesWindowDays) {
        this(licences, historyMonths, recentMonths, newCustomerMonths, newCustomerInvoices, salesWindowDays, Map.of(), Map.of());
    }

    /** Checks the windows make sense together. */
    public FactPolicy {
        Objects.requireNonNull(licences, "licences");
        positive(historyMonths, "history.months");
        positive(recentMonths, "history.recentMonths");
        positive(newCustomerMonths, "history.newCustomerMonths");
        positive(newCustomerInvoices, "history.newCustomerInvoices");
        positive(salesWindowDays, "history.salesWindowDays");
        if (historyMonths > 120) throw new IllegalArgumentException("history.months must be at most 120: " + historyMonths);
        billShares = shares(billShares, BillType.class, BigDecimal.ONE, "exposure.billShare");
        securityShares = shares(securityShares, SecurityType.class, BigDecimal.ZERO, "limit.securityShare");
        if (recentMonths >= historyMonths) {
            throw new IllegalArgumentException("history.recentMonths (" + recentMonths
                    + ") must be shorter than history.months (" + historyMonths + ")");
        }
    }

    /** Every constant gets a share (the cautious fallback where none is given), each 0 to 1. */
    private static <E extends Enum<E>> Map<E, BigDecimal> shares(Map<E, BigDecimal> given, Class<E> type, BigDecimal fallback,
                                                                String name) {
        Objects.requireNonNull(given, name);
        Map<E, BigDecimal> all = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            BigDecimal share = given.getOrDefault(e, fallback);
            if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException(name + "." + e + " must be between 0 and 1: " + share.toPlainString());
            }
            all.put(e, share);
        }
        return java.util.Collections.unmodifiableMap(all);
    }

    /** Share of an unmatured bill of this type that counts as exposure. */
    public BigDecimal billShare(BillType type) {
        return billShares.get(type);
    }

    /** Share of a valid security of this type that raises the limit. */
    public BigDecimal securityShare(SecurityType type) {
        return securityShares.get(type);
    }

    private static void positive(int value, String name) {
        if (value < 1) throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
}
