package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.WarningAction;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.rules.CreditControl;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Assesses a whole portfolio, streamed: snapshots are pulled from an iterator in small batches by
 * a few workers, so memory stays bounded however many customers there are (only the
 * alerts are kept). Reports progress, and returns the alerts (customers at ORANGE or RED) and a
 * summary: counts per grade and per level, exposure per level.
 *
 * <pre>{@code
 * PortfolioMonitor.Summary s = PortfolioMonitor.builder(control).threads(2)
 *         .progress(p -> log.info("{} assessed", p)).build().run(snapshots);
 * }</pre>
 */
public final class PortfolioMonitor {
    private final CreditControl control;
    private final int threads;
    private final int batchSize;
    private final long progressEvery;
    private final Consumer<Long> progress;
    private final Consumer<Alert> alertSink;
    private final Executor executor;

    private PortfolioMonitor(Builder b) {
        this.executor = b.executor;
        this.control = b.control;
        this.threads = b.threads;
        this.batchSize = b.batchSize;
        this.progressEvery = b.progressEvery;
        this.progress = b.progress;
        this.alertSink = b.alertSink;
    }

    /** Starts configuring a monitor that assesses with {@code control}. */
    public static Builder builder(CreditControl control) {
        if (control == null) throw new IllegalArgumentException("control is required but was null");
        return new Builder(control);
    }

    /**
     * A customer that needs attention.
     *
     * @param customerId customer
     * @param level      ORANGE or RED
     * @param score      its score
     * @param grade      its grade
     * @param actions    what the warnings ask for
     * @param codes      the warnings' reason codes
     * @param exposure   its exposure
     */
    public record Alert(String customerId, WarningLevel level, int score, CreditGrade grade, Set<WarningAction> actions,
                        List<String> codes, Money exposure) {}

    /**
     * The result of a run.
     *
     * @param assessed         customers assessed
     * @param failed           snapshots whose assessment failed (see {@code failures})
     * @param perGrade         customers per grade
     * @param perLevel         customers per warning level
     * @param exposurePerLevel exposure per warning level (amounts summed as numbers; one currency assumed)
     * @param alerts           customers at ORANGE or RED, in no particular order (empty when they went to an alert sink)
     * @param failures         the first few failures' messages
     * @param elapsed          wall-clock time of the run
     */
    public record Summary(long assessed, long failed, Map<CreditGrade, Long> perGrade, Map<WarningLevel, Long> perLevel,
                          Map<WarningLevel, BigDecimal> exposurePerLevel, List<Alert> alerts, List<String> failures,
                          Duration elapsed) {}

    /** Assesses every snapshot the iterator gives; the iterator is read by one thread at a time. */
    public Summary run(Iterator<CustomerSnapshot> snapshots) {
        long start = System.nanoTime();
        ConcurrentLinkedQueue<Alert> alerts = new ConcurrentLinkedQueue<>();
        StreamedRun<Tally> run = StreamedRun.run(snapshots, threads, batchSize, executor, progressEvery, progress, "portfolio run",
                () -> new Tally(a -> {
                    Alert alert = new Alert(a.customerId(), a.warningLevel(), a.score(), a.grade(), a.actions(),
                            a.reasons().stream().map(r -> r.code()).toList(), a.exposure());
                    if (alertSink == null) alerts.add(alert);
                    else alertSink.accept(alert);
                }));
        Tally total = new Tally(null);
        run.workers.forEach(total::merge);
        return new Summary(total.assessed, run.failed.get(), Collections.unmodifiableMap(total.perGrade),
                Collections.unmodifiableMap(total.perLevel), Collections.unmodifiableMap(total.exposure),
                List.copyOf(alerts), List.copyOf(run.failures), Duration.ofNanos(System.nanoTime() - start));
    }

    /** One worker's counts, merged at the end so workers never contend on them. */
    private final class Tally implements StreamedRun.Worker {
        private final Consumer<CreditAssessment> alert;
        long assessed;
        final Map<CreditGrade, Long> perGrade = new EnumMap<>(CreditGrade.class);
        final Map<WarningLevel, Long> perLevel = new EnumMap<>(WarningLevel.class);
        final Map<WarningLevel, BigDecimal> exposure = new EnumMap<>(WarningLevel.class);

        Tally(Consumer<CreditAssessment> alert) {
            this.alert = alert;
            for (CreditGrade g : CreditGrade.values()) perGrade.put(g, 0L);
            for (WarningLevel l : WarningLevel.values()) {
                perLevel.put(l, 0L);
                exposure.put(l, BigDecimal.ZERO);
            }
        }

        @Override
        public void handle(CustomerSnapshot s) {
            CreditAssessment a = control.assess(s);
            add(a);
            if (a.warningLevel() != WarningLevel.GREEN) alert.accept(a);
        }

        void add(CreditAssessment a) {
            assessed++;
            perGrade.merge(a.grade(), 1L, Long::sum);
            perLevel.merge(a.warningLevel(), 1L, Long::sum);
            exposure.merge(a.warningLevel(), a.exposure().amount(), BigDecimal::add);
        }

        void merge(Tally other) {
            assessed += other.assessed;
            other.perGrade.forEach((k, v) -> perGrade.merge(k, v, Long::sum));
            other.perLevel.forEach((k, v) -> perLevel.merge(k, v, Long::sum));
            other.exposure.forEach((k, v) -> exposure.merge(k, v, BigDecimal::add));
        }
    }

    /** Configures a {@link PortfolioMonitor}. */
    public static final class Builder {
        private final CreditControl control;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int batchSize = 256;
        private long progressEvery = 100_000;
        private Consumer<Long> progress;
        private Consumer<Alert> alertSink;
        private Executor executor;

        private Builder(CreditControl control) {
            this.control = control;
        }

        /**
         * Runs the workers on the host's executor (each worker is one task that lasts the whole
         * run), instead of on threads the run starts and stops itself.
         */
        public Builder executor(Executor executor) {
            if (executor == null) throw new IllegalArgumentException("executor is required but was null");
            this.executor = executor;
            return this;
        }

        /** Workers, each taking batches from the iterator (default: the number of processors). */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
            this.threads = threads;
            return this;
        }

        /** Snapshots a worker takes at a time (default 256); bounds memory to threads × batchSize snapshots. */
        public Builder batchSize(int size) {
            if (size < 1) throw new IllegalArgumentException("batchSize must be at least 1: " + size);
            this.batchSize = size;
            return this;
        }

        /** Called with the number assessed so far every {@code every} customers, from a worker thread. */
        public Builder progress(long every, Consumer<Long> listener) {
            if (every < 1) throw new IllegalArgumentException("progress interval must be at least 1: " + every);
            if (listener == null) throw new IllegalArgumentException("progress listener is required but was null");
            this.progressEvery = every;
            this.progress = listener;
            return this;
        }

        /**
         * Hands each alert to {@code sink} (from a worker thread; must be thread-safe) instead of
         * keeping it in the summary: memory then stays bounded however many customers alert.
         */
        public Builder alerts(Consumer<Alert> sink) {
            if (sink == null) throw new IllegalArgumentException("alert sink is required but was null");
            this.alertSink = sink;
            return this;
        }

        /** The monitor, ready to {@link PortfolioMonitor#run run}. */
        public PortfolioMonitor build() {
            return new PortfolioMonitor(this);
        }
    }
}
