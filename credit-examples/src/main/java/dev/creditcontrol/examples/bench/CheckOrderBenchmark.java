package dev.creditcontrol.examples.bench;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.examples.DemoPortfolio;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * {@code checkOrder} on the demo portfolio's busiest customer (a hospital with 20 receivables),
 * with a two-line order, on one and on two threads sharing one {@link CreditControl}.
 * SampleTime gives mean and p99 per check; Throughput gives the two-thread scaling.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class CheckOrderBenchmark {
    private CreditControl control;
    private CustomerSnapshot snapshot;
    private OrderRequest order;

    @Setup
    public void setUp() {
        control = CreditControl.withDefaultRules();
        DemoPortfolio.Account account = DemoPortfolio.create().busiest();
        snapshot = account.snapshot();
        order = OrderRequest.builder("SO-BENCH", account.customer().id(), DemoPortfolio.TODAY)
                .line("PM-300", DeviceClass.II, "07", Money.cny("56000"))
                .line("US-7000", DeviceClass.III, "06", Money.cny("680000"))
                .build();
        if (snapshot.receivables().size() != 20) throw new IllegalStateException("expected 20 receivables");
    }

    @Benchmark
    @Threads(1)
    public CreditDecision checkOrderOneThread() {
        return control.checkOrder(order, snapshot);
    }

    @Benchmark
    @Threads(2)
    public CreditDecision checkOrderTwoThreads() {
        return control.checkOrder(order, snapshot);
    }
}
