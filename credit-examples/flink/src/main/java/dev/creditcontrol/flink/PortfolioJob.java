package dev.creditcontrol.flink;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.journal.JsonForm;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.rules.CreditControl;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.math.BigDecimal;

/**
 * Portfolio re-assessment (batch): snapshots in, assessments, alerts and a summary out.
 *
 * <p>Input: JSON Lines, one {@code {"schema":1,"snapshot":{…}}} per line (the library's JSON form;
 * a host's own export). The rule set is compiled once per task manager ({@link RuleSetRef#acquire()},
 * refusing a hash other than the one submitted) and each task assesses its share of the lines. Output, all JSON Lines: every assessment ({@code {"schema":1,"assessment":{…}}});
 * the alerts, i.e. the assessments at ORANGE or RED; the failures, one
 * {@code {"error":"…","record":"<the line>"}} per line that could not be read or assessed (a bad
 * record never stops the job); and one summary line ({@link PortfolioTally}).
 */
public final class PortfolioJob {
    /** What each record adds to the summary: (grade ordinal, level ordinal, currency, exposure), or (-1, 0, error, 0). */
    private static final TypeInformation<Tuple4<Integer, Integer, String, BigDecimal>> ROW =
            Types.TUPLE(Types.INT, Types.INT, Types.STRING, Types.BIG_DEC);
    private static final OutputTag<Tuple4<Integer, Integer, String, BigDecimal>> ROWS = new OutputTag<>("summary rows", ROW);
    private static final OutputTag<String> ALERTS = new OutputTag<>("alerts", Types.STRING);
    private static final OutputTag<String> FAILURES = new OutputTag<>("failures", Types.STRING);

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

    /**
     * Adds the re-assessment of {@code snapshots} (JSON lines) with {@code rules} to the lines'
     * environment, the lines spread evenly over the tasks first.
     */
    public static Outputs build(DataStream<String> snapshots, RuleSetRef rules) {
        return build(snapshots, rules, true);
    }

    /**
     * As {@link #build(DataStream, RuleSetRef)}; without {@code rebalance} each line is assessed by
     * the task that read it, which saves shipping every line between tasks but leaves tasks idle
     * when there are fewer input files (or splits) than tasks: for an input of many files.
     */
    public static Outputs build(DataStream<String> snapshots, RuleSetRef rules, boolean rebalance) {
        SingleOutputStreamOperator<String> assessments = (rebalance ? snapshots.rebalance() : snapshots).process(new Assess(rules))
                .returns(Types.STRING).name("assess").uid("assess");
        // each task counts its own rows (chained, nothing crosses the network), one task merges the counts
        DataStream<String> summary = assessments.getSideOutput(ROWS).fullWindowPartition().aggregate(new Count()).returns(Types.STRING)
                .name("count").uid("count")
                .fullWindowPartition().aggregate(new Merge()).returns(Types.STRING).setParallelism(1).name("summary").uid("summary");
        return new Outputs(assessments, assessments.getSideOutput(ALERTS), assessments.getSideOutput(FAILURES), summary);
    }

    /** Assesses each snapshot with the task manager's engine for the rule set. */
    static final class Assess extends ProcessFunction<String, String> {
        private final RuleSetRef rules;
        private transient CreditControl control;

        Assess(RuleSetRef rules) {
            this.rules = rules;
        }

        @Override
        public void open(OpenContext context) {
            control = rules.acquire();
        }

        @Override
        public void processElement(String line, Context ctx, Collector<String> out) {
            if (line.isBlank()) return;
            CreditAssessment a;
            try {
                a = control.assess(JsonForm.fromJson(line, CustomerSnapshot.class));
            } catch (RuntimeException e) {
                String error = Failures.message(e);
                ctx.output(ROWS, Tuple4.of(-1, 0, error, BigDecimal.ZERO));
                ctx.output(FAILURES, Failures.json(error, line));
                return;
            }
            String json = JsonForm.toJson(a);
            out.collect(json);
            if (a.warningLevel() != WarningLevel.GREEN) ctx.output(ALERTS, json);
            ctx.output(ROWS, Tuple4.of(a.grade().ordinal(), a.warningLevel().ordinal(), a.exposure().currencyCode(), a.exposure().amount()));
        }

        @Override
        public void close() {
            if (control != null) rules.release();
        }
    }

    /** A task's summary. */
    static final class Count implements AggregateFunction<Tuple4<Integer, Integer, String, BigDecimal>, PortfolioTally, String> {
        @Override
        public PortfolioTally createAccumulator() {
            return new PortfolioTally();
        }

        @Override
        public PortfolioTally add(Tuple4<Integer, Integer, String, BigDecimal> row, PortfolioTally tally) {
            if (row.f0 < 0) tally.fail(row.f2);
            else tally.add(CreditGrade.values()[row.f0], WarningLevel.values()[row.f1], row.f2, row.f3);
            return tally;
        }

        @Override
        public String getResult(PortfolioTally tally) {
            return tally.toJson();
        }

        @Override
        public PortfolioTally merge(PortfolioTally a, PortfolioTally b) {
            return a.merge(b);
        }
    }

    /** The tasks' summaries merged. */
    static final class Merge implements AggregateFunction<String, PortfolioTally, String> {
        @Override
        public PortfolioTally createAccumulator() {
            return new PortfolioTally();
        }

        @Override
        public PortfolioTally add(String tally, PortfolioTally total) {
            return total.merge(PortfolioTally.fromJson(tally));
        }

        @Override
        public String getResult(PortfolioTally total) {
            return total.toJson();
        }

        @Override
        public PortfolioTally merge(PortfolioTally a, PortfolioTally b) {
            return a.merge(b);
        }
    }
}
