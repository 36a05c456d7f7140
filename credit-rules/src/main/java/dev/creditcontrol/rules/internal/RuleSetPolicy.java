package dev.creditcontrol.rules.internal;

import dev.creditcontrol.facts.CollectionPolicy;
import dev.creditcontrol.facts.FactPolicy;
import dev.creditcontrol.facts.LicenceRequirements;
import dev.creditcontrol.model.BillType;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.SecurityType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.rules.CreditEvent;
import dev.creditcontrol.rules.RuleSetProblem;
import dev.creditcontrol.rules.authoring.Parameters;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policy a rule set states as data rather than as rules: which licences each buyer needs,
 * the windows payment behaviour is measured over, and which events call for a new assessment.
 * Read once when the rule set loads; a mistake is a load error at the parameter's line.
 */
public record RuleSetPolicy(FactPolicy facts, Set<CreditEvent.Kind> reassessOn, Optional<CollectionPolicy> collection) {
    /** Parameter prefixes the engine reads itself, so the lint does not call them unused. */
    static final Set<String> PARAMETERS = Set.of("licence.required.", "history.", "reassess.", "exposure.billShare.",
            "limit.securityShare.", "aging.", "dunning.", "provision.");

    /** Reads the policy, or reports each mistake (with its key) and returns empty. */
    static Optional<RuleSetPolicy> read(Parameters p, PropertiesText lines, List<RuleSetProblem> problems) {
        int before = problems.size();
        Map<CustomerType, Map<DeviceClass, Set<LicenceType>>> table = new EnumMap<>(CustomerType.class);
        for (CustomerType type : CustomerType.values()) {
            Map<DeviceClass, Set<LicenceType>> row = new EnumMap<>(DeviceClass.class);
            for (DeviceClass cls : DeviceClass.values()) {
                String key = "licence.required." + cls;
                String qualified = key + "." + type;
                String used = p.has(qualified) ? qualified : key;
                if (!p.has(used)) {
                    problems.add(error(lines, key, "parameter " + key + " (or " + qualified + ") is not defined: say which"
                            + " licences a " + type + " needs for class " + cls + " devices (empty: none)"));
                    continue;
                }
                row.put(cls, enums(LicenceType.class, p.text(used), used, lines, problems));
            }
            table.put(type, row);
        }
        int historyMonths = integer(p, "history.months", lines, problems);
        int recentMonths = integer(p, "history.recentMonths", lines, problems);
        int newCustomerMonths = integer(p, "history.newCustomerMonths", lines, problems);
        int newCustomerInvoices = integer(p, "history.newCustomerInvoices", lines, problems);
        int salesWindowDays = integer(p, "history.salesWindowDays", lines, problems);
        Set<CreditEvent.Kind> reassessOn = p.has("reassess.on")
                ? enums(CreditEvent.Kind.class, p.text("reassess.on"), "reassess.on", lines, problems)
                : missing(lines, "reassess.on", EnumSet.noneOf(CreditEvent.Kind.class), problems);
        if (reassessOn.contains(CreditEvent.Kind.LARGE_ORDER)) integer(p, "reassess.largeOrderShare", lines, problems, true);
        Map<BillType, BigDecimal> billShares = shares(p, BillType.class, "exposure.billShare.", lines, problems);
        Map<SecurityType, BigDecimal> securityShares = shares(p, SecurityType.class, "limit.securityShare.", lines, problems);
        Optional<CollectionPolicy> collection = collection(p, lines, problems);
        if (problems.size() > before) return Optional.empty();
        try {
            FactPolicy facts = new FactPolicy(LicenceRequirements.of(table), historyMonths, recentMonths,
                    newCustomerMonths, newCustomerInvoices, salesWindowDays, billShares, securityShares);
            return Optional.of(new RuleSetPolicy(facts, Set.copyOf(reassessOn), collection));
        } catch (IllegalArgumentException e) {
            String key = e.getMessage().split(" ", 2)[0];
            problems.add(error(lines, key, e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * The receivables policy, when the rule set reviews receivables: all three of
     * {@code aging.bucketDays}, {@code dunning.levelDays} and {@code provision.rates}, or none.
     */
    private static Optional<CollectionPolicy> collection(Parameters p, PropertiesText lines, List<RuleSetProblem> problems) {
        List<String> keys = List.of("aging.bucketDays", "dunning.levelDays", "provision.rates");
        long given = keys.stream().filter(p::has).count();
        if (given == 0) return Optional.empty();
        if (given < keys.size()) {
            for (String k : keys) if (!p.has(k)) problems.add(error(lines, k, "parameter " + k + " is not defined: a rule set "
                    + "that reviews receivables needs aging.bucketDays, dunning.levelDays and provision.rates"));
            return Optional.empty();
        }
        try {
            return Optional.of(new CollectionPolicy(integers(p.text("aging.bucketDays")), integers(p.text("dunning.levelDays")),
                    Arrays.stream(p.text("provision.rates").split("\\s*,\\s*")).map(String::strip).map(BigDecimal::new).toList()));
        } catch (IllegalArgumentException e) {
            String key = e.getMessage().split(" ", 2)[0];
            problems.add(error(lines, keys.contains(key) ? key : "provision.rates", e.getMessage()));
            return Optional.empty();
        }
    }

    private static List<Integer> integers(String text) {
        return Arrays.stream(text.split("\\s*,\\s*")).map(String::strip).map(Integer::valueOf).toList();
    }

    /** The shares given per constant ({@code prefix + NAME}); a constant without one gets the policy's cautious default. */
    private static <E extends Enum<E>> Map<E, BigDecimal> shares(Parameters p, Class<E> type, String prefix, PropertiesText lines,
                                                                List<RuleSetProblem> problems) {
        Map<E, BigDecimal> shares = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            String key = prefix + e.name();
            if (!p.has(key)) continue;
            try {
                shares.put(e, p.decimal(key));
            } catch (IllegalStateException notANumber) {
                problems.add(error(lines, key, notANumber.getMessage()));
            }
        }
        return shares;
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String text, String key, PropertiesText lines,
                                                   List<RuleSetProblem> problems) {
        Set<E> set = EnumSet.noneOf(type);
        for (String name : text.split("[\\s,]+")) {
            if (name.isEmpty()) continue;
            try {
                set.add(Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(error(lines, key, "parameter " + key + ": '" + name + "' is not one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
            }
        }
        return set;
    }

    private static int integer(Parameters p, String key, PropertiesText lines, List<RuleSetProblem> problems) {
        return integer(p, key, lines, problems, false);
    }

    /** Reads a positive whole number (or, with {@code decimal}, checks a positive number) and reports what is wrong. */
    private static int integer(Parameters p, String key, PropertiesText lines, List<RuleSetProblem> problems, boolean decimal) {
        if (!p.has(key)) return missing(lines, key, 0, problems);
        try {
            if (decimal) {
                if (p.decimal(key).signum() <= 0) problems.add(error(lines, key, "parameter " + key + " must be above 0"));
                return 0;
            }
            int value = p.integer(key);
            if (value < 1) problems.add(error(lines, key, "parameter " + key + " must be at least 1: " + value));
            return value;
        } catch (IllegalStateException e) {
            problems.add(error(lines, key, e.getMessage()));
            return 0;
        }
    }

    private static <T> T missing(PropertiesText lines, String key, T fallback, List<RuleSetProblem> problems) {
        problems.add(error(lines, key, "parameter " + key + " is not defined"));
        return fallback;
    }

    private static RuleSetProblem error(PropertiesText lines, String key, String message) {
        return RuleSetProblem.error(lines.file(), lines.lineOf(key), 1, message);
    }
}
