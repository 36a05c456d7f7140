package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.AgingBucket;
import dev.creditcontrol.decision.CollectionAction;
import dev.creditcontrol.decision.ReceivablesReview;
import dev.creditcontrol.decision.Tone;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.rules.CreditControl;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reviews the receivables of a whole portfolio, streamed like {@link PortfolioMonitor}: workers pull
 * snapshots in batches, so memory stays bounded (tallies, the 20 largest exposures, and the notices
 * only when no sink takes them). Totals per aging band, per customer type and band, per grade, per
 * warning level (the level the host recorded on each snapshot), provision per band and type, and
 * the notices of the day. Every account must be in one reporting currency; a snapshot in another
 * is counted as failed.
 *
 * <pre>{@code
 * ReceivablesPortfolio.Summary s = ReceivablesPortfolio.builder(control).currency("CNY").threads(2)
 *         .notices(n -> mailer.queue(n)).build().run(snapshots);
 * }</pre>
 */
public final class ReceivablesPortfolio {
    /** Notices kept in the summary when no sink takes them. */
    public static final int KEPT_NOTICES = 10_000;
    private final CreditControl control;
    private final String currency;
    private final int threads;
    private final int batchSize;
    private final long progressEvery;
    private final Consumer<Long> progress;
    private final Consumer<Notice> sink;
    private final Executor executor;

    private ReceivablesPortfolio(Builder b) {
        this.control = b.control;
        this.currency = b.currency;
        this.threads = b.threads;
        this.batchSize = b.batchSize;
        this.progressEvery = b.progressEvery;
        this.progress = b.progress;
        this.sink = b.sink;
        this.executor = b.executor;
    }

    /** Starts configuring a run that reviews with {@code control}. */
    public static Builder builder(CreditControl control) {
        if (control == null) throw new IllegalArgumentException("control is required but was null");
        return new Builder(control);
    }

    /**
     * A notice to send today.
     *
     * @param customerId   the customer
     * @param customerName its name
     * @param action       the notice
     */
    public record Notice(String customerId, String customerName, CollectionAction action) {}

    /**
     * One of the largest exposures.
     *
     * @param customerId   the customer
     * @param customerName its name
     * @param type         its type
     * @param grade        its grade, or {@code NONE}
     * @param open         its open receivables
     * @param provision    its provision
     * @param dunningLevel its dunning level
     */
    public record Exposure(String customerId, String customerName, CustomerType type, String grade, BigDecimal open,
                           BigDecimal provision, int dunningLevel) {}

