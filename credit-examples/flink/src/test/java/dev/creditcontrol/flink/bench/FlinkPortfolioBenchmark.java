package dev.creditcontrol.flink.bench;

import dev.creditcontrol.examples.SyntheticHistory;
import dev.creditcontrol.flink.CreditJobs;
import dev.creditcontrol.flink.PortfolioJob;
import dev.creditcontrol.flink.PortfolioTally;
import dev.creditcontrol.flink.RuleSetRef;
import dev.creditcontrol.journal.JsonForm;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.analyst.PortfolioMonitor;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * One portfolio of {@code customers} synthetic customers as JSON Lines, re-assessed four ways in one run on the same machine, each a nightly batch in a fresh JVM (a fork per
 * measurement, no warm-up: the rule set is compiled and the JIT warms up inside the measured
 * time, as in a batch process): the Flink portfolio job at parallelism 2 on a local MiniCluster
 * (read, spread over the tasks, assess, write every assessment, the alerts and the summary; the
 * cluster's start included), the same job over the lines split in eight files, each task assessing
 * what it read ({@code --no-rebalance}), {@link PortfolioMonitor} on 2 threads reading the same file (the
 * iterator parses; alerts and summary kept in memory, nothing written), and {@link PortfolioMonitor}
 * on 2 threads over snapshots generated in memory (no JSON at all: the "one process" figure).
 * For a long-running host whose engine is already warm, add {@code -wi 1 -f 1}.
 *
 * <p>Run: {@code java -cp <credit-flink test class path> org.openjdk.jmh.Main FlinkPortfolioBenchmark}
 * (see README, "Scaling out"). The input is written once to {@code -Dbench.dir} (default the
 * temporary folder) and reused.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xmx6g", "-Xms6g"})
public class FlinkPortfolioBenchmark {
    @Param({"1000000"})
    public int customers;

    private Path input;
    /** The same lines in {@value #PARTS} files, as a large export usually comes. */
    private Path parts;
    private static final int PARTS = 8;
    private Path output;
    private RuleSetRef rules;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        input = dir.resolve("credit-portfolio-" + customers + ".jsonl");
        if (!Files.exists(input)) {
            Path partial = dir.resolve(input.getFileName() + ".part");
            try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                Iterator<CustomerSnapshot> it = SyntheticHistory.snapshots(customers, 42);
                while (it.hasNext()) {
                    w.write(JsonForm.toJson(it.next()));
                    w.write('\n');
                }
            }
            Files.move(partial, input);
        }
        parts = dir.resolve("credit-portfolio-" + customers + "-in-" + PARTS);
        if (!Files.isDirectory(parts)) {
            Path partial = dir.resolve(parts.getFileName() + ".part");
            Files.createDirectories(partial);
            Writer[] out = new Writer[PARTS];
            for (int i = 0; i < PARTS; i++) out[i] = Files.newBufferedWriter(partial.resolve("part-" + i + ".jsonl"), StandardCharsets.UTF_8);
            try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
                long n = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    Writer w = out[(int) (n++ * PARTS / customers)];
                    w.write(line);
                    w.write('\n');
                }
            } finally {
                for (Writer w : out) w.close();
            }
            Files.move(partial, parts);
        }
        output = Files.createTempDirectory(dir, "credit-portfolio-out");
        rules = RuleSetRef.current(RuleSetRef.BUNDLED);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        delete(output);
    }

    /** The job over the one file: one reader, the lines spread over the two tasks. */
    @Benchmark
    public long flinkJobParallelism2() throws Exception {
        return flinkJob(input, true);
    }

    /** The job over the same lines in eight files ({@code --no-rebalance}): each task assesses what it read. */
    @Benchmark
    public long flinkJobParallelism2EightFiles() throws Exception {
        return flinkJob(parts, false);
    }

    private long flinkJob(Path from, boolean rebalance) throws Exception {
        Path out = output.resolve("run-" + System.nanoTime());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(2);
        env.getConfig().enableObjectReuse();
        PortfolioJob.Outputs o = PortfolioJob.build(env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new org.apache.flink.core.fs.Path(from.toString())).build(), WatermarkStrategy.noWatermarks(), "read"), rules, rebalance);
        o.assessments().sinkTo(CreditJobs.sink(out.toString(), "assessments"));
        o.alerts().sinkTo(CreditJobs.sink(out.toString(), "alerts"));
        o.failures().sinkTo(CreditJobs.sink(out.toString(), "failures"));
        o.summary().sinkTo(CreditJobs.sink(out.toString(), "summary"));
        env.execute("portfolio benchmark");
        long assessed;
        try (var files = Files.walk(out.resolve("summary"))) {
            Path summary = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
            assessed = PortfolioTally.fromJson(Files.readAllLines(summary).get(0)).assessed();
        }
        delete(out);
        return check(assessed);
    }

    @Benchmark
    public long portfolioMonitorThreads2FromTheSameFile() throws IOException {
        try (CreditControl control = CreditControl.withDefaultRules();
             BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            Iterator<CustomerSnapshot> snapshots = new Iterator<>() {
                String next = read();

                private String read() {
                    try {
                        return in.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public CustomerSnapshot next() {
                    String line = next;
                    next = read();
                    return JsonForm.fromJson(line, CustomerSnapshot.class);
                }
            };
            return check(PortfolioMonitor.builder(control).threads(2).build().run(snapshots).assessed());
        }
    }

    @Benchmark
    public long portfolioMonitorThreads2Generated() {
        try (CreditControl control = CreditControl.withDefaultRules()) {
            return check(PortfolioMonitor.builder(control).threads(2).build().run(SyntheticHistory.snapshots(customers, 42)).assessed());
        }
    }

    private long check(long assessed) {
        if (assessed != customers) throw new IllegalStateException("assessed " + assessed + " of " + customers);
        return assessed;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
