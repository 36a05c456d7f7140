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
 * outcomes are compared ("what would this version have done to last quarter"). A journal too large
 * for one process is split: each part is counted in its own {@link Tally}, and the tallies merge
 * into the same result as one run over the whole (the Flink back-test job does this).
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
    public record Change(long sequence, String orderId, String from, String to) implements java.io.Serializable {}

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
        RuleSetInfo version = newest(candidate);
        Tally tally = new Tally();
        Iterator<JournalRecord> it = records.iterator();
        while (it.hasNext()) tally.add(it.next(), candidate, version);
        return tally.result(version);
    }

    /** The version a back-test decides on: the candidate's newest. */
    public static RuleSetInfo newest(CreditControl candidate) {
        List<RuleSetInfo> versions = candidate.ruleSets();
        return versions.get(versions.size() - 1);
    }

    private static String codes(CreditDecision d) {
        return d.reasons().stream().map(dev.creditcontrol.decision.Reason::code).toList().toString();
    }

    /**
     * The counts of a back-test over some of the records; tallies over disjoint parts merge, in
     * any order, into the tally of the whole (the largest changes and the first failures are kept
     * by value and by sequence, so which part counted a record does not matter). Not thread-safe;
     * serializable, so a distributed job can ship a part's tally.
     */
    public static final class Tally implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private static final int KEPT = 100;
        private long read;
        private long unchanged;
        private long failed;
        private final TreeMap<String, long[]> counts = new TreeMap<>();
        private final TreeMap<String, TreeMap<String, BigDecimal>> exposure = new TreeMap<>();
        private final ArrayList<Ranked> largest = new ArrayList<>();
        private final java.util.TreeSet<Failed> failures = new java.util.TreeSet<>();

        private record Ranked(BigDecimal value, Change change) implements java.io.Serializable {}

        /** A failure, ordered by sequence (0: a line that is not a record), then text. */
        private record Failed(long sequence, String text) implements java.io.Serializable, Comparable<Failed> {
            @Override
            public int compareTo(Failed o) {
                int c = Long.compare(sequence, o.sequence);
                return c != 0 ? c : text.compareTo(o.text);
            }
        }

        /** Decides {@code r} again with {@code candidate} on {@code version} and counts the outcome. */
        public void add(JournalRecord r, CreditControl candidate, RuleSetInfo version) {
            read++;
            CreditDecision now;
            try {
                CreditControl withRates = candidate.withExchangeRates(r.rateSource());
                now = r.request() instanceof dev.creditcontrol.model.ShipmentRequest s
                        ? withRates.checkShipment(s, r.snapshot(), version.version())
                        : withRates.checkOrder((dev.creditcontrol.model.OrderRequest) r.request(), r.snapshot(), version.version());
            } catch (RuntimeException e) {
                fail(r.sequence(), e.getMessage());
                return;
            }
            Outcome before = r.decision().outcome();
            if (now.outcome() == before) {
                unchanged++;
                return;
            }
            String key = before + ">" + now.outcome();
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            exposure.computeIfAbsent(key, k -> new TreeMap<>()).merge(r.request().total().currencyCode(), r.request().total().amount(), BigDecimal::add);
            largest.add(new Ranked(r.request().total().amount(),
                    new Change(r.sequence(), r.request().orderId(), before + " " + codes(r.decision()), now.outcome() + " " + codes(now))));
            if (largest.size() > 10 * KEPT) keepLargest();
        }

        /** Counts a record that could not be read ({@code sequence} 0 when unknown) or decided. */
        public void fail(long sequence, String message) {
            read++;
            failed++;
            failures.add(new Failed(sequence, sequence == 0 ? message : "record " + sequence + ": " + message));
            if (failures.size() > KEPT) failures.pollLast();
        }

        /** Adds another part's counts to these. */
        public Tally merge(Tally other) {
            read += other.read;
            unchanged += other.unchanged;
            failed += other.failed;
            other.counts.forEach((k, n) -> counts.computeIfAbsent(k, x -> new long[1])[0] += n[0]);
            other.exposure.forEach((k, m) -> m.forEach((c, v) -> exposure.computeIfAbsent(k, x -> new TreeMap<>()).merge(c, v, BigDecimal::add)));
            largest.addAll(other.largest);
            keepLargest();
            failures.addAll(other.failures);
            while (failures.size() > KEPT) failures.pollLast();
            return this;
        }

        /** The result so far, for {@code version}. */
        public Result result(RuleSetInfo version) {
            keepLargest();
            List<Transition> transitions = new ArrayList<>();
            counts.forEach((k, n) -> {
                String[] p = k.split(">");
                transitions.add(new Transition(Outcome.valueOf(p[0]), Outcome.valueOf(p[1]), n[0], Map.copyOf(exposure.get(k))));
            });
            transitions.sort((a, b) -> Long.compare(b.decisions(), a.decisions()));
            return new Result(version, read, unchanged, List.copyOf(transitions), largest.stream().map(Ranked::change).toList(),
                    failures.stream().map(Failed::text).toList(), failed);
        }

        /** Keeps the changes of largest order value, largest first; equal values by sequence. */
        private void keepLargest() {
            largest.sort(java.util.Comparator.comparing(Ranked::value, java.util.Comparator.reverseOrder())
                    .thenComparingLong(x -> x.change().sequence()));
            if (largest.size() > KEPT) largest.subList(KEPT, largest.size()).clear();
        }
    }
}
