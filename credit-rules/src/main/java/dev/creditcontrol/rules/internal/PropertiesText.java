package dev.creditcontrol.rules.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A properties file parsed with {@link Properties}, remembering the line each key is on for messages. */
record PropertiesText(String file, Map<String, String> values, Map<String, Integer> lines) {

    private static final Pattern KEY = Pattern.compile("^\\s*([^#!\\s=:][^\\s=:]*)\\s*[=:\\s]");

    static PropertiesText parse(String file, String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] split = text.split("\n", -1);
        for (int i = 0; i < split.length; i++) {
            Matcher m = KEY.matcher(split[i] + " ");
            if (m.find()) lines.putIfAbsent(m.group(1), i + 1);
        }
        Map<String, String> values = new LinkedHashMap<>();
        lines.keySet().forEach(k -> {
            if (p.containsKey(k)) values.put(k, p.getProperty(k).strip());
        });
        p.stringPropertyNames().forEach(k -> values.putIfAbsent(k, p.getProperty(k).strip()));
        return new PropertiesText(file, values, lines);
    }

    int lineOf(String key) {
        return lines.getOrDefault(key, 0);
    }
}
