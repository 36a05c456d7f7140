package dev.creditcontrol.examples.bench;

import dev.creditcontrol.examples.SyntheticHistory;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.analyst.PortfolioMonitor;
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

import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * A whole-portfolio run: {@code customers} synthetic customers (17-20 invoices each), made as they
 * are read, assessed by {@link PortfolioMonitor} on 2 threads in a 1 GB heap. The time includes
 * making the snapshots. The heap is capped at 1 GB, so finishing is the memory proof; for the peak
 * and the live set, add a GC log: {@code -jvmArgsAppend -Xmx1g -jvmArgsAppend -Xlog:gc:file=gc.log}
 * (command-line JVM arguments replace the ones below). Alerts are kept in the summary (the
 * memory-hungry case); with {@code PortfolioMonitor.Builder.alerts(sink)} they are not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
public class PortfolioBenchmark {
    @Param({"1000000"})
    public long customers;

    private CreditControl control;

    @Setup(Level.Trial)
    public void setUp() {
        control = CreditControl.withDefaultRules();
    }

    @Benchmark
    public PortfolioMonitor.Summary assessPortfolio() {
        Iterator<CustomerSnapshot> snapshots = SyntheticHistory.snapshots(customers, 42);
        PortfolioMonitor.Summary s = PortfolioMonitor.builder(control).threads(2).build().run(snapshots);
        if (s.assessed() != customers) throw new IllegalStateException("assessed " + s.assessed() + " of " + customers);
        System.out.printf("%n%d customers in %s; per level %s; %d alerts%n", s.assessed(), s.elapsed(), s.perLevel(), s.alerts().size());
        return s;
    }
}
