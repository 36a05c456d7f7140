package dev.creditcontrol.flink;

import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.analyst.Backtest;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which rule set a job's tasks decide with, and the SHA-256 it must have: what the job ships to
 * every task instead of a compiled rule set. The first task to open on a task manager compiles it
 * (the manager's other slots share that engine) and refuses to run when the content hash of the
 * newest version differs from the one the job was submitted with, so a folder edited (or a node
 * holding another copy) between submission and execution can never mix two rule sets in one run.
 *
 * @param location {@code bundled} for the rule set inside the library, else a rule-set folder
 *                 (one version, or a folder of versions) every task manager can read
 * @param sha256   content hash of the newest version, as {@code credit-rules publish} and the
 *                 engine's log print it
 */
public record RuleSetRef(String location, String sha256) implements Serializable {
    /** The location naming the rule set bundled in the library. */
    public static final String BUNDLED = "bundled";

    /** Checks the fields. */
    public RuleSetRef {
        if (location == null || location.isBlank()) throw new IllegalArgumentException("rules location must not be blank");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("rules sha256 must be 64 lower-case hex digits: '" + sha256 + "'");
        }
    }

    /**
     * A reference to the rule set at {@code location} as it is now: compiles it once, here, to
     * learn its hash (use at submission; the tasks then check they compiled the same).
     */
    public static RuleSetRef current(String location) {
        try (CreditControl control = load(location)) {
            return new RuleSetRef(location, Backtest.newest(control).contentHash());
        }
    }

    /**
     * The engine for this rule set shared by the tasks of one JVM (a task manager's slots): compiled
     * and checked by the first task that opens it, closed when the last one {@link #release()}s it.
     * One engine serves any number of threads; one compiled rule set instead of one per slot saves
     * the compile time and memory of the others and keeps the JIT's view of the rules' code single.
     *
     * @throws IllegalStateException when the rule set found is not the one the job was submitted with
     */
    public CreditControl acquire() {
        synchronized (SHARED) {
            Shared s = SHARED.get(this);
            if (s == null) {
                s = new Shared(open());
                SHARED.put(this, s);
            }
            s.users++;
            return s.control;
        }
    }

    /** Gives back what {@link #acquire()} gave; the last user's release closes the engine. */
    public void release() {
        synchronized (SHARED) {
            Shared s = SHARED.get(this);
            if (s == null) return;
            if (--s.users == 0) {
                SHARED.remove(this);
                s.control.close();
            }
        }
    }

    private static final java.util.Map<RuleSetRef, Shared> SHARED = new java.util.HashMap<>();

    private static final class Shared {
        final CreditControl control;
        int users;

        Shared(CreditControl control) {
            this.control = control;
        }
    }

    /** Compiles the rule set and checks its hash (a new engine, the caller's to close). */
    private CreditControl open() {
        CreditControl control = load(location);
        String found = Backtest.newest(control).contentHash();
        if (!found.equals(sha256)) {
            control.close();
            throw new IllegalStateException("rule set " + location + " has sha256 " + found + ", but the job was submitted with "
                    + sha256 + ": refusing to run on a rule set other than the one submitted");
        }
        return control;
    }

    private static CreditControl load(String location) {
        if (location.toLowerCase(Locale.ROOT).equals(BUNDLED)) return CreditControl.withDefaultRules();
        Path folder = Path.of(location);
        if (!Files.isDirectory(folder)) throw new IllegalArgumentException("rules folder " + folder.toAbsolutePath() + " does not exist");
        // the scenarios were run when the rule set was published; every task need not run them again
        return CreditControl.builder().ruleSetDirectory(folder).verifyScenarios(false).build();
    }
}
