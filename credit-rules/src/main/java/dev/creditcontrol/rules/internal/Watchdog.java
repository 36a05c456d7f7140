package dev.creditcontrol.rules.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops evaluations that overrun their deadline. Rules are Java: a consequence that spins
 * ({@code while (true) {}}) ignores interrupts and never returns to the engine, so the only way to
 * give its caller a decision on time is to stop the thread running it. One daemon thread per JVM
 * watches every running evaluation; past its deadline it stops that thread with
 * {@link Thread#stop()}. An evaluation registers only around the rule run itself and absorbs a
 * stop that races with its own end, so the asynchronous {@link ThreadDeath} never lands in host code.
 *
 * <p>{@code Thread.stop} works up to Java 19; on Java 20 and later the JVM refuses it, and an
 * overrunning evaluation is then only logged (at ERROR, with the rule that is running): the
 * caller waits for the rule. This is documented on {@code CreditControl.Builder#checkDeadline}.
 */
public final class Watchdog {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final Watchdog INSTANCE = new Watchdog();
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int STOPPING = 2;
    private static final int ABANDONED = 3;

    private final Set<Ticket> running = ConcurrentHashMap.newKeySet();
    private volatile Thread thread;

    private Watchdog() {}

    /** One evaluation being watched. */
    public final class Ticket {
        private final Thread owner = Thread.currentThread();
        private final long deadlineNanos;
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private final java.util.function.Supplier<String> activity;

        private Ticket(long deadlineNanos, java.util.function.Supplier<String> activity) {
            this.deadlineNanos = deadlineNanos;
            this.activity = activity;
        }

        /**
         * Ends the watch. If the watchdog is stopping this thread at this very moment, waits here
         * until the stop arrives and absorbs it, so that it cannot land in the caller's code later.
         */
        public void done() {
            running.remove(this);
            if (state.compareAndSet(RUNNING, DONE)) return;
            try {
                while (state.get() == STOPPING) LockSupport.parkNanos(100_000);
            } catch (ThreadDeath arrived) {
                state.set(DONE);
            }
        }

        /**
         * Called where a {@link ThreadDeath} was caught inside the evaluation: true (and the stop
         * is settled) when it is the watchdog's; false when it came from somewhere else.
         */
        public boolean absorb(ThreadDeath death) {
            return state.compareAndSet(STOPPING, DONE);
        }

        /** Whether the evaluation ran past its deadline (the watchdog stopped it or gave up on it). */
        public boolean overran() {
            return overran;
        }

        private volatile boolean overran;
    }

    /** Watches the current thread's evaluation until {@link Ticket#done()}. */
    public static Ticket watch(java.time.Duration deadline, java.util.function.Supplier<String> activity) {
        return INSTANCE.start(deadline, activity);
    }

    private Ticket start(java.time.Duration deadline, java.util.function.Supplier<String> activity) {
        Ticket t = new Ticket(System.nanoTime() + deadline.toNanos(), activity);
        running.add(t);
        if (thread == null) startThread();
        return t;
    }

    private synchronized void startThread() {
        if (thread != null) return;
        Thread t = new Thread(this::loop, "credit-control-watchdog");
        t.setDaemon(true);
        t.start();
        thread = t;
    }

    private void loop() {
        for (;;) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            long now = System.nanoTime();
            for (Ticket t : running) {
                if (now - t.deadlineNanos < 0) continue;
                if (!t.state.compareAndSet(RUNNING, STOPPING)) continue;
                t.overran = true;
                running.remove(t);
                stop(t);
            }
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Ticket t) {
        try {
            LOG.error("Stopping {} in thread {}: it ran past its deadline ({})", t.activity.get(), t.owner.getName(),
                    "a rule that loops or blocks");
            t.owner.stop(); // the owner settles the state when the ThreadDeath arrives
        } catch (UnsupportedOperationException e) {
            LOG.error("Cannot stop thread {} on this JVM: the caller waits for {} to end", t.owner.getName(), t.activity.get());
            t.state.set(ABANDONED);
        }
    }
}
