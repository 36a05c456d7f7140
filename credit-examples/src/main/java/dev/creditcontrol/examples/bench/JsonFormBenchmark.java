package dev.creditcontrol.examples.bench;

import dev.creditcontrol.examples.DemoPortfolio;
import dev.creditcontrol.journal.JsonForm;
import dev.creditcontrol.model.CustomerSnapshot;
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

/** The JSON form of a typical snapshot (the demo's busiest customer: 20 receivables, two licences): encode and decode. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class JsonFormBenchmark {
    private CustomerSnapshot snapshot;
    private String json;

    @Setup
    public void setUp() {
        snapshot = DemoPortfolio.create().busiest().snapshot();
        if (snapshot.receivables().size() != 20) throw new IllegalStateException("expected 20 receivables");
        json = JsonForm.toJson(snapshot);
    }

    @Benchmark
    public String encodeSnapshot() {
        return JsonForm.toJson(snapshot);
    }

    @Benchmark
    public CustomerSnapshot decodeSnapshot() {
        return JsonForm.fromJson(json, CustomerSnapshot.class);
    }
}
