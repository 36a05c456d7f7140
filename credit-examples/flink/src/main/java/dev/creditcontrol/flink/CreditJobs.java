package dev.creditcontrol.flink;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.fs.Path;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The job jar's entry point: {@code flink run credit-flink-jobs.jar portfolio|backtest|reassess …}.
 * Reads and writes JSON Lines through Flink's file connector (any file system the cluster
 * knows: local, HDFS, S3); each output is a folder of part files. Without {@code --rules-sha256}
 * the rule set is compiled once at submission to learn its hash, which every task then checks.
 */
@Command(name = "credit-flink-jobs", mixinStandardHelpOptions = true, version = "credit-flink-jobs 0.1.0",
        subcommands = {CreditJobs.Portfolio.class, CreditJobs.BacktestCommand.class, CreditJobs.Reassess.class},
        description = "credit-control jobs on Apache Flink.")
public final class CreditJobs {
    private CreditJobs() {}

    public static void main(String[] args) {
        int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if (code != 0) System.exit(code);
    }

    /**
     * Runs a command line: 0 when the job finished, 2 on bad arguments or input the job cannot start
     * on (one line saying which), 1 when the job failed (one line with the first cause's message).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new CreditJobs());
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
            err.println("credit-flink-jobs " + command.getCommandName() + ": " + Failures.message(cause));
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        return cli.execute(args);
    }

    /** Options every job has. */
    static class Common {
        @Option(names = "--input", required = true, paramLabel = "PATH", description = "JSON Lines file or folder")
        String input;

        @Option(names = "--output", required = true, paramLabel = "DIR", description = "folder for the outputs (one sub-folder each)")
        String output;

        @Option(names = "--rules", paramLabel = "DIR|bundled", defaultValue = RuleSetRef.BUNDLED,
                description = "rule-set folder every task manager can read, or 'bundled' (default)")
        String rules;

        @Option(names = "--rules-sha256", paramLabel = "HEX",
                description = "content hash the rule set must have (as 'credit-rules publish' prints it); tasks refuse another")
        String sha256;

        @Option(names = "--parallelism", paramLabel = "N", description = "tasks (default: the cluster's)")
        Integer parallelism;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        RuleSetRef ruleSet() {
            RuleSetRef ref = sha256 == null ? RuleSetRef.current(rules) : new RuleSetRef(rules, sha256);
            spec.commandLine().getOut().println("rule set " + ref.location() + " sha256 " + ref.sha256());
            return ref;
        }

        StreamExecutionEnvironment environment(RuntimeExecutionMode mode) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setRuntimeMode(mode);
            if (parallelism != null) env.setParallelism(parallelism);
            // functions keep no reference to what they emit
            env.getConfig().enableObjectReuse();
            return env;
        }

        DataStream<String> lines(StreamExecutionEnvironment env, Duration monitor) {
            FileSource.FileSourceBuilder<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(input));
            if (monitor != null) source.monitorContinuously(monitor);
            return env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "read " + input).uid("read");
        }

        void write(DataStream<String> lines, String name) {
            lines.sinkTo(sink(output, name)).name("write " + name).uid("write-" + name);
        }
    }

    /** A folder of JSON Lines part files under {@code output/name}. */
    public static FileSink<String> sink(String output, String name) {
        return FileSink.forRowFormat(new Path(output, name), new LineEncoder())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix(name).withPartSuffix(".jsonl").build()).build();
    }

    @Command(name = "portfolio", description = "Re-assess every snapshot: assessments/, alerts/, failures/, summary/.")
    static final class Portfolio extends Common implements Callable<Integer> {
        @Option(names = "--no-rebalance", description = "assess each line in the task that read it (input of many files: "
                + "saves shipping every line between tasks)")
        boolean noRebalance;

        @Override
        public Integer call() throws Exception {
            RuleSetRef ref = ruleSet();
            StreamExecutionEnvironment env = environment(RuntimeExecutionMode.BATCH);
            PortfolioJob.Outputs o = PortfolioJob.build(lines(env, null), ref, !noRebalance);
            write(o.assessments(), "assessments");
            write(o.alerts(), "alerts");
            write(o.failures(), "failures");
            write(o.summary(), "summary");
            env.execute("credit-control portfolio re-assessment");
            return 0;
        }
    }

    @Command(name = "backtest", description = "Decide an exported journal again on a candidate rule set: result/ (JSON) and report/ (text).")
    static final class BacktestCommand extends Common implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            RuleSetRef ref = ruleSet();
            StreamExecutionEnvironment env = environment(RuntimeExecutionMode.BATCH);
            BacktestJob.Outputs o = BacktestJob.build(lines(env, null), ref);
            write(o.result(), "result");
            write(o.report(), "report");
            env.execute("credit-control back-test");
            return 0;
        }
    }

    @Command(name = "reassess", description = "Streaming: watch --input for new files of snapshot updates and events; "
            + "alerts/, assessments/, failures/ (committed at each checkpoint).")
    static final class Reassess extends Common implements Callable<Integer> {
        @Option(names = "--checkpoint-interval", paramLabel = "DURATION", defaultValue = "PT30S",
                description = "exactly-once checkpoints this often, ISO-8601 (default ${DEFAULT-VALUE})")
        Duration checkpoints;

        @Option(names = "--monitor-interval", paramLabel = "DURATION", defaultValue = "PT10S",
                description = "how often --input is scanned for new files (default ${DEFAULT-VALUE})")
        Duration monitor;

        @Override
        public Integer call() throws Exception {
            RuleSetRef ref = ruleSet();
            StreamExecutionEnvironment env = environment(RuntimeExecutionMode.STREAMING);
            env.enableCheckpointing(checkpoints.toMillis(), CheckpointingMode.EXACTLY_ONCE);
            ReassessJob.Outputs o = ReassessJob.build(lines(env, monitor), ref);
            write(o.alerts(), "alerts");
            write(o.assessments(), "assessments");
            write(o.failures(), "failures");
            env.execute("credit-control event-driven re-evaluation");
            return 0;
        }
    }

    /**
     * A line in UTF-8 and its line break in one write: the part file's stream is unbuffered, so
     * this halves the system calls of writing a million lines.
     */
    static final class LineEncoder implements Encoder<String> {
        @Override
        public void encode(String line, java.io.OutputStream out) throws java.io.IOException {
            byte[] text = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] withBreak = java.util.Arrays.copyOf(text, text.length + 1);
            withBreak[text.length] = '\n';
            out.write(withBreak);
        }
    }
}
