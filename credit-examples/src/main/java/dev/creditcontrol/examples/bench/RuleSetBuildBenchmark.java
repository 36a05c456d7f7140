package dev.creditcontrol.examples.bench;

import dev.creditcontrol.rules.CreditControl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Time to load the bundled rule set (read, lint, compile, warm up) as the first thing a fresh JVM
 * does: one shot per fork, so every sample is a cold start.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class RuleSetBuildBenchmark {

    @Benchmark
    public CreditControl loadBundledRuleSetInFreshJvm() {
        return CreditControl.withDefaultRules();
    }
}
