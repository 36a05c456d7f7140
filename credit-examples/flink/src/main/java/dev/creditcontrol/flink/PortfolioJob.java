package dev.creditcontrol.flink;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.journal.JsonForm;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.rules.CreditControl;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapPartitionFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;

/**
 * Portfolio re-assessment (batch): snapshots in, assessments, alerts and a summary out.
 *
 * <p>Input: JSON Lines, one {@code {"schema":1,"snapshot":{…}}} per line (the library's JSON form;
 * {@code credit-rules journal export}, a host's own export). Each task compiles the rule set once
 * ({@link RuleSetRef#open()}, refusing a hash other than the one submitted) and assesses its share
 * of the lines. Output, all JSON Lines: every assessment ({@code {"schema":1,"assessment":{…}}});
 * the alerts, i.e. the assessments at ORANGE or RED; the failures, one
 * {@code {"error":"…","record":"<the line>"}} per line that could not be read or assessed (a bad
 * record never stops the job); and one summary line ({@link PortfolioTally}).
 */
public final class PortfolioJob {
    static final int ASSESSMENT = 0;
    static final int ALERT = 1;
    static final int FAILURE = 2;
    static final int TALLY = 3;
    private static final TypeInformation<Tuple2<Integer, String>> TAGGED = Types.TUPLE(Types.INT, Types.STRING);

    private PortfolioJob() {}

    /**
     * The job's outputs.
     *
     * @param assessments one assessment per snapshot read
     * @param alerts      the assessments at ORANGE or RED
     * @param failures    the lines that could not be assessed, with why
     * @param summary     one line, written when the input ends
     */
    public record Outputs(DataStream<String> assessments, DataStream<String> alerts, DataStream<String> failures,
                          DataStream<String> summary) {}

    /** Adds the re-assessment of {@code snapshots} (JSON lines) with {@code rules} to the lines' environment. */
    public static Outputs build(DataStream<String> snapshots, RuleSetRef rules) {
        // one pass per task over its whole share: the task's tally is emitted once, when its share ends
        SingleOutputStreamOperator<Tuple2<Integer, String>> tagged = snapshots.fullWindowPartition()
                .mapPartition(new Assess(rules)).returns(TAGGED).name("assess").uid("assess");
        DataStream<String> summary = tagged.filter(t -> t.f0 == TALLY).name("task tallies").map(t -> t.f1).returns(Types.STRING)
                .fullWindowPartition().mapPartition((Iterable<String> tallies, Collector<String> out) -> {
                    PortfolioTally total = new PortfolioTally();
                    for (String t : tallies) total.merge(PortfolioTally.fromJson(t));
                    out.collect(total.toJson());
                }).returns(Types.STRING).setParallelism(1).name("summary").uid("summary");
        return new Outputs(select(tagged, ASSESSMENT, "assessments"), select(tagged, ALERT, "alerts"),
                select(tagged, FAILURE, "failures"), summary);
    }

    private static DataStream<String> select(DataStream<Tuple2<Integer, String>> tagged, int kind, String name) {
        return tagged.filter(t -> t.f0 == kind).name(name).map(t -> t.f1).returns(Types.STRING).name(name + " text");
    }

    /** Assesses a task's share of the snapshots. */
    static final class Assess extends RichMapPartitionFunction<String, Tuple2<Integer, String>> {
        private final RuleSetRef rules;
        private transient CreditControl control;

        Assess(RuleSetRef rules) {
            this.rules = rules;
        }

        @Override
        public void open(OpenContext context) {
            control = rules.open();
        }

        @Override
        public void mapPartition(Iterable<String> lines, Collector<Tuple2<Integer, String>> out) {
            PortfolioTally tally = new PortfolioTally();
            for (String line : lines) {
                if (line.isBlank()) continue;
                CreditAssessment a;
                try {
                    a = control.assess(JsonForm.fromJson(line, CustomerSnapshot.class));
                } catch (RuntimeException e) {
                    String error = Failures.message(e);
                    tally.fail(error);
                    out.collect(Tuple2.of(FAILURE, Failures.json(error, line)));
                    continue;
                }
                tally.add(a);
                String json = JsonForm.toJson(a);
                out.collect(Tuple2.of(ASSESSMENT, json));
                if (a.warningLevel() != WarningLevel.GREEN) out.collect(Tuple2.of(ALERT, json));
            }
            out.collect(Tuple2.of(TALLY, tally.toJson()));
        }

        @Override
        public void close() {
            if (control != null) control.close();
        }
    }
}
