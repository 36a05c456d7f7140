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

    private static final CustomerType[] TYPES = {CustomerType.HOSPITAL, CustomerType.HOSPITAL, CustomerType.HOSPITAL,
            CustomerType.CLINIC, CustomerType.CLINIC, CustomerType.DISTRIBUTOR, CustomerType.DISTRIBUTOR,
            CustomerType.DISTRIBUTOR, CustomerType.AGENT, CustomerType.AGENT};

    private static LabelledSnapshot customer(Random r, long n) {
        CustomerType type = TYPES[r.nextInt(TYPES.length)];
        double risk = Math.pow(r.nextDouble(), 1.4);
        boolean hospital = type == CustomerType.HOSPITAL || type == CustomerType.CLINIC;
        String id = "S-" + n;
        Customer.Builder c = Customer.builder(id, "synthetic " + n, type)
                .since(OBSERVED.minusYears(1 + (long) ((1 - risk) * 12 * r.nextDouble())));
        c.licence(new Licence(LicenceType.BUSINESS_LICENCE, "B-" + n, LocalDate.of(2010, 1, 1), null, Set.of()));
        boolean lapsed = risk > 0.7 && r.nextDouble() < 0.3;
        LicenceType main = hospital ? LicenceType.MEDICAL_INSTITUTION_LICENCE : LicenceType.DEVICE_OPERATION_LICENCE;
        c.licence(new Licence(main, "L-" + n, LocalDate.of(2019, 1, 1),
                lapsed ? OBSERVED.minusDays(1 + r.nextInt(200)) : OBSERVED.plusDays(30 + r.nextInt(1500)), Set.of()));
        long limit = 500_000L + 100_000L * r.nextInt(45);
        CreditAccount account = CreditAccount.builder(Money.cny(String.valueOf(limit))).paymentTermDays(hospital ? 180 : 90).build();
        CustomerSnapshot.Builder s = CustomerSnapshot.builder(c.build(), account, OBSERVED);
        double meanLate = 3 + 55 * risk + (hospital ? 15 : 0);
        double size = limit / 12.0;
        int term = hospital ? 180 : 90;
        for (int m = 0; m < 14 + term / 30; m++) {
            LocalDate issued = OBSERVED.minusMonths(m).minusDays(r.nextInt(25));
            LocalDate due = issued.plusDays(term);
            double volatility = 0.15 + 0.9 * risk;
            double amount = Math.max(1000, size * (1 + volatility * r.nextGaussian() * 0.6));
            Money money = Money.of(BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP), "CNY");
            long late = r.nextDouble() < 0.55 - 0.4 * risk ? 0 : (long) (-meanLate * Math.log(1 - r.nextDouble()));
            LocalDate paid = due.plusDays(late);
            String inv = id + "-" + m;
            s.receivable(paid.isAfter(OBSERVED) || !due.isBefore(OBSERVED)
                    ? Receivable.open(inv, money, issued, due)
                    : Receivable.paid(inv, money, issued, due, paid));
        }
        if (r.nextDouble() < 0.6) {
            int score = (int) Math.max(0, Math.min(100, Math.round(88 - 55 * risk + 8 * r.nextGaussian())));
            String leverage = BigDecimal.valueOf(Math.max(0.05, 0.35 + 0.45 * risk + 0.1 * r.nextGaussian())).setScale(2, RoundingMode.HALF_UP).toPlainString();
            String current = BigDecimal.valueOf(Math.max(0.2, 2.1 - 1.2 * risk + 0.3 * r.nextGaussian())).setScale(2, RoundingMode.HALF_UP).toPlainString();
            s.financials(Financials.of(score, leverage, current));
        }
        double p = 1 / (1 + Math.exp(-(-3.6 + 5.2 * risk + 0.6 * r.nextGaussian())));
        return new LabelledSnapshot(s.build(), r.nextDouble() < p);
    }
}
