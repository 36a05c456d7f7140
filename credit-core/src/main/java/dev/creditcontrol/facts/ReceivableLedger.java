package dev.creditcontrol.facts;

import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.Receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The one pass over a snapshot's receivables: everything the order facts and the assessment
 * facts read of them is summed here, with the windows of the rule set's {@link FactPolicy}.
 * The order path asks only for open and overdue items; the assessment adds payment history.
 * Amounts are summed in the account's currency, each converted by the check's {@link Converter}.
 */
final class ReceivableLedger {
    // open items on the snapshot date
    BigDecimal open = BigDecimal.ZERO;
    BigDecimal overdue = BigDecimal.ZERO;
    int openItems;
    int overdueItems;
    long oldestDaysOverdue;
    // payment history (only when asked for)
    int dueInNewCustomerWindow;
    int historyItems;
    int onTime;
    BigDecimal historyAmount = BigDecimal.ZERO;
    BigDecimal onTimeAmount = BigDecimal.ZERO;
    long daysLateSum;
    long worstDaysLate;
    private static final long[] NO_DAYS = new long[0];
    private static final BigDecimal[] NO_MONTHS = new BigDecimal[0];
    /** Days late of each invoice due in the history window, ascending once the scan is done. */
    long[] daysLate = NO_DAYS;
    long recentLateSum;
    int recentItems;
    long priorLateSum;
    int priorItems;
    BigDecimal invoicedInSalesWindow = BigDecimal.ZERO;
    BigDecimal invoicedInHistory = BigDecimal.ZERO;
    /** Amount invoiced per month, index 0 the snapshot's month; null for a month without invoices. */
    BigDecimal[] monthly = NO_MONTHS;

    private final Converter converter;

    private ReceivableLedger(Converter converter) {
        this.converter = converter;
    }

    static ReceivableLedger scan(CustomerSnapshot snapshot, FactPolicy policy, boolean history, Converter converter) {
        ReceivableLedger l = new ReceivableLedger(converter);
        LocalDate asOf = snapshot.asOf();
        if (!history) {
            for (Receivable r : snapshot.receivables()) l.countOpen(r, asOf);
            return l;
        }
        LocalDate historyStart = asOf.minusMonths(policy.historyMonths());
        LocalDate recentStart = asOf.minusMonths(policy.recentMonths());
        LocalDate newCustomerStart = asOf.minusMonths(policy.newCustomerMonths());
        LocalDate salesWindowStart = asOf.minusDays(policy.salesWindowDays());
        l.monthly = new BigDecimal[policy.historyMonths()];
        long[] late = new long[snapshot.receivables().size()];
        int n = 0;
        for (Receivable r : snapshot.receivables()) {
            BigDecimal amount = l.countOpen(r, asOf);
            LocalDate issued = r.issued();
            if (!issued.isAfter(asOf)) {
                if (!issued.isBefore(salesWindowStart)) l.invoicedInSalesWindow = l.invoicedInSalesWindow.add(amount);
                if (issued.isAfter(historyStart)) {
                    l.invoicedInHistory = l.invoicedInHistory.add(amount);
                    int month = (int) ChronoUnit.MONTHS.between(issued.withDayOfMonth(1), asOf.withDayOfMonth(1));
                    if (month >= 0 && month < l.monthly.length) {
                        l.monthly[month] = l.monthly[month] == null ? amount : l.monthly[month].add(amount);
                    }
                }
            }
            if (r.due().isAfter(asOf)) continue;
            if (r.due().isAfter(newCustomerStart)) l.dueInNewCustomerWindow++;
            if (!r.due().isAfter(historyStart)) continue;
            long daysLate = r.isOpen() ? r.daysOverdueOn(asOf) : r.daysPaidLate();
            late[n++] = daysLate;
            l.historyItems++;
            l.historyAmount = l.historyAmount.add(amount);
            if (daysLate == 0) {
                l.onTime++;
                l.onTimeAmount = l.onTimeAmount.add(amount);
            }
            l.daysLateSum += daysLate;
            l.worstDaysLate = Math.max(l.worstDaysLate, daysLate);
            if (r.due().isAfter(recentStart)) {
                l.recentLateSum += daysLate;
                l.recentItems++;
            } else {
                l.priorLateSum += daysLate;
                l.priorItems++;
            }
        }
        l.daysLate = Arrays.copyOf(late, n);
        Arrays.sort(l.daysLate);
        return l;
    }

    /** Counts an open item and returns the receivable's amount in the account's currency. */
    private BigDecimal countOpen(Receivable r, LocalDate asOf) {
        BigDecimal amount = r.amount().currencyCode().equals(converter.currency()) ? r.amount().amount()
                : converter.convert(r.amount(), "receivable.amount (invoice " + r.invoiceId() + ")").amount();
        if (!r.isOpen()) return amount;
        openItems++;
        open = open.add(amount);
        long days = r.daysOverdueOn(asOf);
        if (days > 0) {
            overdueItems++;
            overdue = overdue.add(amount);
            oldestDaysOverdue = Math.max(oldestDaysOverdue, days);
        }
        return amount;
    }
}
