package dev.creditcontrol.rules.internal;

import dev.creditcontrol.rules.RuleSetProblem;
import dev.creditcontrol.rules.authoring.Format;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule set's message bundles: {@code messages.properties} (the base language, English in the
 * bundled set) and {@code messages_<lang>[_<COUNTRY>].properties} (UTF-8), declared in
 * {@code files=}. A text names its values in braces: {@code {limit}}, or {@code {share,percent}}
 * for a share shown as a percentage; every value is written by {@link Format}. Texts are looked up
 * for a locale by exact tag, then language (or, without a bundle of the bare language, one of a
 * country of it: {@code zh} reads {@code zh_CN}), then the base; the JVM's default locale plays no part.
 */
public final class Messages {
    /** The base bundle's file name. */
    public static final String BASE = "messages.properties";
    private static final Pattern FILE = Pattern.compile("messages(?:_([a-z]{2})(?:_([A-Z]{2}))?)?\\.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(?:,(percent))?}");
    /** A rule set without bundles: every message is the rule's own text. */
    public static final Messages NONE = new Messages(Map.of());

    /** Texts by bundle suffix ("" base, "zh", "zh_CN"). */
    private final Map<String, Map<String, String>> bundles;
    private final Map<Locale, Bundle> byLocale = new java.util.concurrent.ConcurrentHashMap<>();

    private Messages(Map<String, Map<String, String>> bundles) {
        this.bundles = bundles;
    }

    /** Whether {@code file} (relative to the rule set) is a message bundle's name. */
    public static boolean isBundle(String file) {
        return FILE.matcher(file).matches();
    }

    /** Reads the declared bundles; problems (a bad file, a placeholder the base lacks) go to {@code problems}. */
    static Messages read(Map<String, String> files, Set<String> declared, List<RuleSetProblem> problems) {
        Map<String, Map<String, String>> bundles = new TreeMap<>();
        for (String file : declared) {
            Matcher m = FILE.matcher(file);
            if (!m.matches() || !files.containsKey(file)) continue;
            String suffix = m.group(1) == null ? "" : m.group(1) + (m.group(2) == null ? "" : "_" + m.group(2));
            try {
                bundles.put(suffix, PropertiesText.parse(file, files.get(file)).values());
            } catch (dev.creditcontrol.rules.RuleSetException e) {
                problems.addAll(e.problems());
            }
        }
        if (!bundles.isEmpty() && !bundles.containsKey("")) {
            problems.add(RuleSetProblem.error(bundles.keySet().iterator().next().isEmpty() ? BASE : "messages_"
                    + bundles.keySet().iterator().next() + ".properties", 0, 0, "a rule set with message bundles needs the base "
                    + BASE + " (the language a locale without its own bundle gets)"));
        }
        return bundles.isEmpty() ? NONE : new Messages(bundles);
    }

    /** The keys a bundle lacks of {@code keys}, by bundle file name. */
    Map<String, List<String>> missing(Set<String> keys) {
        Map<String, List<String>> missing = new TreeMap<>();
        bundles.forEach((suffix, texts) -> {
            List<String> lacking = keys.stream().filter(k -> !texts.containsKey(k)).sorted().toList();
            if (!lacking.isEmpty()) missing.put(suffix.isEmpty() ? BASE : "messages_" + suffix + ".properties", lacking);
        });
        return missing;
    }

    /** The texts for {@code locale}. */
    public Bundle forLocale(Locale locale) {
        return byLocale.computeIfAbsent(locale, l -> {
            Map<String, String> texts = new HashMap<>(bundles.getOrDefault("", Map.of()));
            if (!l.getLanguage().isEmpty()) {
                // the language's own bundle; else one of a country of that language (zh gets zh_CN)
                Map<String, String> language = bundles.get(l.getLanguage());
                if (language == null) {
                    language = bundles.entrySet().stream().filter(e -> e.getKey().startsWith(l.getLanguage() + "_"))
                            .map(Map.Entry::getValue).findFirst().orElse(Map.of());
                }
                texts.putAll(language);
            }
            if (!l.getCountry().isEmpty()) texts.putAll(bundles.getOrDefault(l.getLanguage() + "_" + l.getCountry(), Map.of()));
            return new Bundle(Map.copyOf(texts));
        });
    }

    /** The texts of one language: a key's text, formatted with named values. */
    public static final class Bundle {
        private final Map<String, String> texts;
        /** Each text split once into literal parts and placeholders: formatting runs per finding. */
        private final Map<String, Object[]> templates = new java.util.concurrent.ConcurrentHashMap<>();

        Bundle(Map<String, String> texts) {
            this.texts = texts;
        }

        /** Literal strings and {name, percent?} placeholders, in order. */
        private Object[] template(String text) {
            List<Object> parts = new java.util.ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(text);
            int at = 0;
            while (m.find()) {
                if (m.start() > at) parts.add(text.substring(at, m.start()));
                parts.add(new String[] {m.group(1), m.group(2), m.group()});
                at = m.end();
            }
            if (at < text.length()) parts.add(text.substring(at));
            return parts.toArray();
        }

        /** Whether the bundle has a text for {@code key}. */
        public boolean has(String key) {
            return texts.containsKey(key);
        }

        /** The text of {@code key}, or empty. */
        public java.util.Optional<String> text(String key) {
            return java.util.Optional.ofNullable(texts.get(key));
        }

        private static int indexOf(Object[] namedValues, String name) {
            for (int i = 0; i + 1 < namedValues.length; i += 2) if (name.equals(namedValues[i])) return i;
            return -1;
        }

        /**
         * {@code message} formatted: when it is a key of this bundle, its text with each
         * {@code {name}} replaced by the named value (written by {@link Format}); otherwise the
         * rule's own text, as given.
         */
        public String format(String message, Object[] namedValues) {
            String text = texts.get(message);
            if (text == null) return message;
            Object[] parts = templates.computeIfAbsent(message, k -> template(text));
            StringBuilder out = new StringBuilder(text.length() + 32);
            for (Object part : parts) {
                if (part instanceof String literal) {
                    out.append(literal);
                    continue;
                }
                String[] p = (String[]) part;
                int i = indexOf(namedValues, p[0]);
                if (i < 0) {
                    out.append(p[2]);
                    continue;
                }
                Object v = namedValues[i + 1];
                out.append("percent".equals(p[1]) && v instanceof java.math.BigDecimal b ? Format.percent(b) : Format.value(v));
            }
            return out.toString();
        }
    }
}
