package dev.creditcontrol.flink;

import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.model.CreditGrade;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary of a portfolio run, counted by each task over its share of the snapshots and
 * merged: customers per grade and per warning level, exposure per level (per currency, never
 * added across currencies), records that failed and the first {@value #KEPT} of their errors.
 * Travels between tasks as one JSON line, which is also the summary the job writes.
 */
public final class PortfolioTally {
    static final int KEPT = 100;
    private static final JsonMapper JSON = JsonMapper.builder().enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private long assessed;
    private long failed;
    private final Map<CreditGrade, Long> perGrade = new EnumMap<>(CreditGrade.class);
    private final Map<WarningLevel, Long> perLevel = new EnumMap<>(WarningLevel.class);
    private final Map<WarningLevel, Map<String, BigDecimal>> exposure = new EnumMap<>(WarningLevel.class);
    private final List<String> failures = new ArrayList<>();

    /** An empty tally. */
    PortfolioTally() {
        for (CreditGrade g : CreditGrade.values()) perGrade.put(g, 0L);
        for (WarningLevel l : WarningLevel.values()) {
            perLevel.put(l, 0L);
            exposure.put(l, new TreeMap<>());
        }
    }

    /** Counts one assessment by what the summary keeps of it. */
    void add(CreditGrade grade, WarningLevel level, String currency, BigDecimal exposure) {
        assessed++;
        perGrade.merge(grade, 1L, Long::sum);
        perLevel.merge(level, 1L, Long::sum);
        this.exposure.get(level).merge(currency, exposure, BigDecimal::add);
    }

    /** Counts a record that could not be assessed. */
    void fail(String error) {
        failed++;
        if (failures.size() < KEPT) failures.add(error);
    }

    /** Adds another task's counts to these. */
    PortfolioTally merge(PortfolioTally other) {
        assessed += other.assessed;
        failed += other.failed;
        other.perGrade.forEach((k, v) -> perGrade.merge(k, v, Long::sum));
        other.perLevel.forEach((k, v) -> perLevel.merge(k, v, Long::sum));
        other.exposure.forEach((l, m) -> m.forEach((c, v) -> exposure.get(l).merge(c, v, BigDecimal::add)));
        for (String f : other.failures) if (failures.size() < KEPT) failures.add(f);
        return this;
    }

    /** Customers assessed. */
    public long assessed() {
        return assessed;
    }

    /** Records that could not be assessed. */
    public long failed() {
        return failed;
    }

    /** Customers per grade, every grade present. */
    public Map<CreditGrade, Long> perGrade() {
        return Map.copyOf(perGrade);
    }

    /** Customers per warning level, every level present. */
    public Map<WarningLevel, Long> perLevel() {
        return Map.copyOf(perLevel);
    }

    /** Exposure per level and currency. */
    public Map<WarningLevel, Map<String, BigDecimal>> exposurePerLevel() {
        Map<WarningLevel, Map<String, BigDecimal>> copy = new EnumMap<>(WarningLevel.class);
        exposure.forEach((l, m) -> copy.put(l, Map.copyOf(m)));
        return copy;
    }

    /** The first errors. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** The tally as one JSON line: {@code {"assessed":…,"failed":…,"perGrade":{…},"perLevel":{…},"exposurePerLevel":{…},"failures":[…]}}. */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("assessed", assessed);
        o.put("failed", failed);
        ObjectNode grades = o.putObject("perGrade");
        perGrade.forEach((k, v) -> grades.put(k.name(), v));
        ObjectNode levels = o.putObject("perLevel");
        perLevel.forEach((k, v) -> levels.put(k.name(), v));
        ObjectNode amounts = o.putObject("exposurePerLevel");
        exposure.forEach((l, m) -> {
            ObjectNode perCurrency = amounts.putObject(l.name());
            m.forEach(perCurrency::put);
        });
        failures.forEach(o.putArray("failures")::add);
        return JSON.writeValueAsString(o);
    }

    /** Reads a tally written by {@link #toJson()}. */
    public static PortfolioTally fromJson(String json) {
        JsonNode o = JSON.readTree(json);
        PortfolioTally t = new PortfolioTally();
        t.assessed = o.get("assessed").asLong();
        t.failed = o.get("failed").asLong();
        o.get("perGrade").properties().forEach(e -> t.perGrade.put(CreditGrade.valueOf(e.getKey()), e.getValue().asLong()));
        o.get("perLevel").properties().forEach(e -> t.perLevel.put(WarningLevel.valueOf(e.getKey()), e.getValue().asLong()));
        o.get("exposurePerLevel").properties().forEach(e -> e.getValue().properties()
                .forEach(c -> t.exposure.get(WarningLevel.valueOf(e.getKey())).put(c.getKey(), c.getValue().decimalValue())));
        o.get("failures").forEach(f -> t.failures.add(f.asString()));
        return t;
    }
}
