package dev.creditcontrol.flink;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.journal.JsonForm;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.CreditEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Event-driven re-evaluation (streaming), keyed by customer.
 *
 * <p>Input: JSON Lines mixing snapshot updates ({@code {"schema":1,"snapshot":{…}}}, the customer's
 * position now) and credit events ({@code {"schema":1,"event":{"kind":"NEW_OVERDUE_ITEM",…}}},
 * {@link CreditEvent}). Keyed state per customer holds its latest snapshot and its last
 * assessment. A customer's first snapshot is assessed at once; later snapshots replace the
 * position (one older than the position held arrived late and is set aside), and an event re-assesses it (with the last assessment as the previous one) when
 * {@link CreditControl#needsReassessment} says so under the rule set's {@code reassess.on} policy.
 * A host sends the updated snapshot before the event that should act on it.
 *
 * <p>Main output: an alert, one JSON line, each time a customer's warning level rises (a first
 * assessment rises from GREEN). Side outputs: every assessment made ({@link #ASSESSMENTS}) and
 * the records that could not be used, with why ({@link #FAILURES}; an event for a customer whose
 * snapshot has not arrived is one). With checkpoints enabled the state is exactly-once: after a
 * failure the job resumes from the last checkpoint as though it had not failed.
 */
public final class ReassessJob {
    /** Every assessment the job made, in the JSON form. */
    public static final OutputTag<String> ASSESSMENTS = new OutputTag<>("assessments", Types.STRING);
    /** Records that could not be used: {@code {"error":"…","record":"…"}}. */
    public static final OutputTag<String> FAILURES = new OutputTag<>("failures", Types.STRING);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A snapshot update or an event, still as its JSON line: (customer, is an event, line). */
    private static final TypeInformation<Tuple3<String, Boolean, String>> UPDATE = Types.TUPLE(Types.STRING, Types.BOOLEAN, Types.STRING);

    private ReassessJob() {}

    /**
     * The job's outputs.
     *
     * @param alerts      rises of a customer's warning level
     * @param assessments every assessment made
     * @param failures    records that could not be used
     */
    public record Outputs(DataStream<String> alerts, DataStream<String> assessments, DataStream<String> failures) {}

    /** Adds the keyed re-evaluation of {@code updates} (JSON lines) with {@code rules}. */
    public static Outputs build(DataStream<String> updates, RuleSetRef rules) {
        // routed where it was read (same parallelism, forward): a customer's records keep their order up to the keyed state
        SingleOutputStreamOperator<Tuple3<String, Boolean, String>> parsed = updates.process(new Route()).returns(UPDATE)
                .setParallelism(updates.getParallelism()).name("route").uid("route");
        SingleOutputStreamOperator<String> alerts = parsed.keyBy(u -> u.f0, Types.STRING)
                .process(new Reassess(rules)).returns(Types.STRING).name("re-evaluate").uid("re-evaluate");
        return new Outputs(alerts, alerts.getSideOutput(ASSESSMENTS),
                parsed.getSideOutput(FAILURES).union(alerts.getSideOutput(FAILURES)));
    }

    /**
     * Finds what a line is and for whom in one pass over its names (a snapshot is read whole, and
     * checked, once: by the keyed step); a line that is neither goes to the failures.
     */
    static final class Route extends ProcessFunction<String, Tuple3<String, Boolean, String>> {
        @Override
        public void processElement(String line, Context ctx, Collector<Tuple3<String, Boolean, String>> out) {
            if (line.isBlank()) return;
            try {
                out.collect(route(line));
            } catch (RuntimeException e) {
                ctx.output(FAILURES, Failures.json(Failures.message(e), line));
            }
        }

        private static Tuple3<String, Boolean, String> route(String line) {
            try (JsonParser p = JSON.createParser(line)) {
                if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("invalid JSON form: expected a JSON object");
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    if (name.equals("event")) return Tuple3.of(JsonForm.fromJson(line, CreditEvent.class).customerId(), true, line);
                    if (name.equals("snapshot")) return Tuple3.of(customerId(p), false, line);
                    p.nextToken();
                    p.skipChildren();
                }
            }
            throw new IllegalArgumentException("invalid JSON form: neither a snapshot nor an event");
        }

        /** {@code snapshot.customer.id}, the parser standing on the name {@code snapshot}. */
        private static String customerId(JsonParser p) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("invalid JSON form: snapshot is not an object");
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                boolean customer = p.currentName().equals("customer");
                if (p.nextToken() == JsonToken.START_OBJECT && customer) {
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        boolean id = p.currentName().equals("id");
                        if (p.nextToken() == JsonToken.VALUE_STRING && id) return p.getString();
                        p.skipChildren();
                    }
                    break;
                }
                p.skipChildren();
            }
            throw new IllegalArgumentException("invalid JSON form: snapshot.customer.id is missing");
        }
    }

    /** Keeps a customer's latest snapshot and last assessment; re-assesses on the events that call for it. */
    static final class Reassess extends KeyedProcessFunction<String, Tuple3<String, Boolean, String>, String> {
        private final RuleSetRef rules;
        private transient CreditControl control;
        private transient ValueState<String> snapshot;
        private transient ValueState<Long> snapshotDay;
        private transient ValueState<String> assessment;

        Reassess(RuleSetRef rules) {
            this.rules = rules;
        }

        @Override
        public void open(OpenContext context) {
            control = rules.acquire();
            snapshot = getRuntimeContext().getState(new ValueStateDescriptor<>("snapshot", Types.STRING));
            snapshotDay = getRuntimeContext().getState(new ValueStateDescriptor<>("snapshot day", Types.LONG));
            assessment = getRuntimeContext().getState(new ValueStateDescriptor<>("assessment", Types.STRING));
        }

        @Override
        public void processElement(Tuple3<String, Boolean, String> u, Context ctx, Collector<String> out) throws Exception {
            try {
                if (u.f1) onEvent(u.f0, u.f2, ctx, out);
                else onSnapshot(u.f0, u.f2, ctx, out);
            } catch (RuntimeException ex) {
                ctx.output(FAILURES, Failures.json(Failures.message(ex), u.f2));
            }
        }

        /** Holds the newer position; assesses a customer's first. */
        private void onSnapshot(String customerId, String json, Context ctx, Collector<String> out) throws Exception {
            CustomerSnapshot s = JsonForm.fromJson(json, CustomerSnapshot.class);
            Long held = snapshotDay.value();
            if (held != null && s.asOf().toEpochDay() < held) {
                // arrived late: the position already held is newer
                ctx.output(FAILURES, Failures.json("snapshot of customer " + customerId + " as of " + s.asOf()
                        + " is older than the one held (as of " + java.time.LocalDate.ofEpochDay(held) + "): the newer is kept", json));
                return;
            }
            snapshot.update(json);
            snapshotDay.update(s.asOf().toEpochDay());
            if (assessment.value() == null) reassess(s, Optional.empty(), "FIRST_SNAPSHOT", null, ctx, out);
        }

        /** Re-assesses the position held when the rule set's policy says the event calls for it. */
        private void onEvent(String customerId, String json, Context ctx, Collector<String> out) throws Exception {
            CreditEvent e = JsonForm.fromJson(json, CreditEvent.class);
            String position = snapshot.value();
            if (position == null) {
                ctx.output(FAILURES, Failures.json("no snapshot of customer " + customerId
                        + " has arrived yet: the event cannot be evaluated", json));
                return;
            }
            Optional<CreditAssessment> previous = Optional.ofNullable(assessment.value()).map(j -> JsonForm.fromJson(j, CreditAssessment.class));
            if (!control.needsReassessment(e, previous)) return;
            reassess(JsonForm.fromJson(position, CustomerSnapshot.class), previous, e.kind().name(), e.reference().orElse(null), ctx, out);
        }

        private void reassess(CustomerSnapshot s, Optional<CreditAssessment> previous, String trigger, String reference,
                              Context ctx, Collector<String> out) throws Exception {
            CreditAssessment a = control.assess(s, previous);
            String json = JsonForm.toJson(a);
            assessment.update(json);
            ctx.output(ASSESSMENTS, json);
            WarningLevel before = previous.map(CreditAssessment::warningLevel).orElse(WarningLevel.GREEN);
            if (a.warningLevel().compareTo(before) > 0) out.collect(alert(before, a, json, trigger, reference));
        }

        @Override
        public void close() {
            if (control != null) rules.release();
        }
    }

    /**
     * {@code {"customerId":…,"from":"GREEN","to":"ORANGE","trigger":"NEW_OVERDUE_ITEM","reference":…,
     * "score":…,"grade":…,"codes":[…],"actions":[…],"assessment":{…}}}.
     */
    static String alert(WarningLevel from, CreditAssessment a, String assessmentJson, String trigger, String reference) {
        ObjectNode o = JSON.createObjectNode();
        o.put("customerId", a.customerId());
        o.put("from", from.name());
        o.put("to", a.warningLevel().name());
        o.put("trigger", trigger);
        if (reference == null) o.putNull("reference");
        else o.put("reference", reference);
        o.put("score", a.score());
        o.put("grade", a.grade().name());
        tools.jackson.databind.node.ArrayNode codes = o.putArray("codes");
        a.reasons().forEach(r -> codes.add(r.code()));
        a.actions().stream().map(Enum::name).sorted().forEach(o.putArray("actions")::add);
        o.set("assessment", JSON.readTree(assessmentJson).get("assessment"));
        return JSON.writeValueAsString(o);
    }
}
