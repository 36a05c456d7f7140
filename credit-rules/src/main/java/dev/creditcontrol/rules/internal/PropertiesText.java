package dev.creditcontrol.rules.internal;

import dev.creditcontrol.rules.RuleSetException;
import dev.creditcontrol.rules.RuleSetProblem;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A properties file parsed with {@link Properties}, remembering the line each key is on for
 * messages, and the keys defined more than once (where {@link Properties} silently keeps the last).
 *
 * @param duplicates keys defined more than once, with the lines of their definitions
 */
record PropertiesText(String file, Map<String, String> values, Map<String, Integer> lines, Map<String, List<Integer>> duplicates) {

    private static final Pattern KEY = Pattern.compile("^\\s*([^#!\\s=:][^\\s=:]*)\\s*[=:\\s]");
    private static final Pattern BAD_ESCAPE = Pattern.compile("\\\\u(?![0-9a-fA-F]{4})");

    /**
     * Parses the text.
     *
     * @throws RuleSetException with the file and line when the text is not a valid properties file
     *                          (a malformed {@code \\u} escape)
     */
    static PropertiesText parse(String file, String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new RuleSetException(file + " is not a valid properties file", List.of(
                    RuleSetProblem.error(file, lineOfBadEscape(text), 1, e.getMessage() + " (a backslash-u must be followed by"
                            + " four hex digits; write a literal backslash as \\\\\\\\)")));
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        Map<String, List<Integer>> duplicates = new LinkedHashMap<>();
        String[] split = text.split("\n", -1);
        boolean continued = false;
        for (int i = 0; i < split.length; i++) {
            String line = split[i];
            boolean startsKey = !continued;
            continued = endsWithContinuation(line) && !line.stripLeading().startsWith("#") && !line.stripLeading().startsWith("!");
            if (!startsKey) continue;
            Matcher m = KEY.matcher(line + " ");
            if (!m.find()) continue;
            Integer first = lines.putIfAbsent(m.group(1), i + 1);
            if (first != null) duplicates.computeIfAbsent(m.group(1), k -> new ArrayList<>(List.of(first))).add(i + 1);
        }
        Map<String, String> values = new LinkedHashMap<>();
        lines.keySet().forEach(k -> {
            if (p.containsKey(k)) values.put(k, p.getProperty(k).strip());
        });
        p.stringPropertyNames().forEach(k -> values.putIfAbsent(k, p.getProperty(k).strip()));
        return new PropertiesText(file, values, lines, duplicates);
    }

    private static boolean endsWithContinuation(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) n++;
        return n % 2 == 1;
    }

    private static int lineOfBadEscape(String text) {
        String[] split = text.split("\n", -1);
        for (int i = 0; i < split.length; i++) if (BAD_ESCAPE.matcher(split[i]).find()) return i + 1;
        return 0;
    }

    int lineOf(String key) {
        return lines.getOrDefault(key, 0);
    }
}
