package dev.creditcontrol.journal;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.ShipmentRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.io.StringWriter;
import java.util.Map;

/**
 * The stable JSON form of the library's values: snapshots, orders, shipments, decisions and
 * assessments, the form the decision journal stores, {@code credit-rules journal export} writes
 * and the report and Flink jobs read (JSON Lines: one value per line).
 *
 * <p>A value is written as {@code {"schema":1,"<kind>":{...}}}, the kind being {@code snapshot},
 * {@code order}, {@code shipment}, {@code decision}, {@code assessment}, {@code review} or {@code event}
 * (a {@link dev.creditcontrol.rules.CreditEvent}, what the streaming re-evaluation reads); inside, every record
 * component is a property of the same name, amounts are exact decimals ({@code "amount":1200000.00}),
 * dates ISO ({@code "2026-06-15"}), instants ISO-8601 UTC, an absent optional value {@code null}.
 * The form is lossless: a value read back equals the value written. Reading is strict: an
 * unknown property, a schema other than {@value #SCHEMA} or an invalid value (the model's own
 * checks run) is an {@link IllegalArgumentException} naming what is wrong. The JSON Schema is
 * published beside this class as {@code credit-control.schema.json}. Thread-safe.
 */
public final class JsonForm {
    /** The version of the form; a reader refuses any other. */
    public static final int SCHEMA = 1;

    /** The JSON Schema of the form, a class-path resource beside this class. */
    public static final String SCHEMA_RESOURCE = "/dev/creditcontrol/journal/credit-control.schema.json";

    private static final Map<Class<?>, String> KINDS = Map.of(CustomerSnapshot.class, "snapshot", OrderRequest.class, "order",
            ShipmentRequest.class, "shipment", CreditDecision.class, "decision", CreditAssessment.class, "assessment",
            dev.creditcontrol.decision.ReceivablesReview.class, "review", dev.creditcontrol.rules.CreditEvent.class, "event");

    /**
     * Record components only (fields), never derived accessors such as {@code Money.isZero()};
     * records are read through their canonical constructors, so the model's checks run.
     */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultVisibility(v -> v.withFieldVisibility(Visibility.ANY).withGetterVisibility(Visibility.NONE)
                    .withIsGetterVisibility(Visibility.NONE).withSetterVisibility(Visibility.NONE))
            .addModule(readers())
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonForm() {}

    /** The model's records read through {@link RecordReader}, amounts, invoices and dates through faster readers still. */
    private static SimpleModule readers() {
        SimpleModule m = new SimpleModule("credit-control-readers")
                .addDeserializer(java.time.LocalDate.class, new IsoDates())
                .addDeserializer(dev.creditcontrol.model.Money.class, new HotValues.MoneyReader())
                .addDeserializer(dev.creditcontrol.model.Receivable.class, new HotValues.ReceivableReader());
        reader(m, CustomerSnapshot.class);
        reader(m, dev.creditcontrol.model.Customer.class);
        reader(m, dev.creditcontrol.model.Licence.class);
        reader(m, dev.creditcontrol.model.CreditAccount.class);
        reader(m, dev.creditcontrol.model.CreditAccount.TemporaryIncrease.class);
        reader(m, dev.creditcontrol.model.Financials.class);
        reader(m, dev.creditcontrol.model.CreditGroup.class);
        reader(m, dev.creditcontrol.model.AcceptanceBill.class);
        reader(m, dev.creditcontrol.model.Security.class);
        reader(m, OrderRequest.class);
        reader(m, ShipmentRequest.class);
        reader(m, dev.creditcontrol.model.OrderLine.class);
        reader(m, dev.creditcontrol.decision.Release.class);
        reader(m, CreditDecision.class);
        reader(m, dev.creditcontrol.decision.Reason.class);
        reader(m, CreditAssessment.class);
        reader(m, dev.creditcontrol.decision.FactorScore.class);
        reader(m, dev.creditcontrol.decision.ReceivablesReview.class);
        reader(m, dev.creditcontrol.decision.AgingBucket.class);
        reader(m, dev.creditcontrol.decision.CollectionAction.class);
        reader(m, dev.creditcontrol.rules.CreditEvent.class);
        return m;
    }

    private static <T extends Record> void reader(SimpleModule m, Class<T> type) {
        m.addDeserializer(type, new RecordReader<>(type));
    }

    /**
     * The JSON form of a snapshot, order, shipment, decision or assessment, on one line.
     *
     * @throws IllegalArgumentException when the value is null or of another type
     */
    public static String toJson(Object value) {
        String kind = kind(value == null ? null : value.getClass());
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberProperty("schema", SCHEMA);
            g.writeName(kind);
            MAPPER.writeValue(g, value);
            g.writeEndObject();
        }
        return out.toString();
    }

    /**
     * Reads a value of {@code type} from its JSON form.
     *
     * @throws IllegalArgumentException naming what is wrong: not JSON, another schema or kind, an
     *                                  unknown property, a value the model refuses
     */
    public static <T> T fromJson(String json, Class<T> type) {
        String kind = kind(type);
        if (json == null) throw new IllegalArgumentException("json is required but was null");
        try (JsonParser p = MAPPER.createParser(json)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "a JSON object");
            T value = null;
            Integer schema = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("schema")) {
                    schema = p.getIntValue();
                    if (schema != SCHEMA) throw new IllegalArgumentException("schema " + schema + " is not supported (this library reads schema " + SCHEMA + ")");
                } else if (name.equals(kind)) {
                    value = MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(p);
                } else {
                    throw new IllegalArgumentException("unknown property '" + name + "' (expected schema and " + kind + ")");
                }
            }
            expect(schema != null, "a \"schema\" property");
            expect(value != null, "a \"" + kind + "\" property");
            return value;
        } catch (JacksonException e) {
            throw invalid(e);
        }
    }

    /** A Jackson failure as the library's error, with the path to the bad property and the model's own message. */
    static IllegalArgumentException invalid(JacksonException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        String path = e.getPathReference() == null ? "" : " at " + e.getPathReference();
        String message = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
        return new IllegalArgumentException("invalid JSON form" + path + ": " + message, e);
    }

    private static void expect(boolean ok, String what) {
        if (!ok) throw new IllegalArgumentException("invalid JSON form: expected " + what);
    }

    private static String kind(Class<?> type) {
        String kind = type == null ? null : KINDS.get(type);
        if (kind == null) {
            throw new IllegalArgumentException("the JSON form covers " + KINDS.keySet().stream().map(Class::getSimpleName).sorted().toList()
                    + ", not " + (type == null ? "null" : type.getName()));
        }
        return kind;
    }
}
