package dev.creditcontrol.facts;

import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.Receivable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the scorecard and the early-warning rules see of a customer on the snapshot date:
 * payment behaviour from its receivables history, exposure, cooperation, compliance and any
 * outside information. Computed in one pass over the receivables.
 *
 * <p>Fields are {@code null} when there is nothing to measure: a customer with no payment history
 * is {@link #newCustomer() new}, and its behaviour fields are {@code null}, not "good".
 *
 * @param customerId             the customer
 * @param customerType           kind of buyer
 * @param asOf                   the snapshot date
 * @param newCustomer            fewer than three invoices due in the last 24 months
 * @param historyItems           invoices due in the last 12 months (paid or open)
 * @param onTimeShare            share of those paid (or still open) no later than due, by count; null when none
 * @param onTimeShareByAmount    the same by amount; null when none
 * @param averageDaysLate        mean days late over those invoices (open ones counted to the snapshot date); null when none
 * @param worstDaysLate          worst days late over the last 12 months; null when none
 * @param itemsLate30            invoices more than 30 days late in the last 12 months
 * @param itemsLate60            more than 60 days late
 * @param itemsLate90            more than 90 days late
 * @param trendDaysLate          mean days late of the last 3 months minus that of the 9 before (positive: worsening); null when either is empty
 * @param daysOverdue            days past due of the oldest open invoice now
 * @param overdueShare           overdue share of open receivables, 4 decimals (0 when nothing is open)
 * @param daysSalesOutstanding   open receivables / invoiced in the last 90 days × 90; null without recent sales
 * @param averageMonthlySales    invoiced per month over the last 12 months
 * @param exposure               open receivables + delivered-not-invoiced + open orders
 * @param limit                  the limit in force on the snapshot date
 * @param utilization            exposure / limit, 4 decimals; null when the limit is zero
 * @param yearsOfCooperation     whole years since the relationship began; null when unknown
 * @param orderStability         coefficient of variation of monthly invoiced amounts (lower is steadier); null with fewer than 3 months invoiced
 * @param licenceLapses          held licences not valid on the snapshot date
 * @param daysToLicenceExpiry    fewest days until a required licence expires; null when none expires
 * @param requiredLicenceMissing a licence the customer needs for every order (business or medical institution) is missing or not valid
 * @param accountFrozen          whether the account is frozen
 * @param accountGrade           the grade on the account; null when none
 * @param thirdPartyScore        outside score 0-100; null when not supplied
 * @param debtToAssets           leverage; null when not supplied
 * @param currentRatio           current ratio; null when not supplied
 */
public record AssessmentFacts(String customerId, CustomerType customerType, LocalDate asOf, boolean newCustomer,
                              int historyItems, BigDecimal onTimeShare, BigDecimal onTimeShareByAmount,
                              BigDecimal averageDaysLate, Integer worstDaysLate, int itemsLate30, int itemsLate60,
                              int itemsLate90, BigDecimal trendDaysLate, int daysOverdue, BigDecimal overdueShare,
                              BigDecimal daysSalesOutstanding, Money averageMonthlySales, Money exposure, Money limit,
                              BigDecimal utilization, Integer yearsOfCooperation, BigDecimal orderStability,
                              int licenceLapses, Integer daysToLicenceExpiry, boolean requiredLicenceMissing,
                              boolean accountFrozen, CreditGrade accountGrade, Integer thirdPartyScore,
                              BigDecimal debtToAssets, BigDecimal currentRatio) {

    /** Derives the facts from a snapshot. */
    public static AssessmentFacts derive(CustomerSnapshot snapshot) {
        if (snapshot == null) throw new IllegalArgumentException("snapshot is required but was null");
        LocalDate asOf = snapshot.asOf();
        LocalDate yearAgo = asOf.minusMonths(12);
        LocalDate quarterAgo = asOf.minusMonths(3);
        LocalDate twoYearsAgo = asOf.minusMonths(24);
        String currency = snapshot.account().currencyCode();
        int history24 = 0;
        int items = 0;
        int onTime = 0;
        BigDecimal amountAll = BigDecimal.ZERO;
        BigDecimal amountOnTime = BigDecimal.ZERO;
        long lateSum = 0;
        long worst = 0;
        int late30 = 0;
        int late60 = 0;
        int late90 = 0;
        long recentLate = 0;
        int recentItems = 0;
        long priorLate = 0;
        int priorItems = 0;
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        long oldest = 0;
        BigDecimal invoiced90 = BigDecimal.ZERO;
        BigDecimal invoiced12m = BigDecimal.ZERO;
        BigDecimal[] monthly = new BigDecimal[12];
        for (Receivable r : snapshot.receivables()) {
            BigDecimal amount = r.amount().amount();
            if (r.isOpen()) {
                open = open.add(amount);
                long d = r.daysOverdueOn(asOf);
                if (d > 0) {
                    overdue = overdue.add(amount);
                    oldest = Math.max(oldest, d);
                }
            }
            if (!r.issued().isBefore(asOf.minusDays(90)) && !r.issued().isAfter(asOf)) invoiced90 = invoiced90.add(amount);
            if (r.issued().isAfter(yearAgo) && !r.issued().isAfter(asOf)) {
                invoiced12m = invoiced12m.add(amount);
                int month = (int) ChronoUnit.MONTHS.between(r.issued().withDayOfMonth(1), asOf.withDayOfMonth(1));
                if (month >= 0 && month < 12) monthly[month] = monthly[month] == null ? amount : monthly[month].add(amount);
            }
            if (r.due().isAfter(asOf)) continue;
            if (r.due().isAfter(twoYearsAgo)) history24++;
            if (!r.due().isAfter(yearAgo)) continue;
            long daysLate = r.isOpen() ? r.daysOverdueOn(asOf) : r.daysPaidLate();
            items++;
            amountAll = amountAll.add(amount);
            if (daysLate == 0) {
                onTime++;
                amountOnTime = amountOnTime.add(amount);
            }
            lateSum += daysLate;
            worst = Math.max(worst, daysLate);
            if (daysLate > 30) late30++;
            if (daysLate > 60) late60++;
            if (daysLate > 90) late90++;
            if (r.due().isAfter(quarterAgo)) {
                recentLate += daysLate;
                recentItems++;
            } else {
                priorLate += daysLate;
                priorItems++;
            }
        }
        CreditAccount account = snapshot.account();
        Money limit = account.limitOn(asOf);
        Money exposure = Money.of(open, currency).plus(snapshot.deliveredNotInvoiced()).plus(snapshot.openOrders());
        return new AssessmentFacts(snapshot.customer().id(), snapshot.customer().type(), asOf, history24 < 3, items,
                items == 0 ? null : ratio(BigDecimal.valueOf(onTime), BigDecimal.valueOf(items)),
                items == 0 || amountAll.signum() == 0 ? null : ratio(amountOnTime, amountAll),
                items == 0 ? null : ratio(BigDecimal.valueOf(lateSum), BigDecimal.valueOf(items)),
                items == 0 ? null : Math.toIntExact(worst), late30, late60, late90,
                recentItems == 0 || priorItems == 0 ? null
                        : ratio(BigDecimal.valueOf(recentLate), BigDecimal.valueOf(recentItems))
                        .subtract(ratio(BigDecimal.valueOf(priorLate), BigDecimal.valueOf(priorItems))),
                Math.toIntExact(oldest), open.signum() == 0 ? BigDecimal.ZERO.setScale(4) : ratio(overdue, open),
                invoiced90.signum() == 0 ? null : open.multiply(BigDecimal.valueOf(90)).divide(invoiced90, 1, RoundingMode.HALF_UP),
                Money.of(invoiced12m.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP), currency), exposure, limit,
                limit.isZero() ? null : ratio(exposure.amount(), limit.amount()),
                snapshot.customer().since().map(s -> (int) ChronoUnit.YEARS.between(s, asOf)).orElse(null),
                stability(monthly), lapses(snapshot), daysToRequiredExpiry(snapshot), requiredMissing(snapshot),
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

    private static Set<LicenceType> alwaysRequired(CustomerType type) {
        return EnumSet.copyOf(LicenceRequirements.required(type, DeviceClass.I));
    }

    private static boolean requiredMissing(CustomerSnapshot s) {
        for (LicenceType t : alwaysRequired(s.customer().type())) {
            if (s.customer().licences(t).stream().noneMatch(l -> l.isValidOn(s.asOf()))) return true;
        }
        return false;
    }

    private static Integer daysToRequiredExpiry(CustomerSnapshot s) {
        Integer fewest = null;
        for (Licence l : s.customer().licences()) {
            if (!l.isValidOn(s.asOf()) || l.validUntil() == null) continue;
            int days = (int) ChronoUnit.DAYS.between(s.asOf(), l.validUntil());
            if (fewest == null || days < fewest) fewest = days;
        }
        return fewest;
    }
}
