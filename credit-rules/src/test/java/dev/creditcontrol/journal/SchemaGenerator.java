package dev.creditcontrol.journal;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.ShipmentRequest;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the JSON Schema of the JSON form from the model's record components, so the published
 * schema cannot drift from the code ({@code JsonSchemaTest} compares it with the committed file).
 * Run {@code main} to regenerate {@code credit-control.schema.json}.
 */
final class SchemaGenerator {
    /** Plain (non-Optional) components that may be null: "no expiry". */
    private static final Set<String> NULLABLE = Set.of("Licence.validUntil", "Security.validUntil");
    private final Map<String, String> defs = new LinkedHashMap<>();

    static String schema() {
        SchemaGenerator g = new SchemaGenerator();
        for (Class<?> c : List.of(CustomerSnapshot.class, OrderRequest.class, ShipmentRequest.class, CreditDecision.class,
                CreditAssessment.class, dev.creditcontrol.decision.ReceivablesReview.class, dev.creditcontrol.rules.CreditEvent.class)) {
            g.define(c);
        }
        String value = Map.of("snapshot", CustomerSnapshot.class, "order", OrderRequest.class, "shipment", ShipmentRequest.class,
                "decision", CreditDecision.class, "assessment", CreditAssessment.class,
                "review", dev.creditcontrol.decision.ReceivablesReview.class, "event", dev.creditcontrol.rules.CreditEvent.class)
                .entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> "    {\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"schema\", \"" + e.getKey()
                        + "\"],\n     \"properties\": {\"schema\": {\"const\": 1}, \"" + e.getKey() + "\": {\"$ref\": \"#/$defs/"
                        + e.getValue().getSimpleName() + "\"}}}")
                .collect(Collectors.joining(",\n"));
        String record = """
                  "JournalRecord": {
                    "type": "object", "additionalProperties": false,
                    "required": ["schema", "sequence", "previousHash", "recordedAt", "snapshot", "rates", "decision", "hash"],
                    "oneOf": [{"required": ["order"]}, {"required": ["shipment"]}],
                    "properties": {
                      "schema": {"const": 1},
                      "sequence": {"type": "integer", "minimum": 1},
                      "previousHash": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                      "recordedAt": {"type": "string", "format": "date-time"},
                      "order": {"$ref": "#/$defs/OrderRequest"},
                      "shipment": {"$ref": "#/$defs/ShipmentRequest"},
                      "snapshot": {"$ref": "#/$defs/CustomerSnapshot"},
                      "rates": {"type": "object", "additionalProperties": {"type": "number"},
                                "description": "rates the check used, keyed FROM/TO/DATE"},
                      "decision": {"$ref": "#/$defs/CreditDecision"},
                      "hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"}
                    }
                  }""";
        return "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
                + "  \"$id\": \"https://creditcontrol.dev/schema/credit-control-1.json\",\n"
                + "  \"title\": \"credit-control JSON form, schema 1\",\n"
                + "  \"description\": \"A value document {\\\"schema\\\":1,\\\"<kind>\\\":{...}} or a decision-journal record (one JSON object per line). Generated from the model's records by SchemaGenerator.\",\n"
                + "  \"anyOf\": [\n" + value + ",\n    {\"$ref\": \"#/$defs/JournalRecord\"}\n  ],\n"
                + "  \"$defs\": {\n" + String.join(",\n", g.defs.values()) + ",\n" + record + "\n  }\n}\n";
    }

    private void define(Class<?> type) {
        String name = type.getSimpleName();
        if (defs.containsKey(name)) return;
        defs.put(name, ""); // placeholder: stops recursion, keeps the order of first use
        RecordComponent[] components = type.getRecordComponents();
        String properties = Arrays.stream(components)
                .map(c -> "        \"" + c.getName() + "\": " + (NULLABLE.contains(name + "." + c.getName())
                        ? nullable(schemaOf(c.getGenericType())) : schemaOf(c.getGenericType())))
                .collect(Collectors.joining(",\n"));
        String required = Arrays.stream(components).map(c -> "\"" + c.getName() + "\"").collect(Collectors.joining(", "));
        defs.put(name, "    \"" + name + "\": {\n      \"type\": \"object\", \"additionalProperties\": false,\n      \"required\": ["
                + required + "],\n      \"properties\": {\n" + properties + "\n      }\n    }");
    }

    private static String nullable(String schema) {
        return "{\"anyOf\": [" + schema + ", {\"type\": \"null\"}]}";
    }

    private String schemaOf(Type t) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class) return nullable(schemaOf(args[0]));
            if (Collection.class.isAssignableFrom(raw)) {
                return "{\"type\": \"array\", \"items\": " + schemaOf(args[0]) + (Set.class.isAssignableFrom(raw) ? ", \"uniqueItems\": true" : "") + "}";
            }
            if (Map.class.isAssignableFrom(raw)) return "{\"type\": \"object\", \"additionalProperties\": " + schemaOf(args[1]) + "}";
            throw new IllegalStateException("no schema for " + t);
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) return "{\"type\": \"string\"}";
        if (c == int.class || c == long.class || c == Integer.class) return "{\"type\": \"integer\"}";
        if (c == boolean.class) return "{\"type\": \"boolean\"}";
        if (c == BigDecimal.class) return "{\"type\": \"number\"}";
        if (c == LocalDate.class) return "{\"type\": \"string\", \"format\": \"date\"}";
        if (c == Instant.class) return "{\"type\": \"string\", \"format\": \"date-time\"}";
        if (c == OptionalInt.class) return nullable("{\"type\": \"integer\"}");
        if (c.isEnum()) {
            return "{\"enum\": [" + Arrays.stream(c.getEnumConstants()).map(e -> "\"" + ((Enum<?>) e).name() + "\"")
                    .collect(Collectors.joining(", ")) + "]}";
        }
        if (c.isRecord()) {
            define(c);
            return "{\"$ref\": \"#/$defs/" + c.getSimpleName() + "\"}";
        }
        throw new IllegalStateException("no schema for " + c);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0]
                : "credit-rules/src/main/resources/dev/creditcontrol/journal/credit-control.schema.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, schema());
        System.out.println("wrote " + out);
    }
}
