package dev.creditcontrol.examples;

import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.Financials;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.Receivable;
import dev.creditcontrol.rules.analyst.LabelledSnapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic labelled history for demonstrating the calibration: customers observed on one
 * date with 14 months of invoices, and whether they later turned bad. Each customer has a hidden
 * risk that drives, with noise, how late it pays, how steady its orders are, its outside score
 * and ratios, and its chance of turning bad; the calibration only sees the snapshots. Deterministic.
 */
public final class SyntheticHistory {
    /** The observation date of every snapshot. */
    public static final LocalDate OBSERVED = LocalDate.of(2025, 12, 31);

    private SyntheticHistory() {}

    public static List<LabelledSnapshot> generate(int customers, long seed) {
        List<LabelledSnapshot> history = new ArrayList<>(customers);
        stream(customers, seed).forEachRemaining(history::add);
        return history;
    }

    /** The same customers, made one at a time as they are read: for portfolio runs of millions in bounded memory. */
    public static Iterator<LabelledSnapshot> stream(long customers, long seed) {
        Random r = new Random(seed);
        return new Iterator<>() {
            long n;

            @Override
            public boolean hasNext() {
                return n < customers;
            }

            @Override
            public LabelledSnapshot next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                return customer(r, n++);
            }
        };
    }

    /** The same customers' snapshots without their labels, made as they are read: a portfolio to assess. */
    public static Iterator<dev.creditcontrol.model.CustomerSnapshot> snapshots(long customers, long seed) {
        Iterator<LabelledSnapshot> labelled = stream(customers, seed);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return labelled.hasNext();
            }

            @Override
            public dev.creditcontrol.model.CustomerSnapshot next() {
                return labelled.next().snapshot();
            }
        };
    }

    private static final CustomerType[] TYPES = {CustomerType.HOSPITAL, CustomerType.HOSPITAL, CustomerType.HOSPITAL,
            CustomerType.CLINIC, CustomerType.CLINIC, CustomerType.DISTRIBUTOR, CustomerType.DISTRIBUTOR,
            CustomerType.DISTRIBUTOR, CustomerType.AGENT, CustomerType.AGENT};

    /**
     * One customer. The hidden risk shows first in how it pays (as trade-credit bureaus find:
     * payment behaviour predicts best), more weakly in how much of its limit it uses, how long it
     * has bought, how steady its orders are, its licences and its outside score and ratios. Some
     * customers are slipping: they stopped paying some weeks before the observation date (what fell
     * due since is open), and slipping raises the chance of turning bad as much as the hidden risk does. Hospitals and clinics pay
     * later than distributors whatever their risk (public budgets), so lateness means less there.
     */
    private static LabelledSnapshot customer(Random r, long n) {
        CustomerType type = TYPES[r.nextInt(TYPES.length)];
        double risk = Math.pow(r.nextDouble(), 1.4);
        boolean hospital = type == CustomerType.HOSPITAL || type == CustomerType.CLINIC;
        boolean slipping = r.nextDouble() < 0.06 + 0.3 * risk;
        // a slipping customer stopped paying some weeks ago: what fell due since is still open
        LocalDate stopped = OBSERVED.minusDays(15 + r.nextInt(100));
        String id = "S-" + n;
        Customer.Builder c = Customer.builder(id, "synthetic " + n, type)
                .since(OBSERVED.minusYears(1 + (long) ((1 - 0.6 * risk) * 10 * r.nextDouble())));
        c.licence(new Licence(LicenceType.BUSINESS_LICENCE, "B-" + n, LocalDate.of(2010, 1, 1), null, Set.of()));
        boolean lapsed = r.nextDouble() < 0.03 + 0.25 * risk;
        LicenceType main = hospital ? LicenceType.MEDICAL_INSTITUTION_LICENCE : LicenceType.DEVICE_OPERATION_LICENCE;
        c.licence(new Licence(main, "L-" + n, LocalDate.of(2019, 1, 1),
                lapsed ? OBSERVED.minusDays(1 + r.nextInt(200)) : OBSERVED.plusDays(30 + r.nextInt(1500)), Set.of()));
        int term = hospital ? 90 : 60;
        double size = 20_000 + 380_000 * r.nextDouble();
        // exposure is about term/30 months of sales plus what is paid late; riskier customers run closer to the limit
        double use = Math.max(0.15, Math.min(1.3, 0.5 + 0.3 * risk + 0.2 * r.nextGaussian()));
        long limit = Math.max(100_000L, Math.round(size * (term + 20) / 30.0 / use / 10_000) * 10_000);
        CreditAccount account = CreditAccount.builder(Money.cny(String.valueOf(limit))).paymentTermDays(term).build();
        CustomerSnapshot.Builder s = CustomerSnapshot.builder(c.build(), account, OBSERVED);
        double volatility = 0.3 + 0.06 * risk;
        for (int m = 0; m < 14 + term / 30; m++) {
            LocalDate issued = OBSERVED.minusMonths(m).minusDays(r.nextInt(25));
            LocalDate due = issued.plusDays(term);
            boolean recent = !due.isBefore(OBSERVED.minusMonths(3));
            boolean unpaid = slipping && due.isAfter(stopped);
            double amount = Math.max(1000, size * (1 + volatility * r.nextGaussian() * 0.6));
            Money money = Money.of(BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP), "CNY");
            double pLate = 0.1 + 0.7 * risk + (slipping && recent ? 0.2 : 0) + (hospital ? 0.15 : 0);
            double meanLate = 3 + 50 * risk + (slipping && recent ? 20 : 0) + (hospital ? 20 : 0);
            long late = r.nextDouble() >= pLate ? 0 : 1 + (long) (-meanLate * Math.log(1 - r.nextDouble()));
            LocalDate paid = due.plusDays(late);
            String inv = id + "-" + m;
            s.receivable(unpaid || paid.isAfter(OBSERVED) || !due.isBefore(OBSERVED)
                    ? Receivable.open(inv, money, issued, due)
                    : Receivable.paid(inv, money, issued, due, paid));
        }
        if (r.nextDouble() < 0.6) {
            int score = (int) Math.max(0, Math.min(100, Math.round(80 - 25 * risk + 15 * r.nextGaussian())));
            String leverage = BigDecimal.valueOf(Math.max(0.05, 0.45 + 0.15 * risk + 0.2 * r.nextGaussian())).setScale(2, RoundingMode.HALF_UP).toPlainString();
            String current = BigDecimal.valueOf(Math.max(0.2, 1.8 - 0.4 * risk + 0.5 * r.nextGaussian())).setScale(2, RoundingMode.HALF_UP).toPlainString();
            s.financials(Financials.of(score, leverage, current));
        }
        double p = 1 / (1 + Math.exp(-(-3.5 + 2.6 * risk + 2.4 * (slipping ? 1 : 0) + 0.5 * r.nextGaussian())));
        return new LabelledSnapshot(s.build(), r.nextDouble() < p);
    }
}
