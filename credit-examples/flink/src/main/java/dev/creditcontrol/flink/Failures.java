package dev.creditcontrol.flink;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The side output of a bad record: what was wrong and the record as read. */
final class Failures {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Failures() {}

    /** The error's message, or its type when it has none. */
    static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName() : e.getMessage();
    }

    /** {@code {"error":"…","record":"…"}} on one line. */
    static String json(String error, String record) {
        ObjectNode o = JSON.createObjectNode();
        o.put("error", error);
        o.put("record", record);
        return JSON.writeValueAsString(o);
    }
}
