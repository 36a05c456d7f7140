package dev.creditcontrol.journal;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.model.CreditRequest;
import dev.creditcontrol.model.CustomerSnapshot;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A durable, hash-chained record of every credit decision: the full input, the decision and the
 * rule-set version it was made on, each record carrying the SHA-256 of the one before, so that
 * changing, removing or reordering any record is found by {@link #verify()}.
 *
 * <p>Give one to {@code CreditControl.builder().journal(...)}: every decision is then durable
 * before {@code checkOrder} or {@code checkShipment} returns it, and {@code CreditControl.replay}
 * re-evaluates any record. The engine owns the journal it is given and closes it when it closes.
 * Two kinds: {@link #inDirectory(Path)}, append-only files with group commit (the embedded
 * default), and {@link #jdbc(DataSource)}, the same records in the host's database.
 * Thread-safe.
 */
public abstract sealed class DecisionJournal implements AutoCloseable permits DirectoryJournal, JdbcJournal {
    /** A directory journal starts a new segment file past this size (64 MiB). */
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

    DecisionJournal() {}

    /**
     * The embedded journal in a directory (created if absent): append-only segment files
     * {@code journal-000001.jsonl}, ... of one JSON record per line, rolled at
     * {@value #DEFAULT_SEGMENT_BYTES} bytes. A record is fsynced before {@link #append} returns;
     * concurrent appends share one fsync (group commit). Reopening finds the end of the chain and
     * goes on; a torn last record left by a crash is moved to a {@code .torn-<time>} file beside its
     * segment and reported in {@link JournalCheck#notes()} and the log, never silently kept or
     * dropped. One process writes a directory at a time (a lock file); another process opening it
     * may read and verify but not append.
     *
     * @throws java.io.UncheckedIOException when the directory cannot be created or read
     */
    public static DecisionJournal inDirectory(Path directory) {
        return inDirectory(directory, DEFAULT_SEGMENT_BYTES);
    }

    /** Like {@link #inDirectory(Path)}, rolling segments past {@code segmentBytes}. */
    public static DecisionJournal inDirectory(Path directory, long segmentBytes) {
        Objects.requireNonNull(directory, "directory");
        if (segmentBytes < 4096) throw new IllegalArgumentException("segmentBytes must be at least 4096: " + segmentBytes);
        return new DirectoryJournal(directory, segmentBytes);
    }

    /**
     * The journal in the host's database: table {@code credit_decision_journal}, created if absent
     * ({@link #JDBC_DDL}; PostgreSQL and H2). Each append is one insert, committed in the caller's
     * thread on a connection from {@code dataSource}; appends from one engine are serialised, and
     * an insert that loses a race with another process re-reads the end of the chain and retries.
     */
    public static DecisionJournal jdbc(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new JdbcJournal(dataSource);
    }

    /** The table a JDBC journal keeps its records in (PostgreSQL and H2). */
    public static final String JDBC_DDL = """
            CREATE TABLE IF NOT EXISTS credit_decision_journal (
                sequence      BIGINT PRIMARY KEY,
                previous_hash CHAR(64) NOT NULL,
                hash          CHAR(64) NOT NULL,
                recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
                record        TEXT NOT NULL
            )""";

    /**
     * Records a decision durably and returns its record. {@code CreditControl} calls this for
     * every decision; a host need not.
     *
     * @param rates the rate of each other currency into the account's currency the check used
     * @throws java.io.UncheckedIOException or {@link IllegalStateException} when the record could not be made durable
     */
    public final JournalRecord append(CreditRequest request, CustomerSnapshot snapshot, Map<String, BigDecimal> rates,
                                      CreditDecision decision) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(decision, "decision");
        RecordText.Written w = appendPayload(RecordText.payload(request, snapshot, rates, decision));
        return new JournalRecord(w.sequence(), w.previousHash(), w.hash(), w.recordedAt(), request, snapshot, rates, decision, w.line());
    }

    /** Chains and stores a record made of {@code payload}; durable when it returns. */
    abstract RecordText.Written appendPayload(String payload);

    /** The stored record texts in chain order; the stream must be closed (it may hold files or a connection). */
    abstract Stream<String> lines();

    /** What opening the journal did (recovery), for {@link JournalCheck#notes()}. */
    abstract List<String> notes();

    /**
     * Every record, oldest first, read lazily. Close the stream (try-with-resources) when not
     * reading to the end.
     *
     * @throws IllegalArgumentException (while streaming) on a record that cannot be read; {@link #verify()} says which
     */
    public Stream<JournalRecord> records() {
        return lines().map(RecordText::parse);
    }

    /**
     * Walks the whole chain: each record's text must match its hash, name the previous record's
     * hash and carry the next sequence number. Reports the first bad record; a valid journal
     * is {@link JournalCheck#intact()}.
     */
    public JournalCheck verify() {
        long expected = 1;
        String previous = RecordText.GENESIS;
        try (Stream<String> lines = lines()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                String problem = RecordText.hashProblem(line);
                if (problem != null) return JournalCheck.bad(expected - 1, expected, "record " + expected + ": " + problem, notes());
                JournalRecord r;
                try {
                    r = RecordText.parse(line);
                } catch (IllegalArgumentException e) {
                    return JournalCheck.bad(expected - 1, expected, "record " + expected + " cannot be read: " + e.getMessage(), notes());
                }
                if (r.sequence() != expected) {
                    return JournalCheck.bad(expected - 1, expected, "record " + expected + " has sequence " + r.sequence()
                            + ": a record is missing, repeated or out of order", notes());
                }
                if (!r.previousHash().equals(previous)) {
                    return JournalCheck.bad(expected - 1, expected, "record " + expected + " names previous hash "
                            + r.previousHash().substring(0, 12) + "… but the record before it has " + previous.substring(0, 12)
                            + "…: a record before it was removed, replaced or reordered", notes());
                }
                previous = r.hash();
                expected++;
            }
        }
        return JournalCheck.ok(expected - 1, notes());
    }

    /** Releases files or connections; appending after closing is an {@link IllegalStateException}. */
    @Override
    public abstract void close();

    static List<String> copy(List<String> notes) {
        return new ArrayList<>(notes);
    }
}
