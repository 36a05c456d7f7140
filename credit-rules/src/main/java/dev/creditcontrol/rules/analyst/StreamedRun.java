package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.rules.CreditControlException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The worker pool the portfolio runs share: workers pull snapshots from one iterator in small
 * batches (memory stays bounded by threads × batch), each with its own tally merged at the end, so
 * workers never contend on counts. A snapshot whose work throws is counted as failed.
 */
final class StreamedRun<T> {
    /** One worker's state: handles a snapshot, and is merged into the result at the end. */
    interface Worker {
        void handle(CustomerSnapshot snapshot);
    }

    final AtomicLong done = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final List<T> workers = Collections.synchronizedList(new ArrayList<>());

    /** Runs {@code threads} workers made by {@code newWorker} over every snapshot. */
    static <T extends Worker> StreamedRun<T> run(Iterator<CustomerSnapshot> snapshots, int threads, int batchSize, Executor executor,
                                                 long progressEvery, Consumer<Long> progress, String what, Supplier<T> newWorker) {
        StreamedRun<T> run = new StreamedRun<>();
        // Without a host executor, the run owns its threads and stops them when it ends.
        ExecutorService own = executor == null ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "credit-portfolio");
            t.setDaemon(true);
            return t;
        }) : null;
        Executor pool = own != null ? own : executor;
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                futures.add(CompletableFuture.runAsync(() -> {
                    T worker = newWorker.get();
                    run.workers.add(worker);
                    List<CustomerSnapshot> batch = new ArrayList<>(batchSize);
                    while (!Thread.currentThread().isInterrupted()) {
                        batch.clear();
                        synchronized (snapshots) {
                            while (batch.size() < batchSize && snapshots.hasNext()) batch.add(snapshots.next());
                        }
                        if (batch.isEmpty()) return;
                        for (CustomerSnapshot s : batch) {
                            try {
                                worker.handle(s);
                            } catch (RuntimeException e) {
                                run.failed.incrementAndGet();
                                if (run.failures.size() < 20) run.failures.add(s.customer().id() + ": " + e.getMessage());
                            }
                            long n = run.done.incrementAndGet();
                            if (progress != null && n % progressEvery == 0) progress.accept(n);
                        }
                    }
                }, pool));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(w -> w.cancel(true));
            throw new CreditControlException(what + " interrupted after " + run.done.get() + " customers", e);
        } catch (ExecutionException | CompletionException e) {
            throw new CreditControlException(what + " failed after " + run.done.get() + " customers", e.getCause());
        } finally {
            if (own != null) own.shutdownNow();
        }
        return run;
    }
}
