package dev.creditcontrol.flink;

import dev.creditcontrol.journal.JournalRecord;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.RuleSetInfo;
import dev.creditcontrol.rules.analyst.Backtest;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichAggregateFunction;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * Back-testing (batch): an exported decision journal ({@code credit-rules journal export --format
 * jsonl}) decided again on a candidate rule set, and what would change. The candidate is compiled
 * once per task manager ({@link RuleSetRef#acquire()}); each task counts its share of the records
 * in a {@link Backtest.Tally}, and one task merges the tallies. The result is the one {@code credit-rules backtest} gives on the same records:
 * outcome changes (old → new) with their count and order value per currency, the 100 largest
 * changes, and the records that could not be decided (a line that is not a record is one of them).
 */
public final class BacktestJob {
    private static final JsonMapper JSON = JsonMapper.builder().enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private BacktestJob() {}

    /**
     * The job's outputs.
     *
     * @param result one JSON line ({@link #json(Backtest.Result)})
     * @param report the analyst's text report, as {@code credit-rules backtest} prints it
     */
    public record Outputs(DataStream<String> result, DataStream<String> report) {}

    /** Adds the back-test of the journal {@code records} (JSON lines) on {@code candidate}. */
    public static Outputs build(DataStream<String> records, RuleSetRef candidate) {
        // each task tallies its share (records spread over the tasks; a file the source cannot split has one
        // reader), one task merges the tallies; the merged result leaves as text: (JSON, report)
        DataStream<Tuple2<String, String>> result = records.rebalance().fullWindowPartition().aggregate(new Replay(candidate))
                .returns(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO).name("decide again").uid("decide-again")
                .fullWindowPartition().aggregate(new Merge(candidate)).returns(Types.TUPLE(Types.STRING, Types.STRING))
                .setParallelism(1).name("merge tallies").uid("merge-tallies");
        return new Outputs(result.map(t -> t.f0).returns(Types.STRING).setParallelism(1).name("result json"),
                result.map(t -> t.f1).returns(Types.STRING).setParallelism(1).name("report"));
    }

    /** The result as one JSON line: version, counts, transitions, the 100 largest changes and the first failures. */
    public static String json(Backtest.Result r) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("ruleSet").put("name", r.ruleSet().name()).put("version", r.ruleSet().version())
                .put("sha256", r.ruleSet().contentHash());
        o.put("records", r.records()).put("unchanged", r.unchanged()).put("changed", r.changed()).put("failed", r.failed());
        ArrayNode transitions = o.putArray("transitions");
        for (Backtest.Transition t : r.transitions()) {
            ObjectNode n = transitions.addObject().put("from", t.from().name()).put("to", t.to().name()).put("decisions", t.decisions());
            ObjectNode exposure = n.putObject("orderValue");
            new java.util.TreeMap<>(t.exposure()).forEach(exposure::put);
        }
        ArrayNode largest = o.putArray("largest");
        for (Backtest.Change c : r.largest()) {
            largest.addObject().put("sequence", c.sequence()).put("orderId", c.orderId()).put("from", c.from()).put("to", c.to());
        }
        r.failures().forEach(o.putArray("failures")::add);
        return JSON.writeValueAsString(o);
    }

    /** Decides a task's share of the records again and ships its tally. */
    static final class Replay extends RichAggregateFunction<String, Backtest.Tally, byte[]> {
        private final RuleSetRef candidate;
        private transient CreditControl control;
        private transient RuleSetInfo version;

        Replay(RuleSetRef candidate) {
            this.candidate = candidate;
        }

        @Override
        public void open(OpenContext context) {
            control = candidate.acquire();
            version = Backtest.newest(control);
        }

        @Override
        public Backtest.Tally createAccumulator() {
            return new Backtest.Tally();
        }

        @Override
        public Backtest.Tally add(String line, Backtest.Tally tally) {
            if (line.isBlank()) return tally;
            JournalRecord r;
            try {
                r = JournalRecord.fromJson(line);
            } catch (RuntimeException e) {
                tally.fail(0, "not a journal record: " + Failures.message(e));
                return tally;
            }
            tally.add(r, control, version);
            return tally;
        }

        @Override
        public byte[] getResult(Backtest.Tally tally) {
            return serialize(tally);
        }

        @Override
        public Backtest.Tally merge(Backtest.Tally a, Backtest.Tally b) {
            return a.merge(b);
        }

        @Override
        public void close() {
            if (control != null) candidate.release();
        }
    }

    /** Merges the tasks' tallies into the result. */
    static final class Merge extends RichAggregateFunction<byte[], Backtest.Tally, Tuple2<String, String>> {
        private final RuleSetRef candidate;
        private transient RuleSetInfo version;

        Merge(RuleSetRef candidate) {
            this.candidate = candidate;
        }

        @Override
        public void open(OpenContext context) {
            // the version's description is not serializable (it holds a path): this task asks the engine too
            try {
                version = Backtest.newest(candidate.acquire());
            } finally {
                candidate.release();
            }
        }

        @Override
        public Backtest.Tally createAccumulator() {
            return new Backtest.Tally();
        }

        @Override
        public Backtest.Tally add(byte[] tally, Backtest.Tally total) {
            return total.merge(deserialize(tally));
        }

        @Override
        public Tuple2<String, String> getResult(Backtest.Tally total) {
            Backtest.Result r = total.result(version);
            return Tuple2.of(json(r), r.render());
        }

        @Override
        public Backtest.Tally merge(Backtest.Tally a, Backtest.Tally b) {
            return a.merge(b);
        }
    }

    static byte[] serialize(Backtest.Tally tally) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(tally);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Backtest.Tally deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (Backtest.Tally) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
