package dev.creditcontrol.rules.internal;

import dev.creditcontrol.rules.RuleSetProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule set's {@code ruleset.properties}: name, semantic version, effective-from date,
 * description, the reason codes its rules may raise, the files it is made of (so that a
 * missing, renamed or misplaced file is an error, not a silently smaller rule set) and the currency
 * its money thresholds are written in.
 */
record Manifest(String name, String version, LocalDate effectiveFrom, String description, Set<String> reasonCodes,
                Set<String> files, java.util.Optional<String> currency) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?");

    /** Parses the manifest; problems go to {@code problems} and a null is returned when any was found. */
    static Manifest parse(PropertiesText p, List<RuleSetProblem> problems) {
        int before = problems.size();
        String name = require(p, "name", problems);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add(at(p, "name", "name must be lower-case letters, digits and '-': '" + name + "'"));
        }
        String version = require(p, "version", problems);
        if (version != null && !SEMVER.matcher(version).matches()) {
            problems.add(at(p, "version", "version must be a semantic version such as 1.2.0: '" + version + "'"));
        }
        String from = require(p, "effectiveFrom", problems);
        LocalDate effectiveFrom = null;
        if (from != null) {
            try {
                effectiveFrom = LocalDate.parse(from);
            } catch (DateTimeParseException e) {
                problems.add(at(p, "effectiveFrom", "effectiveFrom must be a date as YYYY-MM-DD: '" + from + "'"));
            }
        }
        String description = p.values().getOrDefault("description", "");
        String codes = require(p, "reasonCodes", problems);
        Set<String> reasonCodes = new LinkedHashSet<>();
        if (codes != null) {
            Arrays.stream(codes.split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(reasonCodes::add);
        }
        String fileList = require(p, "files", problems);
        Set<String> files = new LinkedHashSet<>();
        if (fileList != null) {
            for (String f : fileList.split("[,\\s]+")) {
                if (f.isBlank()) continue;
                if (!f.equals(RuleSetSource.PARAMETERS) && !f.equals(ParameterTypes.FILE) && !f.endsWith(".drl") && !Messages.isBundle(f)) {
                    problems.add(at(p, "files", "files lists '" + f + "': a rule set is made of " + RuleSetSource.PARAMETERS
                            + ", " + ParameterTypes.FILE + ", .drl files and message bundles (messages.properties, messages_zh_CN.properties)"));
                } else if (f.startsWith("/") || f.contains("..") || f.startsWith("scenarios/")) {
                    problems.add(at(p, "files", "files lists '" + f + "': rule files live in the rule-set folder (or a sub-folder"
                            + " other than scenarios/), named relative to it"));
                } else if (!files.add(f)) {
                    problems.add(at(p, "files", "files lists '" + f + "' twice"));
                }
            }
            if (!files.contains(RuleSetSource.PARAMETERS)) {
                problems.add(at(p, "files", "files must list " + RuleSetSource.PARAMETERS));
            }
        }
        String currency = p.values().get("currency");
        if (currency == null || currency.isBlank()) {
            currency = null;
            problems.add(new RuleSetProblem(RuleSetProblem.Severity.WARNING, p.file(), 0, 0, java.util.Optional.empty(),
                    "manifest has no currency: money thresholds are read in each account's own currency, unconverted",
                    java.util.Optional.of("declare the currency the thresholds are written in, e.g. currency=CNY")));
        } else {
            try {
                currency = java.util.Currency.getInstance(currency.strip()).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                problems.add(at(p, "currency", "currency is not an ISO 4217 code: '" + currency + "'"));
            }
        }
        if (problems.subList(before, problems.size()).stream().anyMatch(x -> x.severity() == RuleSetProblem.Severity.ERROR)) return null;
        return new Manifest(name, version, effectiveFrom, description, Set.copyOf(reasonCodes), Set.copyOf(files),
                java.util.Optional.ofNullable(currency));
    }

    private static String require(PropertiesText p, String key, List<RuleSetProblem> problems) {
        String v = p.values().get(key);
        if (v == null || v.isBlank()) {
            problems.add(RuleSetProblem.error(p.file(), p.lineOf(key), 0, "manifest has no " + key));
            return null;
        }
        return v;
    }

    private static RuleSetProblem at(PropertiesText p, String key, String message) {
        return RuleSetProblem.error(p.file(), p.lineOf(key), 1, message);
    }
}
