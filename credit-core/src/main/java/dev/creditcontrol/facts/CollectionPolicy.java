package dev.creditcontrol.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rule set decides about reviewing receivables, as data: the aging bands, the days past due
 * at which dunning rises a level, and the provision rate per whole year since issue. Read from the
 * rule set's parameters ({@code aging.bucketDays}, {@code dunning.levelDays}, {@code provision.rates}).
 *
 * @param bucketDays     upper bounds (days past due) of the bands after {@code current}, ascending; past the last: {@code N+}
 * @param levelDays      upper bounds (days past due) of dunning levels 1, 2, ...; past the last: the next level
 * @param provisionRates provision rate for invoices issued less than 1 year ago, 1-2 years, ...; the last applies beyond
 */
public record CollectionPolicy(List<Integer> bucketDays, List<Integer> levelDays, List<BigDecimal> provisionRates) {
    /** Checks the bounds ascend and the rates are shares. */
    public CollectionPolicy {
        bucketDays = ascending(bucketDays, "aging.bucketDays");
        levelDays = ascending(levelDays, "dunning.levelDays");
        provisionRates = List.copyOf(provisionRates);
        if (provisionRates.isEmpty()) throw new IllegalArgumentException("provision.rates needs at least one rate");
        for (BigDecimal r : provisionRates) {
            if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("provision.rates must be between 0 and 1: " + r.toPlainString());
            }
        }
    }

    private static List<Integer> ascending(List<Integer> bounds, String name) {
        List<Integer> copy = List.copyOf(bounds);
        if (copy.isEmpty()) throw new IllegalArgumentException(name + " needs at least one bound");
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i) < 1 || (i > 0 && copy.get(i) <= copy.get(i - 1))) {
                throw new IllegalArgumentException(name + " must be positive and ascending: " + copy);
            }
        }
        return copy;
    }

    /** The band labels in order: {@code current}, {@code 1-30}, ..., {@code 365+}. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>(bucketDays.size() + 2);
        labels.add("current");
        int from = 1;
        for (int bound : bucketDays) {
            labels.add(from + "-" + bound);
            from = bound + 1;
        }
        labels.add(bucketDays.get(bucketDays.size() - 1) + "+");
        return labels;
    }

    /** The band (index into {@link #labels()}) of an item this many days past due. */
    public int bucket(long daysPastDue) {
        if (daysPastDue <= 0) return 0;
        for (int i = 0; i < bucketDays.size(); i++) if (daysPastDue <= bucketDays.get(i)) return i + 1;
        return bucketDays.size() + 1;
    }

    /** The dunning level of an item this many days past due: 0 when not past due. */
    public int level(long daysPastDue) {
        if (daysPastDue <= 0) return 0;
        for (int i = 0; i < levelDays.size(); i++) if (daysPastDue <= levelDays.get(i)) return i + 1;
        return levelDays.size() + 1;
    }

    /** The provision rate of an invoice issued this many whole years ago. */
    public BigDecimal provisionRate(long years) {
        return provisionRates.get((int) Math.min(Math.max(years, 0), provisionRates.size() - 1));
    }
}
