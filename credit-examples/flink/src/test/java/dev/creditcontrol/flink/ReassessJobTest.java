package dev.creditcontrol.flink;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.journal.JsonForm;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.Receivable;
import dev.creditcontrol.rules.CreditEvent;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming re-evaluation on Flink's MiniCluster, checkpointing exactly-once, fed a scripted sequence. */
class ReassessJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A distributor of six years with twelve invoices paid on time; optionally one open and {@code overdueDays} past due, or frozen. */
    static CustomerSnapshot customer(String id, int overdueDays, boolean frozen) {
        return customer(id, overdueDays, frozen, TODAY);
    }

    static CustomerSnapshot customer(String id, int overdueDays, boolean frozen, LocalDate asOf) {
        Customer c = Customer.builder(id, "customer " + id, CustomerType.DISTRIBUTOR).since(TODAY.minusYears(6))
                .licence(new Licence(LicenceType.BUSINESS_LICENCE, "B-" + id, LocalDate.of(2010, 1, 1), null, Set.of()))
                .licence(new Licence(LicenceType.DEVICE_OPERATION_LICENCE, "O-" + id, LocalDate.of(2010, 1, 1), null, Set.of()))
                .build();
        CustomerSnapshot.Builder s = CustomerSnapshot.builder(c, CreditAccount.builder(Money.cny("2000000")).frozen(frozen).build(), asOf);
        for (int m = 1; m <= 12; m++) {
            LocalDate due = TODAY.minusDays(30L * m);
            s.receivable(Receivable.paid(id + "-P" + m, Money.cny("100000"), due.minusDays(60), due, due));
        }
        if (overdueDays > 0) {
            LocalDate due = TODAY.minusDays(overdueDays);
            s.receivable(Receivable.open(id + "-LATE", Money.cny("150000"), due.minusDays(60), due));
        }
        return s.build();
    }

    /** Snapshot updates and events, in order, with what each should do. */
    static final List<String> SCRIPT = List.of(
            JsonForm.toJson(customer("C-1", 0, false)),                                   // first: GREEN, assessed
            JsonForm.toJson(customer("C-2", 0, false)),                                   // first: GREEN, assessed
            JsonForm.toJson(CreditEvent.newOverdueItem("C-3", "C-3-LATE")),               // no snapshot yet: aside
            JsonForm.toJson(customer("C-3", 0, true)),                                    // first: frozen, RED: alert
            JsonForm.toJson(customer("C-1", 200, false)),                                 // new position, waits for an event
            JsonForm.toJson(CreditEvent.newOverdueItem("C-1", "C-1-LATE")),               // re-assessed: RED: alert
            JsonForm.toJson(customer("C-2", 0, true, TODAY.minusDays(10))),              // older than C-2's: aside, kept
            JsonForm.toJson(customer("C-2", 0, true)).replaceFirst("\"limit\":\\{\"amount\":", "\"limit\":{\"amount\":-"), // invalid: aside
            JsonForm.toJson(CreditEvent.largeOrder("C-2", Money.cny("1000"))),            // small order: not re-assessed
            JsonForm.toJson(CreditEvent.limitChanged("C-2")),                             // re-assessed, still GREEN
            "{\"schema\":1,\"neither\":{}}",                                              // aside
            JsonForm.toJson(CreditEvent.newOverdueItem("C-1", "C-1-LATE")));              // re-assessed, RED again: no alert

    /** Runs the job over {@code source}'s lines (checkpointing exactly-once) and returns every output line, tagged. */
    static List<String> run(StreamExecutionEnvironment env, DataStream<String> source) throws Exception {
        ReassessJob.Outputs o = ReassessJob.build(source, RuleSetRef.current(RuleSetRef.BUNDLED));
        List<String> collected = new ArrayList<>();
        o.alerts().map(a -> "alert " + a).returns(Types.STRING)
                .union(o.assessments().map(a -> "assessment " + a).returns(Types.STRING),
                        o.failures().map(f -> "failure " + f).returns(Types.STRING))
                .executeAndCollect().forEachRemaining(collected::add);
        return collected;
    }

    static StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(2);
        env.enableCheckpointing(100, CheckpointingMode.EXACTLY_ONCE);
        return env;
    }

    @Test
    void alertsWhenALevelRisesReassessesOnlyOnTheEventsThePolicyNamesAndSetsBadRecordsAside() throws Exception {
        StreamExecutionEnvironment env = environment();
        List<String> collected = run(env, env.fromData(SCRIPT).setParallelism(1));
        assertScriptOutcome(collected);
    }

    /**
     * The job fails once, after a checkpoint, in the middle of the script; restarted from that
     * checkpoint, its keyed state and its outputs are as though it had not failed: no alert lost,
     * none repeated.
     */
    @Test
    void afterAFailureTheJobResumesFromItsCheckpointWithNothingLostOrRepeated() throws Exception {
        FailOnce.reset();
        StreamExecutionEnvironment env = environment();
        env.configure(org.apache.flink.configuration.Configuration.fromMap(java.util.Map.of(
                "restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.attempts", "3",
                "restart-strategy.fixed-delay.delay", "100 ms")));
        DataStream<String> source = env.fromData(SCRIPT).setParallelism(1).map(new FailOnce()).returns(Types.STRING).setParallelism(1);
        List<String> collected = run(env, source);
        assertThat(FailOnce.failed).as("the job failed once on the way").isTrue();
        assertScriptOutcome(collected);
    }

    /** Passes the lines on slowly (so checkpoints complete between them) and fails once at the seventh, after a checkpoint. */
    static final class FailOnce implements org.apache.flink.api.common.functions.MapFunction<String, String>,
            org.apache.flink.api.common.state.CheckpointListener {
        static volatile boolean failed;
        static final java.util.concurrent.atomic.AtomicInteger CHECKPOINTS = new java.util.concurrent.atomic.AtomicInteger();
        static final java.util.concurrent.atomic.AtomicInteger SEEN = new java.util.concurrent.atomic.AtomicInteger();

        static void reset() {
            failed = false;
            CHECKPOINTS.set(0);
            SEEN.set(0);
        }

        @Override
        public String map(String line) throws Exception {
            Thread.sleep(150);
            if (!failed && SEEN.incrementAndGet() >= 7 && CHECKPOINTS.get() > 0) {
                failed = true;
                throw new IllegalStateException("injected failure");
            }
            return line;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTS.incrementAndGet();
        }
    }

    private static void assertScriptOutcome(List<String> collected) {
        List<JsonNode> alerts = collected.stream().filter(l -> l.startsWith("alert ")).map(l -> JSON.readTree(l.substring(6))).toList();
        assertThat(alerts).hasSize(2);
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.get("customerId").asString()).isEqualTo("C-3");
            assertThat(a.get("from").asString() + ">" + a.get("to").asString()).isEqualTo("GREEN>RED");
            assertThat(a.get("trigger").asString()).isEqualTo("FIRST_SNAPSHOT");
            assertThat(a.get("codes").toString()).contains("WARN_ACCOUNT_FROZEN");
        });
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.get("customerId").asString()).isEqualTo("C-1");
            assertThat(a.get("from").asString() + ">" + a.get("to").asString()).isEqualTo("GREEN>RED");
            assertThat(a.get("trigger").asString()).isEqualTo("NEW_OVERDUE_ITEM");
            assertThat(a.get("reference").asString()).isEqualTo("C-1-LATE");
            assertThat(a.get("codes").toString()).contains("WARN_SEVERELY_OVERDUE");
        });

        List<CreditAssessment> assessments = collected.stream().filter(l -> l.startsWith("assessment "))
                .map(l -> JsonForm.fromJson(l.substring(11), CreditAssessment.class)).toList();
        assertThat(assessments.stream().map(a -> a.customerId() + " " + a.warningLevel()).sorted().toList())
                .containsExactly("C-1 GREEN", "C-1 RED", "C-1 RED", "C-2 GREEN", "C-2 GREEN", "C-3 RED");
        assertThat(assessments.stream().filter(a -> a.warningLevel() == WarningLevel.RED)).hasSize(3);

        List<String> failures = collected.stream().filter(l -> l.startsWith("failure ")).toList();
        assertThat(failures).hasSize(4);
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("account.limit"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("snapshot of customer C-2 as of 2026-06-05 is older than the one held"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("no snapshot of customer C-3 has arrived yet"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("neither a snapshot nor an event"));
    }
}
