package dev.creditcontrol.journal;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.model.CreditRequest;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.ShipmentRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text of a journal record, one line of JSON:
 * {@code {"schema":1,"sequence":N,"previousHash":"…","recordedAt":"…","order":{…},"snapshot":{…},"rates":{…},"decision":{…},"hash":"…"}}
 * (a shipment record has {@code "shipment"} in place of {@code "order"}). The hash is the SHA-256
 * of the UTF-8 text up to the hash property, closed with {@code "}"}: the text itself is what is
 * proved, so verifying never depends on writing the same JSON twice.
 */
final class RecordText {
    static final String GENESIS = "0".repeat(64);
    private static final String HASH_PROPERTY = ",\"hash\":\"";
    private static final int HASH_SUFFIX = HASH_PROPERTY.length() + 64 + 2; // ,"hash":"<64>"}
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    });

    private RecordText() {}

    /** The parsed line; property names are the text's. */
    private record Line(int schema, long sequence, String previousHash, Instant recordedAt, OrderRequest order,
                        ShipmentRequest shipment, CustomerSnapshot snapshot, Map<String, BigDecimal> rates,
                        CreditDecision decision, String hash) {}

    /** The part of a record that does not depend on its place in the chain; made outside any lock. */
    static String payload(CreditRequest request, CustomerSnapshot snapshot, Map<String, BigDecimal> rates, CreditDecision decision) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = JsonForm.MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeName(request instanceof ShipmentRequest ? "shipment" : "order");
            JsonForm.MAPPER.writeValue(g, request);
            g.writeName("snapshot");
            JsonForm.MAPPER.writeValue(g, snapshot);
            g.writeName("rates");
            JsonForm.MAPPER.writeValue(g, new TreeMap<>(rates));
            g.writeName("decision");
            JsonForm.MAPPER.writeValue(g, decision);
            g.writeEndObject();
        }
        String object = out.toString();
        return object.substring(1, object.length() - 1);
    }

    /** A record's full line (without the line break) and its hash. */
    record Written(String line, String hash, long sequence, String previousHash, Instant recordedAt) {}

    static Written write(long sequence, String previousHash, Instant recordedAt, String payload) {
        StringBuilder b = new StringBuilder(payload.length() + 256);
        b.append("{\"schema\":").append(JsonForm.SCHEMA).append(",\"sequence\":").append(sequence)
                .append(",\"previousHash\":\"").append(previousHash).append("\",\"recordedAt\":\"").append(recordedAt)
                .append("\",").append(payload);
        String hash = sha256(b + "}");
        b.append(HASH_PROPERTY).append(hash).append("\"}");
        return new Written(b.toString(), hash, sequence, previousHash, recordedAt);
    }

    /** What is wrong with the line's hash, or null when its text matches it. */
    static String hashProblem(String line) {
        if (line.length() < HASH_SUFFIX || !line.endsWith("\"}") || !line.startsWith(HASH_PROPERTY, line.length() - HASH_SUFFIX)) {
            return "the record does not end with its hash";
        }
        String stated = line.substring(line.length() - 66, line.length() - 2);
        String actual = sha256(line.substring(0, line.length() - HASH_SUFFIX) + "}");
        return stated.equals(actual) ? null : "its text does not match its hash (stated " + stated.substring(0, 12) + "…, text gives "
                + actual.substring(0, 12) + "…): it was changed after it was written";
    }

    /** The stated hash at the end of a line whose hash checked out. */
    static String hashOf(String line) {
        return line.substring(line.length() - 66, line.length() - 2);
    }

    /** The sequence number a line starts with, without parsing the rest; -1 when it has none. */
    static long sequenceOf(String line) {
        String prefix = "{\"schema\":" + JsonForm.SCHEMA + ",\"sequence\":";
        if (!line.startsWith(prefix)) return -1;
        int end = line.indexOf(',', prefix.length());
        try {
            return end < 0 ? -1 : Long.parseLong(line.substring(prefix.length(), end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Parses a line (the model's checks run on every value).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static JournalRecord parse(String line) {
        Line l;
        try {
            l = JsonForm.MAPPER.readValue(line, Line.class);
        } catch (JacksonException e) {
            throw JsonForm.invalid(e);
        }
        if (l.schema() != JsonForm.SCHEMA) throw new IllegalArgumentException("schema " + l.schema() + " is not supported");
        if ((l.order() == null) == (l.shipment() == null)) throw new IllegalArgumentException("a record holds exactly one of order and shipment");
        if (l.snapshot() == null || l.decision() == null || l.recordedAt() == null || l.previousHash() == null || l.hash() == null) {
            throw new IllegalArgumentException("a record needs previousHash, recordedAt, snapshot, decision and hash");
        }
        CreditRequest request = l.order() != null ? l.order() : l.shipment();
        return new JournalRecord(l.sequence(), l.previousHash(), l.hash(), l.recordedAt(), request, l.snapshot(),
                l.rates() == null ? Map.of() : l.rates(), l.decision(), line);
    }

    static String sha256(String text) {
        MessageDigest d = SHA256.get();
        d.reset();
        return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
