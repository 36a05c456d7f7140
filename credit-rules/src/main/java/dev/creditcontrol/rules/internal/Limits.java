package dev.creditcontrol.rules.internal;

import java.time.Duration;

/**
 * What one evaluation may take before it is stopped and fails closed.
 *
 * @param maxFirings rule firings (a rule that keeps re-triggering itself loops)
 * @param maxFacts   facts the rules insert (a rule that inserts in a loop exhausts the heap)
 * @param deadline   wall time (a rule that spins in its consequence never fires again)
 */
public record Limits(int maxFirings, int maxFacts, Duration deadline) {
    /** The defaults a {@code CreditControl} starts from. */
    public static final Limits DEFAULT = new Limits(10_000, 10_000, Duration.ofSeconds(2));
    /**
     * The deadline of one warm-up evaluation at load: ten times the check deadline, since a cold
     * JVM's first evaluations are slow. A warm-up evaluation that overruns it refuses the version.
     */
    public Duration warmUpDeadline() {
        return deadline.multipliedBy(10);
    }

    public Limits {
        if (maxFirings < 1) throw new IllegalArgumentException("maxRuleFirings must be at least 1: " + maxFirings);
        if (maxFacts < 1) throw new IllegalArgumentException("maxFactsPerCheck must be at least 1: " + maxFacts);
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("checkDeadline must be positive: " + deadline);
        }
    }

    public Limits withDeadline(Duration d) {
        return new Limits(maxFirings, maxFacts, d);
    }
}
