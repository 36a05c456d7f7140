package dev.creditcontrol.examples.bench;

import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.Receivable;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.analyst.ReceivablesPortfolio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A whole-portfolio receivables review: {@code customers} synthetic customers with exactly 20
 * invoices each (about 8 open, of every age; the rest paid), made as they are read, reviewed by
 * {@link ReceivablesPortfolio} on 2 threads in a 1 GB heap, the notices of the day counted by a
 * sink. The time includes making the snapshots; finishing in 1 GB is the memory proof.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
public class ReceivablesBenchmark {
    static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final CustomerType[] TYPES = CustomerType.values();
    private static final CreditGrade[] GRADES = CreditGrade.values();

    @Param({"1000000"})
    public long customers;

    private CreditControl control;

    @Setup(Level.Trial)
    public void setUp() {
        control = CreditControl.withDefaultRules();
    }

    /** Customers made as they are read: nothing but the batches in flight is ever in memory. */
    static Iterator<CustomerSnapshot> portfolio(long customers, long seed) {
        return new Iterator<>() {
            final SplittableRandom random = new SplittableRandom(seed);
            long made;

            @Override
            public boolean hasNext() {
                return made < customers;
            }

            @Override
            public CustomerSnapshot next() {
                long i = made++;
                Customer c = Customer.builder("C-" + i, "客户 " + i, TYPES[(int) (i % TYPES.length)]).build();
                CreditAccount a = CreditAccount.builder(Money.cny("1000000")).grade(GRADES[(int) (i % GRADES.length)]).build();
                CustomerSnapshot.Builder s = CustomerSnapshot.builder(c, a, DAY);
                for (int k = 0; k < 20; k++) {
                    int pastDue = random.nextInt(-60, 500);
                    LocalDate due = DAY.minusDays(pastDue);
                    Money amount = Money.of(java.math.BigDecimal.valueOf(random.nextLong(1_000, 5_000_000), 2), "CNY");
                    boolean open = k % 5 < 2 || pastDue < 0;
                    LocalDate paid = due.plusDays(random.nextInt(0, 30));
                    s.receivable(open ? Receivable.open("I" + k, amount, due.minusDays(90), due)
                            : Receivable.paid("I" + k, amount, due.minusDays(90), due, paid.isAfter(DAY) ? DAY : paid));
                }
                return s.build();
            }
        };
    }

    @Benchmark
    public ReceivablesPortfolio.Summary reviewPortfolio() {
        AtomicLong notices = new AtomicLong();
        ReceivablesPortfolio.Summary s = ReceivablesPortfolio.builder(control).threads(2).notices(n -> notices.incrementAndGet())
                .build().run(portfolio(customers, 42));
        if (s.customers() != customers) throw new IllegalStateException("reviewed " + s.customers() + " of " + customers + ": " + s.failures());
        System.out.printf("%n%d customers in %s; open %s CNY, provision %s CNY; %d notices%n", s.customers(), s.elapsed(),
                s.open().toPlainString(), s.provision().toPlainString(), notices.get());
        return s;
    }
}
