package dev.creditcontrol.facts;

import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.ExchangeRates;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the scorecard and the early-warning rules see of a customer on the snapshot date:
 * payment behaviour from its receivables history, exposure, cooperation, compliance and any
 * outside information. Derived in the same single pass over the receivables as the order facts,
 * with the windows of the rule set's {@link FactPolicy} (below, "the history window" is
 * {@code history.months}, 12 in the bundled rule set).
 *
 * <p>Fields are {@code null} when there is nothing to measure: a customer with no payment history
 * is {@link #newCustomer() new}, and its behaviour fields are {@code null}, not "good".
 *
 * @param customerId             the customer
 * @param customerType           kind of buyer
 * @param asOf                   the snapshot date
 * @param newCustomer            fewer than {@code history.newCustomerInvoices} invoices due in {@code history.newCustomerMonths}
 * @param historyItems           invoices due in the history window (paid or open)
 * @param onTimeShare            share of those paid (or still open) no later than due, by count; null when none
 * @param onTimeShareByAmount    the same by amount; null when none
 * @param averageDaysLate        mean days late over those invoices (open ones counted to the snapshot date); null when none
 * @param worstDaysLate          worst days late over the history window; null when none
 * @param daysLateHistory        days late of each invoice due in the history window, ascending (see {@link #itemsLateBeyond(int)})
 * @param trendDaysLate          mean days late of the recent months minus that of the rest of the window (positive: worsening); null when either is empty
 * @param recentDaysLate         mean days late of the invoices due in the recent months ({@code history.recentMonths}),
 *                               open ones counted to the snapshot date: the payment behaviour of late, which predicts
 *                               the next months better than the whole window; null when none fell due then
 * @param daysOverdue            days past due of the oldest open invoice now
 * @param overdueShare           overdue share of open receivables, 4 decimals (0 when nothing is open)
 * @param daysSalesOutstanding   open receivables / invoiced in the sales window × its days; null without recent sales
 * @param averageMonthlySales    invoiced per month over the history window
 * @param exposure               open receivables + delivered-not-invoiced + open orders + acceptance bills at
 *                               risk, in the account's currency: the same exposure an order is judged on, without the order
 * @param limit                  the limit in force on the snapshot date, raised by valid securities as for an order
 * @param utilization            exposure / limit, 4 decimals; null when the limit is zero
 * @param groupUtilization       the credit group's exposure (other members + this customer) / its pooled limit,
 *                               4 decimals; null without a group or with a zero pooled limit
 * @param yearsOfCooperation     whole years since the relationship began; null when unknown
 * @param orderStability         coefficient of variation of monthly invoiced amounts (lower is steadier); null with fewer than 3 months invoiced
 * @param licenceLapses          held licences not valid on the snapshot date
 * @param daysToLicenceExpiry    fewest days until a held licence the buyer type may need expires; null when none expires
 * @param requiredLicenceMissing a licence the customer needs for every order (per the rule set's licence table) is missing or not valid
 * @param lapsedLicences         licence types the buyer type needs for some device class (per the licence table) that the
 *                               customer holds, none of them valid on the snapshot date: lapsed, not renewed; by name
 * @param accountFrozen          whether the account is frozen
 * @param accountGrade           the grade on the account; null when none
 * @param thirdPartyScore        outside score 0-100; null when not supplied
 * @param debtToAssets           leverage; null when not supplied
 * @param currentRatio           current ratio; null when not supplied
 */
public record AssessmentFacts(String customerId, CustomerType customerType, LocalDate asOf, boolean newCustomer,
                              int historyItems, BigDecimal onTimeShare, BigDecimal onTimeShareByAmount,
                              BigDecimal averageDaysLate, Integer worstDaysLate, List<Integer> daysLateHistory,
                              BigDecimal trendDaysLate, BigDecimal recentDaysLate, int daysOverdue, BigDecimal overdueShare,
                              BigDecimal daysSalesOutstanding, Money averageMonthlySales, Money exposure, Money limit,
                              BigDecimal utilization, BigDecimal groupUtilization, Integer yearsOfCooperation, BigDecimal orderStability,
                              int licenceLapses, Integer daysToLicenceExpiry, boolean requiredLicenceMissing,
                              List<LicenceType> lapsedLicences,
                              boolean accountFrozen, CreditGrade accountGrade, Integer thirdPartyScore,
                              BigDecimal debtToAssets, BigDecimal currentRatio) {

    /** Copies the history list. */
    public AssessmentFacts {
        daysLateHistory = List.copyOf(daysLateHistory);
        lapsedLicences = List.copyOf(lapsedLicences);
    }

    /** The lapsed licence types by name, separated by commas (for messages). */
    public String lapsedLicenceNames() {
        StringBuilder b = new StringBuilder();
        for (LicenceType t : lapsedLicences) b.append(b.length() == 0 ? "" : ", ").append(t.name());
        return b.toString();
    }

    /** Invoices due in the history window that were (or are) more than {@code days} days late. */
    public int itemsLateBeyond(int days) {
        int n = 0;
        for (int i = daysLateHistory.size() - 1; i >= 0 && daysLateHistory.get(i) > days; i--) n++;
        return n;
    }

    /**
     * Derives the facts from a snapshot with the rule set's windows and licence table.
     *
     * @throws IllegalArgumentException when the snapshot or policy is null
     */
    public static AssessmentFacts derive(CustomerSnapshot snapshot, FactPolicy policy) {
        if (snapshot == null) throw new IllegalArgumentException("snapshot is required but was null");
        return derive(snapshot, policy, Converter.of(ExchangeRates.none(), snapshot.account().currencyCode(), snapshot.asOf()));
    }

    /**
     * Derives the facts, converting every amount into the account's currency at the rates in force
     * on the snapshot date.
     *
     * @throws IllegalArgumentException when an argument is null, or an amount's currency has no rate
     *                                  on the snapshot date (naming both currencies and the date)
     */
    public static AssessmentFacts derive(CustomerSnapshot snapshot, FactPolicy policy, Converter converter) {
        if (snapshot == null) throw new IllegalArgumentException("snapshot is required but was null");
        if (policy == null) throw new IllegalArgumentException("policy is required but was null");
        if (converter == null) throw new IllegalArgumentException("converter is required but was null");
        LocalDate asOf = snapshot.asOf();
        String currency = snapshot.account().currencyCode();
        if (!converter.currency().equals(currency) || !converter.on().equals(asOf)) {
            throw new IllegalArgumentException("converter must convert into the account's currency " + currency
                    + " on the snapshot date " + asOf + ", not into " + converter.currency() + " on " + converter.on());
        }
        ReceivableLedger l = ReceivableLedger.scan(snapshot, policy, true, converter);
        int items = l.historyItems;
        List<Integer> lateness = new ArrayList<>(l.daysLate.length);
        for (long d : l.daysLate) lateness.add(Math.toIntExact(d));
        CreditAccount account = snapshot.account();
        // the same exposure and limit an order is judged on, without the order
        Money zero = Money.zero(currency);
        Money cover = CreditFacts.securityCover(snapshot, policy, converter, asOf, zero);
        Money limit = cover.isZero() ? account.limitOn(asOf) : account.limitOn(asOf).plus(cover);
        Money exposure = Money.of(l.open, currency).plus(converter.convert(snapshot.deliveredNotInvoiced(), "snapshot.deliveredNotInvoiced"))
                .plus(converter.convert(snapshot.openOrders(), "snapshot.openOrders"));
        Money bills = CreditFacts.billsAtRisk(snapshot, policy, converter, asOf, zero);
        if (!bills.isZero()) exposure = exposure.plus(bills);
        BigDecimal groupUtilization = snapshot.group().isEmpty() ? null
                : CreditFacts.group(snapshot, converter, true, exposure).map(GroupExposure::utilizationAfter).orElse(null);
        LicenceRequirements licences = policy.licences();
        CustomerType type = snapshot.customer().type();
        return new AssessmentFacts(snapshot.customer().id(), type, asOf,
                l.dueInNewCustomerWindow < policy.newCustomerInvoices(), items,
                items == 0 ? null : ratio(BigDecimal.valueOf(l.onTime), BigDecimal.valueOf(items)),
                items == 0 || l.historyAmount.signum() == 0 ? null : ratio(l.onTimeAmount, l.historyAmount),
                items == 0 ? null : ratio(BigDecimal.valueOf(l.daysLateSum), BigDecimal.valueOf(items)),
                items == 0 ? null : Math.toIntExact(l.worstDaysLate), lateness,
                l.recentItems == 0 || l.priorItems == 0 ? null
                        : ratio(BigDecimal.valueOf(l.recentLateSum), BigDecimal.valueOf(l.recentItems))
                        .subtract(ratio(BigDecimal.valueOf(l.priorLateSum), BigDecimal.valueOf(l.priorItems))),
                l.recentItems == 0 ? null : ratio(BigDecimal.valueOf(l.recentLateSum), BigDecimal.valueOf(l.recentItems)),
                Math.toIntExact(l.oldestDaysOverdue), l.open.signum() == 0 ? BigDecimal.ZERO.setScale(4) : ratio(l.overdue, l.open),
                l.invoicedInSalesWindow.signum() == 0 ? null : l.open.multiply(BigDecimal.valueOf(policy.salesWindowDays()))
                        .divide(l.invoicedInSalesWindow, 1, RoundingMode.HALF_UP),
                Money.rounded(l.invoicedInHistory.divide(BigDecimal.valueOf(policy.historyMonths()), 2, RoundingMode.HALF_UP), currency),
                exposure, limit, limit.isZero() ? null : ratio(exposure.amount(), limit.amount()), groupUtilization,
                snapshot.customer().since().map(s -> (int) ChronoUnit.YEARS.between(s, asOf)).orElse(null),
                stability(l.monthly), lapses(snapshot), daysToExpiry(snapshot, licences.anyRequired(type)),
                requiredMissing(snapshot, licences.alwaysRequired(type)), lapsed(snapshot, licences.anyRequired(type)),
                account.frozen(), account.grade().orElse(null),
                snapshot.financials().thirdPartyScore().isPresent() ? snapshot.financials().thirdPartyScore().getAsInt() : null,
                snapshot.financials().debtToAssets().orElse(null), snapshot.financials().currentRatio().orElse(null));
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, 4, RoundingMode.HALF_UP);
    }

    /** Coefficient of variation over the months that had invoices. */
    private static BigDecimal stability(BigDecimal[] monthly) {
        int n = 0;
        double sum = 0;
        for (BigDecimal m : monthly) {
            if (m != null) {
                n++;
                sum += m.doubleValue();
            }
        }
        if (n < 3 || sum == 0) return null;
        double mean = sum / n;
        double var = 0;
        for (BigDecimal m : monthly) if (m != null) var += Math.pow(m.doubleValue() - mean, 2);
        return BigDecimal.valueOf(Math.sqrt(var / n) / mean).setScale(4, RoundingMode.HALF_UP);
    }

    private static int lapses(CustomerSnapshot s) {
        int n = 0;
        for (Licence l : s.customer().licences()) if (!l.isValidOn(s.asOf())) n++;
        return n;
    }

    private static boolean requiredMissing(CustomerSnapshot s, Set<LicenceType> always) {
        for (LicenceType t : always) {
            if (s.customer().licences(t).stream().noneMatch(l -> l.isValidOn(s.asOf()))) return true;
        }
        return false;
    }

    private static List<LicenceType> lapsed(CustomerSnapshot s, Set<LicenceType> relevant) {
        List<LicenceType> lapsed = new ArrayList<>(0);
        for (LicenceType t : LicenceType.values()) {
            if (!relevant.contains(t)) continue;
            List<Licence> held = s.customer().licences(t);
            if (!held.isEmpty() && held.stream().noneMatch(l -> l.isValidOn(s.asOf()))) lapsed.add(t);
        }
        return lapsed;
    }

    private static Integer daysToExpiry(CustomerSnapshot s, Set<LicenceType> relevant) {
        Integer fewest = null;
        for (Licence l : s.customer().licences()) {
            if (!relevant.contains(l.type()) || !l.isValidOn(s.asOf()) || l.validUntil() == null) continue;
            int days = (int) ChronoUnit.DAYS.between(s.asOf(), l.validUntil());
            if (fewest == null || days < fewest) fewest = days;
        }
        return fewest;
    }
}
