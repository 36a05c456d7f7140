package dev.creditcontrol.examples.bench;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.examples.DemoPortfolio;
import dev.creditcontrol.model.CustomerSnapshot;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** {@code assess} of the demo portfolio's busiest customer (20 receivables): mean and p99 per customer. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class AssessBenchmark {
    private CreditControl control;
    private CustomerSnapshot snapshot;

    @Setup
    public void setUp() {
        control = CreditControl.withDefaultRules();
        snapshot = DemoPortfolio.create().busiest().snapshot();
    }

    @Benchmark
    public CreditAssessment assessOneCustomer() {
        return control.assess(snapshot);
    }
}
