package dev.creditcontrol.rules.internal;

import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.rules.RuleSetProblem;
import dev.creditcontrol.rules.RuleSetProblem.Severity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The declared type, range and meaning of each parameter ({@code parameter-types.properties}),
 * and the check of {@code parameters.properties} against them: unknown keys (with a
 * did-you-mean), wrong types, values out of range, missing required keys and keys defined twice
 * are errors at their line, so a mistake fails the load instead of the first order.
 */
final class ParameterTypes {
    static final String FILE = "parameter-types.properties";
    private static final Pattern SPEC = Pattern.compile(
            "^(share|days|integer|decimal|money|text|enum|list|decimals|integers)(?:\\(([^)]*)\\))?"
                    + "(?:\\s+(-?[0-9.]*)\\.\\.(-?[0-9.]*))?(?:\\s+(optional))?\\s*(?:\\|\\s*(.*))?$");
    private static final Map<String, String> PLACEHOLDERS = Map.of(
            "<TYPE>", Arrays.stream(CustomerType.values()).map(Enum::name).collect(Collectors.joining("|", "(?:", ")")),
            "<GRADE>", "(?:A|B|C|D)",
            "<CLASS>", "(?:I|II|III)",
            "<FACTOR>", "(?:[A-Za-z][A-Za-z0-9]*)",
            "<BILL>", names(dev.creditcontrol.model.BillType.values()),
            "<SECURITY>", names(dev.creditcontrol.model.SecurityType.values()));

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining("|", "(?:", ")"));
    }
    private static final BigDecimal MAX_MONEY = new BigDecimal("1E15");

    private record Declaration(String name, Pattern key, String type, List<String> choices, BigDecimal min, BigDecimal max,
                               boolean required, String description) {}

    private final List<Declaration> declarations;

    private ParameterTypes(List<Declaration> declarations) {
        this.declarations = declarations;
    }

    /** Reads the declarations; a bad one is reported at its line and left out. */
    static ParameterTypes parse(PropertiesText text, List<RuleSetProblem> problems) {
        List<Declaration> list = new ArrayList<>();
        text.values().forEach((name, spec) -> {
            Matcher m = SPEC.matcher(spec.strip());
            if (!m.matches()) {
                problems.add(error(text, name, "declaration of " + name + " is not 'TYPE [min..max] [optional] | description': '" + spec + "'",
                        "types are share, days, integer, decimal, money, text, enum(A,B), list(A,B), decimals, integers"));
                return;
            }
            String type = m.group(1);
            List<String> choices = m.group(2) == null ? List.of()
                    : Arrays.stream(m.group(2).split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
            if ((type.equals("enum") || type.equals("list")) && choices.isEmpty()) {
                problems.add(error(text, name, "declaration of " + name + ": " + type + " needs its choices, e.g. " + type + "(A,B)", null));
                return;
            }
            BigDecimal min = bound(m.group(3));
            BigDecimal max = bound(m.group(4));
            if (type.equals("share") && m.group(3) == null) {
                min = BigDecimal.ZERO;
                max = BigDecimal.ONE;
            }
            if ((type.equals("days") || type.equals("money")) && min == null) min = BigDecimal.ZERO;
            String regex = Pattern.quote(name);
            for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) regex = regex.replace(p.getKey(), "\\E" + p.getValue() + "\\Q");
            boolean placeholder = name.contains("<");
            list.add(new Declaration(name, Pattern.compile(regex), type, choices, min, max,
                    !placeholder && m.group(5) == null, m.group(6) == null ? "" : m.group(6)));
        });
        return new ParameterTypes(List.copyOf(list));
    }

    private static BigDecimal bound(String text) {
        return text == null || text.isEmpty() ? null : new BigDecimal(text);
    }

    /** Checks every parameter against its declaration. */
    void check(PropertiesText parameters, List<RuleSetProblem> problems) {
        parameters.duplicates().forEach((key, lines) -> problems.add(new RuleSetProblem(Severity.ERROR, parameters.file(),
                lines.get(1), 1, Optional.empty(), "parameter " + key + " is defined twice (lines " + lines.get(0) + " and "
                + lines.get(1) + "); the later value would silently win", Optional.of("keep one of them"))));
        Set<String> factors = new TreeSet<>();
        parameters.values().keySet().forEach(k -> {
            Matcher f = Pattern.compile("^score\\.([A-Za-z][A-Za-z0-9]*)\\.").matcher(k);
            if (f.find()) factors.add(f.group(1));
        });
        for (Map.Entry<String, String> e : parameters.values().entrySet()) {
            String key = e.getKey();
            Optional<Declaration> d = declarations.stream().filter(x -> x.key().matcher(key).matches()).findFirst();
            if (d.isEmpty()) {
                problems.add(new RuleSetProblem(Severity.ERROR, parameters.file(), parameters.lineOf(key), 1, Optional.empty(),
                        "parameter " + key + " is not declared in " + FILE + didYouMean(key, factors),
                        Optional.of("correct its name, or declare it with its type and range")));
                continue;
            }
            checkValue(d.get(), key, e.getValue(), parameters, problems);
        }
        for (Declaration d : declarations) {
            if (d.required() && !parameters.values().containsKey(d.name())) {
                problems.add(new RuleSetProblem(Severity.ERROR, parameters.file(), 0, 0, Optional.empty(),
                        "required parameter " + d.name() + " is not defined" + (d.description().isEmpty() ? "" : " (" + d.description() + ")"),
                        Optional.of("add it to " + parameters.file())));
            }
        }
    }

    private static void checkValue(Declaration d, String key, String value, PropertiesText file, List<RuleSetProblem> problems) {
        String v = value.strip();
        String wrong = switch (d.type()) {
            case "text" -> null;
            case "enum" -> d.choices().contains(v) ? null : "must be one of " + d.choices();
            case "list" -> {
                List<String> unknown = Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isBlank() && !d.choices().contains(s)).toList();
                yield unknown.isEmpty() ? null : "lists " + unknown + ", not among " + d.choices();
            }
            case "decimals", "integers" -> {
                for (String part : v.isEmpty() ? new String[0] : v.split("\\s*,\\s*")) {
                    String p = number(d.type().equals("integers") ? "integer" : "decimal", part, d);
                    if (p != null) yield "has '" + part + "', which " + p;
                }
                yield null;
            }
            default -> number(d.type(), v, d);
        };
        if (wrong != null) {
            problems.add(new RuleSetProblem(Severity.ERROR, file.file(), file.lineOf(key), 1, Optional.empty(),
                    "parameter " + key + " " + wrong + ": '" + value + "'",
                    Optional.of(d.name() + " is " + describe(d) + (d.description().isEmpty() ? "" : ": " + d.description()))));
        }
    }

    /** What is wrong with a number of the type, or null. */
    private static String number(String type, String text, Declaration d) {
        BigDecimal n;
        try {
            n = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return "is not a number" + (text.contains("%") ? " (write a share as a decimal: 0.85, not 85%)"
                    : text.contains(",") ? " (the decimal separator is a point: 0.20)" : "");
        }
        if (n.precision() - n.scale() > 16 || n.scale() > 12) return "is out of any sensible range";
        boolean whole = type.equals("days") || type.equals("integer");
        if (whole && n.stripTrailingZeros().scale() > 0) return "must be a whole number";
        if (type.equals("money") && n.compareTo(MAX_MONEY) > 0) return "is absurdly large";
        if (d.min() != null && n.compareTo(d.min()) < 0) return "must be at least " + d.min().toPlainString();
        if (d.max() != null && n.compareTo(d.max()) > 0) return "must be at most " + d.max().toPlainString();
        return null;
    }

    private static String describe(Declaration d) {
        String range = d.min() == null && d.max() == null ? "" : " " + (d.min() == null ? "" : d.min().toPlainString()) + ".."
                + (d.max() == null ? "" : d.max().toPlainString());
        return d.type() + (d.choices().isEmpty() ? "" : d.choices()) + range;
    }

    private String didYouMean(String key, Set<String> factors) {
        Set<String> candidates = new LinkedHashSet<>();
        for (Declaration d : declarations) expand(d.name(), factors, candidates);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int dist = levenshtein(key.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 6) ? " (did you mean " + best + "?)" : "";
    }

    private static void expand(String name, Set<String> factors, Set<String> out) {
        int i = name.indexOf('<');
        if (i < 0) {
            out.add(name);
            return;
        }
        int j = name.indexOf('>', i);
        String placeholder = name.substring(i, j + 1);
        List<String> values = switch (placeholder) {
            case "<TYPE>" -> Arrays.stream(CustomerType.values()).map(Enum::name).toList();
            case "<GRADE>" -> List.of("A", "B", "C", "D");
            case "<CLASS>" -> List.of("I", "II", "III");
            case "<BILL>" -> Arrays.stream(dev.creditcontrol.model.BillType.values()).map(Enum::name).toList();
            case "<SECURITY>" -> Arrays.stream(dev.creditcontrol.model.SecurityType.values()).map(Enum::name).toList();
            default -> List.copyOf(factors);
        };
        for (String v : values) expand(name.substring(0, i) + v + name.substring(j + 1), factors, out);
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static RuleSetProblem error(PropertiesText text, String key, String message, String hint) {
        return new RuleSetProblem(Severity.ERROR, text.file(), text.lineOf(key), 1, Optional.empty(), message, Optional.ofNullable(hint));
    }
}