    /**
     * The result of a run; amounts in the reporting currency.
     *
     * @param currency            the reporting currency
     * @param asOf                the latest snapshot date seen
     * @param customers           customers reviewed
     * @param failed              snapshots that could not be reviewed
     * @param failures            the first failures' messages
     * @param buckets             the aging bands in order
     * @param openPerBucket       open receivables per band
     * @param provisionPerBucket  provision per band
     * @param openPerTypeBucket   open receivables per customer type and band
     * @param provisionPerType    provision per customer type
     * @param customersPerGrade   customers per grade (A-D, NONE)
     * @param openPerGrade        open receivables per grade
     * @param customersPerLevel   customers per recorded warning level
     * @param noticesPerTone      notices per tone
     * @param customersPerDunning customers per dunning level
     * @param largest             the 20 largest open exposures, largest first
     * @param notices             the notices, when no sink took them (at most {@value #KEPT_NOTICES})
     * @param noticeCount         all notices
     * @param elapsed             wall-clock time
     */
    public record Summary(String currency, LocalDate asOf, long customers, long failed, List<String> failures, List<String> buckets,
                          Map<String, BigDecimal> openPerBucket, Map<String, BigDecimal> provisionPerBucket,
                          Map<CustomerType, Map<String, BigDecimal>> openPerTypeBucket, Map<CustomerType, BigDecimal> provisionPerType,
                          Map<String, Long> customersPerGrade, Map<String, BigDecimal> openPerGrade,
                          Map<WarningLevel, Long> customersPerLevel, Map<Tone, Long> noticesPerTone, Map<Integer, Long> customersPerDunning,
                          List<Exposure> largest, List<Notice> notices, long noticeCount, Duration elapsed) {
        /** All open receivables. */
        public BigDecimal open() {
            return openPerBucket.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** The provision of the whole portfolio. */
        public BigDecimal provision() {
            return provisionPerBucket.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** Reviews every snapshot the iterator gives; the iterator is read by one thread at a time. */
    public Summary run(Iterator<CustomerSnapshot> snapshots) {
        long start = System.nanoTime();
        ConcurrentLinkedQueue<Notice> kept = new ConcurrentLinkedQueue<>();
        AtomicLong keptCount = new AtomicLong();
        StreamedRun<Tally> run = StreamedRun.run(snapshots, threads, batchSize, executor, progressEvery, progress,
                "receivables review", () -> new Tally(n -> {
                    if (sink != null) sink.accept(n);
                    else if (keptCount.incrementAndGet() <= KEPT_NOTICES) kept.add(n);
                }));
        Tally total = new Tally(null);
        run.workers.forEach(total::merge);
        List<Exposure> largest = new ArrayList<>(total.largest);
        largest.sort(Comparator.comparing(Exposure::open).reversed());
        return new Summary(currency, total.asOf, total.customers, run.failed.get(), List.copyOf(run.failures),
                total.buckets == null ? List.of() : total.buckets, total.openPerBucket, total.provisionPerBucket, total.openPerTypeBucket,
                total.provisionPerType, total.customersPerGrade, total.openPerGrade, total.customersPerLevel, total.noticesPerTone,
                total.customersPerDunning, List.copyOf(largest), List.copyOf(kept), total.notices, Duration.ofNanos(System.nanoTime() - start));
    }

    /** One worker's tallies. */
    private final class Tally implements StreamedRun.Worker {
        private final Consumer<Notice> notice;
        long customers;
        long notices;
        LocalDate asOf;
        List<String> buckets;
        final Map<String, BigDecimal> openPerBucket = new LinkedHashMap<>();
        final Map<String, BigDecimal> provisionPerBucket = new LinkedHashMap<>();
        final Map<CustomerType, Map<String, BigDecimal>> openPerTypeBucket = new EnumMap<>(CustomerType.class);
        final Map<CustomerType, BigDecimal> provisionPerType = new EnumMap<>(CustomerType.class);
        final Map<String, Long> customersPerGrade = new TreeMap<>();
        final Map<String, BigDecimal> openPerGrade = new TreeMap<>();
        final Map<WarningLevel, Long> customersPerLevel = new EnumMap<>(WarningLevel.class);
        final Map<Tone, Long> noticesPerTone = new EnumMap<>(Tone.class);
        final Map<Integer, Long> customersPerDunning = new TreeMap<>();
        final PriorityQueue<Exposure> largest = new PriorityQueue<>(21, Comparator.comparing(Exposure::open));

        Tally(Consumer<Notice> notice) {
            this.notice = notice;
            for (WarningLevel l : WarningLevel.values()) customersPerLevel.put(l, 0L);
            for (Tone t : Tone.values()) noticesPerTone.put(t, 0L);
            for (String g : List.of("A", "B", "C", "D", "NONE")) {
                customersPerGrade.put(g, 0L);
                openPerGrade.put(g, BigDecimal.ZERO);
            }
        }

        @Override
        public void handle(CustomerSnapshot s) {
            if (!s.account().currencyCode().equals(currency)) {
                throw new IllegalArgumentException("account.limit is in " + s.account().currencyCode() + ", the report in " + currency);
            }
            ReceivablesReview r = control.reviewReceivables(s);
            customers++;
            if (asOf == null || r.asOf().isAfter(asOf)) asOf = r.asOf();
            if (buckets == null) buckets = r.aging().stream().map(AgingBucket::label).toList();
            CustomerType type = r.customerType();
            String grade = r.grade().map(Enum::name).orElse("NONE");
            BigDecimal open = BigDecimal.ZERO;
            Map<String, BigDecimal> typeBuckets = openPerTypeBucket.computeIfAbsent(type, k -> new LinkedHashMap<>());
            for (AgingBucket b : r.aging()) {
                openPerBucket.merge(b.label(), b.amount().amount(), BigDecimal::add);
                provisionPerBucket.merge(b.label(), b.provision().amount(), BigDecimal::add);
                typeBuckets.merge(b.label(), b.amount().amount(), BigDecimal::add);
                open = open.add(b.amount().amount());
            }
            provisionPerType.merge(type, r.provision().amount(), BigDecimal::add);
            customersPerGrade.merge(grade, 1L, Long::sum);
            openPerGrade.merge(grade, open, BigDecimal::add);
            customersPerLevel.merge(s.warningLevel(), 1L, Long::sum);
            customersPerDunning.merge(r.dunningLevel(), 1L, Long::sum);
            for (CollectionAction a : r.actions()) {
                notices++;
                noticesPerTone.merge(a.tone(), 1L, Long::sum);
                notice.accept(new Notice(r.customerId(), s.customer().name(), a));
            }
            if (open.signum() > 0 && (largest.size() < 20 || open.compareTo(largest.peek().open()) > 0)) {
                largest.add(new Exposure(r.customerId(), s.customer().name(), type, grade, open, r.provision().amount(), r.dunningLevel()));
                if (largest.size() > 20) largest.poll();
            }
        }

        void merge(Tally o) {
            customers += o.customers;
            notices += o.notices;
            if (o.asOf != null && (asOf == null || o.asOf.isAfter(asOf))) asOf = o.asOf;
            if (buckets == null) buckets = o.buckets;
            o.openPerBucket.forEach((k, v) -> openPerBucket.merge(k, v, BigDecimal::add));
            o.provisionPerBucket.forEach((k, v) -> provisionPerBucket.merge(k, v, BigDecimal::add));
            o.openPerTypeBucket.forEach((t, m) -> m.forEach((k, v) ->
                    openPerTypeBucket.computeIfAbsent(t, x -> new LinkedHashMap<>()).merge(k, v, BigDecimal::add)));
            o.provisionPerType.forEach((k, v) -> provisionPerType.merge(k, v, BigDecimal::add));
            o.customersPerGrade.forEach((k, v) -> customersPerGrade.merge(k, v, Long::sum));
            o.openPerGrade.forEach((k, v) -> openPerGrade.merge(k, v, BigDecimal::add));
            o.customersPerLevel.forEach((k, v) -> customersPerLevel.merge(k, v, Long::sum));
            o.noticesPerTone.forEach((k, v) -> noticesPerTone.merge(k, v, Long::sum));
            o.customersPerDunning.forEach((k, v) -> customersPerDunning.merge(k, v, Long::sum));
            for (Exposure e : o.largest) {
                largest.add(e);
                if (largest.size() > 20) largest.poll();
            }
        }
    }

    /** Configures a {@link ReceivablesPortfolio}. */
    public static final class Builder {
        private final CreditControl control;
        private String currency = "CNY";
        private int threads = Runtime.getRuntime().availableProcessors();
        private int batchSize = 256;
        private long progressEvery = 100_000;
        private Consumer<Long> progress;
        private Consumer<Notice> sink;
        private Executor executor;

        private Builder(CreditControl control) {
            this.control = control;
        }

        /** The reporting currency (default CNY): every account must be in it. */
        public Builder currency(String code) {
            this.currency = dev.creditcontrol.model.Money.zero(code).currencyCode();
            return this;
        }

        /** Workers (default: the number of processors). */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
            this.threads = threads;
            return this;
        }

        /** Snapshots a worker takes at a time (default 256). */
        public Builder batchSize(int size) {
            if (size < 1) throw new IllegalArgumentException("batchSize must be at least 1: " + size);
            this.batchSize = size;
            return this;
        }

        /** Called with the count every {@code every} customers (from a worker thread). */
        public Builder progress(long every, Consumer<Long> progress) {
            if (every < 1 || progress == null) throw new IllegalArgumentException("progress needs a positive interval and a consumer");
            this.progressEvery = every;
            this.progress = progress;
            return this;
        }

        /** Takes every notice as it is made (from worker threads), instead of keeping them in the summary. */
        public Builder notices(Consumer<Notice> sink) {
            if (sink == null) throw new IllegalArgumentException("sink is required but was null");
            this.sink = sink;
            return this;
        }

        /** Runs the workers on the host's executor. */
        public Builder executor(Executor executor) {
            if (executor == null) throw new IllegalArgumentException("executor is required but was null");
            this.executor = executor;
            return this;
        }

        /** The configured run. */
        public ReceivablesPortfolio build() {
            return new ReceivablesPortfolio(this);
        }
    }
}
