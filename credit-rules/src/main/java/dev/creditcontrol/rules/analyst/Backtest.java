package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.journal.JournalRecord;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.RuleSetInfo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a candidate rule set would have done to recorded decisions: every journal record is
 * decided again, on the candidate's newest version with the rates the record carries, and the
 * outcomes are compared ("what would this version have done to last quarter").
 */
public final class Backtest {
    private Backtest() {}

    /**
     * One kind of change, e.g. APPROVE to ESCALATE.
     *
     * @param from      the recorded outcome
     * @param to        the candidate's outcome
     * @param decisions how many records changed so
     * @param exposure  the order (or shipment) value of those records, summed per currency
     */
    public record Transition(Outcome from, Outcome to, long decisions, Map<String, BigDecimal> exposure) {}

    /**
     * One changed record.
     *
     * @param sequence the record
     * @param orderId  its order
     * @param from     recorded outcome and reason codes
     * @param to       the candidate's
     */
    public record Change(long sequence, String orderId, String from, String to) {}

    /**
     * The back-test's result.
     *
     * @param ruleSet     the candidate version
     * @param records     records read
     * @param unchanged   records decided with the same outcome
     * @param transitions outcome changes, most frequent first
     * @param largest     the changed records with the largest order values, largest first (at most 100)
     * @param failures    records the candidate could not decide, with why (at most 100)
     * @param failed      how many could not be decided
     */
    public record Result(RuleSetInfo ruleSet, long records, long unchanged, List<Transition> transitions, List<Change> largest,
                         List<String> failures, long failed) {
        /** Records whose outcome would change. */
        public long changed() {
            return transitions.stream().mapToLong(Transition::decisions).sum();
        }

        /** The report an analyst reads. */
        public String render() {
            StringBuilder b = new StringBuilder();
            b.append("back-test of ").append(records).append(" recorded decisions on rule set ").append(ruleSet.name()).append(' ')
                    .append(ruleSet.version()).append(" (sha256 ").append(ruleSet.contentHash(), 0, 12).append("…)\n");
            b.append("unchanged: ").append(unchanged).append('\n');
            for (Transition t : transitions) {
                b.append(t.from()).append(" → ").append(t.to()).append(": ").append(t.decisions()).append(" decisions, order value ");
                b.append(String.join(" + ", t.exposure().entrySet().stream().map(e -> e.getValue().toPlainString() + " " + e.getKey()).toList()));
                b.append('\n');
            }
            if (!largest.isEmpty()) {
                b.append("largest changes:\n");
                for (Change c : largest.subList(0, Math.min(10, largest.size()))) {
                    b.append("  record ").append(c.sequence()).append(' ').append(c.orderId()).append(": ").append(c.from()).append(" → ")
                            .append(c.to()).append('\n');
                }
            }
            if (failed > 0) b.append("could not be decided: ").append(failed).append(" (first: ").append(failures.get(0)).append(")\n");
            b.append(changed()).append(" of ").append(records).append(" decisions would change");
            return b.toString();
        }
    }

    /** Decides every record again with {@code candidate} (its newest version) and compares. */
    public static Result run(Stream<JournalRecord> records, CreditControl candidate) {
        List<RuleSetInfo> versions = candidate.ruleSets();
        RuleSetInfo version = versions.get(versions.size() - 1);
        long read = 0;
        long unchanged = 0;
        long failed = 0;
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> exposure = new TreeMap<>();
        List<Change> changes = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Iterator<JournalRecord> it = records.iterator();
        while (it.hasNext()) {
            JournalRecord r = it.next();
            read++;
            CreditDecision now;
            try {
                CreditControl withRates = candidate.withExchangeRates(r.rateSource());
                now = r.request() instanceof dev.creditcontrol.model.ShipmentRequest s
                        ? withRates.checkShipment(s, r.snapshot(), version.version())
                        : withRates.checkOrder((dev.creditcontrol.model.OrderRequest) r.request(), r.snapshot(), version.version());
            } catch (RuntimeException e) {
                failed++;
                if (failures.size() < 100) failures.add("record " + r.sequence() + ": " + e.getMessage());
                continue;
            }
            Outcome before = r.decision().outcome();
            if (now.outcome() == before) {
                unchanged++;
                continue;
            }
            String key = before + ">" + now.outcome();
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            exposure.computeIfAbsent(key, k -> new TreeMap<>()).merge(r.request().total().currencyCode(), r.request().total().amount(), BigDecimal::add);
            changes.add(new Change(r.sequence(), r.request().orderId(), before + " " + codes(r.decision()), now.outcome() + " " + codes(now)));
            values.add(r.request().total().amount());
            if (changes.size() > 1000) keepLargest(changes, values, 100);
        }
        keepLargest(changes, values, 100);
        List<Transition> transitions = new ArrayList<>();
        counts.forEach((k, n) -> {
            String[] p = k.split(">");
            transitions.add(new Transition(Outcome.valueOf(p[0]), Outcome.valueOf(p[1]), n[0], Map.copyOf(exposure.get(k))));
        });
        transitions.sort((a, b) -> Long.compare(b.decisions(), a.decisions()));
        return new Result(version, read, unchanged, List.copyOf(transitions), List.copyOf(changes), List.copyOf(failures), failed);
    }

    private static String codes(CreditDecision d) {
        return d.reasons().stream().map(dev.creditcontrol.decision.Reason::code).toList().toString();
    }

    /** Keeps the {@code n} changes of largest order value, largest first (parallel lists). */
    private static void keepLargest(List<Change> changes, List<BigDecimal> values, int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) order.add(i);
        order.sort((a, b) -> values.get(b).compareTo(values.get(a)));
        List<Change> keptChanges = new ArrayList<>();
        List<BigDecimal> keptValues = new ArrayList<>();
        for (int i = 0; i < Math.min(n, order.size()); i++) {
            keptChanges.add(changes.get(order.get(i)));
            keptValues.add(values.get(order.get(i)));
        }
        changes.clear();
        changes.addAll(keptChanges);
        values.clear();
        values.addAll(keptValues);
    }
}
