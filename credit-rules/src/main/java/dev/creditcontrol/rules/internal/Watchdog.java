package dev.creditcontrol.rules.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Stops evaluations that overrun their deadline. Rules are Java: a consequence that spins
 * ({@code while (true) {}}) ignores interrupts and never returns to the engine, so the only way to
 * give its caller a decision on time is to stop the thread running it. One daemon thread per JVM
 * watches every running evaluation; past its deadline it stops that thread with
 * {@link Thread#stop()}. An evaluation is watched only around the rule run itself and absorbs a
 * stop that races with its own end, so the asynchronous {@link ThreadDeath} never lands in host code.
 *
 * <p>Each thread has one reusable {@link Ticket}: watching a check costs two volatile writes and a
 * compare-and-set, no allocation, so the check path stays as fast as before.
 *
 * <p>{@code Thread.stop} works up to Java 19; on Java 20 and later the JVM refuses it, and an
 * overrunning evaluation is then only logged (at ERROR, with the rule that is running): the
 * caller waits for the rule. This is documented on {@code CreditControl.Builder#checkDeadline}.
 */
public final class Watchdog {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    private static final Watchdog INSTANCE = new Watchdog();
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int STOPPING = 2;
    private static final int ABANDONED = 3;

    /** Every thread's ticket; a ticket whose thread has died is dropped by the watchdog. */
    private final Set<Ticket> tickets = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Ticket> mine = ThreadLocal.withInitial(this::register);
    private volatile Thread thread;

    private Watchdog() {}

    /** One thread's watch, reused by each evaluation on that thread. */
    public final class Ticket {
        private final Thread owner = Thread.currentThread();
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private volatile long deadlineNanos;
        private volatile String label;
        private volatile Supplier<String> rule;
        private volatile boolean overran;

        private Ticket() {}

        private Ticket start(long deadline, String label, Supplier<String> rule) {
            this.label = label;
            this.rule = rule;
            this.deadlineNanos = deadline;
            this.overran = false;
            state.set(RUNNING);
            return this;
        }

        /**
         * Ends the watch. If the watchdog is stopping this thread at this very moment, waits here
         * until the stop arrives and absorbs it, so that it cannot land in the caller's code later.
         */
        public void done() {
            if (state.compareAndSet(RUNNING, IDLE)) return;
            try {
                while (state.get() == STOPPING) LockSupport.parkNanos(100_000);
            } catch (ThreadDeath arrived) {
                // the watchdog's stop, caught where it can do no harm
            }
            state.set(IDLE);
        }

        /**
         * Called where a {@link ThreadDeath} was caught inside the evaluation: true (and the stop
         * is settled) when it is the watchdog's; false when it came from somewhere else.
         */
        public boolean absorb(ThreadDeath death) {
            return state.compareAndSet(STOPPING, RUNNING);
        }

        /** Whether the evaluation ran past its deadline (the watchdog stopped it or gave up on it). */
        public boolean overran() {
            return overran;
        }

        private String activity() {
            Supplier<String> r = rule;
            return label + (r == null ? "" : " (rule \"" + r.get() + "\")");
        }
    }

    /**
     * Watches the current thread's evaluation until {@link Ticket#done()}.
     *
     * @param label what is being evaluated, for the log
     * @param rule  the rule running at the moment, for the log
     */
    public static Ticket watch(Duration deadline, String label, Supplier<String> rule) {
        return INSTANCE.start(deadline, label, rule);
    }

    private Ticket start(Duration deadline, String label, Supplier<String> rule) {
        Ticket t = mine.get();
        // An evaluation inside an evaluation on one thread (not something rules can do) gets a ticket of its own.
        if (t.state.get() != IDLE) t = register();
        if (thread == null) startThread();
        return t.start(System.nanoTime() + deadline.toNanos(), label, rule);
    }

    private Ticket register() {
        Ticket t = new Ticket();
        tickets.add(t);
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
            for (Ticket t : tickets) {
                if (t.state.get() != RUNNING) {
                    if (t.state.get() == IDLE && !t.owner.isAlive()) tickets.remove(t);
                    continue;
                }
                if (now - t.deadlineNanos < 0) continue;
                if (!t.state.compareAndSet(RUNNING, STOPPING)) continue;
                t.overran = true;
                stop(t);
            }
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Ticket t) {
        try {
            LOG.error("Stopping {} in thread {}: it ran past its deadline (a rule that loops or blocks)", t.activity(),
                    t.owner.getName());
            t.owner.stop(); // the owner settles the state when the ThreadDeath arrives
        } catch (UnsupportedOperationException e) {
            LOG.error("Cannot stop thread {} on this JVM: the caller waits for {} to end", t.owner.getName(), t.activity());
            t.state.set(ABANDONED);
        }
    }
}
