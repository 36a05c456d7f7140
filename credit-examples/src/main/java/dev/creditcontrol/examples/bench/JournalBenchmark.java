package dev.creditcontrol.examples.bench;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.examples.DemoPortfolio;
import dev.creditcontrol.journal.DecisionJournal;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.rules.CreditControl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code checkOrder} with the directory journal: every decision fsynced before it returns, on
 * one caller thread and on sixteen (group commit). Throughput gives durable decisions per second,
 * SampleTime the latency percentiles. The journal lives in a fresh temporary directory per fork
 * ({@code -Djournal.dir=...} to put it on another disk). Run as {@code -bm thrpt -tu s} for decisions per
 * second and {@code -bm sample -tu us} for the percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JournalBenchmark {
    private CreditControl control;
    private CustomerSnapshot snapshot;
    private OrderRequest order;
    private Path dir;

    @Setup
    public void setUp() throws IOException {
        String base = System.getProperty("journal.dir");
        dir = base == null ? Files.createTempDirectory("journal-bench") : Files.createTempDirectory(Path.of(base), "journal-bench");
        control = CreditControl.builder().journal(DecisionJournal.inDirectory(dir)).build();
        DemoPortfolio.Account account = DemoPortfolio.create().busiest();
        snapshot = account.snapshot();
        order = OrderRequest.builder("SO-BENCH", account.customer().id(), DemoPortfolio.TODAY)
                .line("PM-300", DeviceClass.II, "07", Money.cny("56000"))
                .line("US-7000", DeviceClass.III, "06", Money.cny("680000"))
                .build();
    }

    @TearDown
    public void tearDown() throws IOException {
        control.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @Threads(1)
    public CreditDecision journalledOneThread() {
        return control.checkOrder(order, snapshot);
    }

    @Benchmark
    @Threads(16)
    public CreditDecision journalledSixteenThreads() {
        return control.checkOrder(order, snapshot);
    }
}
