package dev.creditcontrol.journal;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The journal in the host's database: the same record texts and chain as the directory journal,
 * one row each, inserted and committed in the caller's thread (the database makes the commit
 * durable). Appends from this instance are serialised; an insert that collides with one from
 * another process (same sequence) re-reads the end of the chain and retries.
 */
final class JdbcJournal extends DecisionJournal {
    private static final String TABLE = "credit_decision_journal";
    private static final int RETRIES = 5;

    private final DataSource dataSource;
    private final Clock clock = Clock.systemUTC();
    private final Object lock = new Object();
    private long sequence = -1;
    private String lastHash;
    private volatile boolean closed;

    JdbcJournal(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(JDBC_DDL);
            if (!c.getAutoCommit()) c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create or reach the journal table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    RecordText.Written appendPayload(String payload) {
        synchronized (lock) {
            if (closed) throw new IllegalStateException("the JDBC decision journal is closed");
            SQLException last = null;
            for (int attempt = 0; attempt < RETRIES; attempt++) {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(true);
                    if (sequence < 0) readEnd(c);
                    RecordText.Written w = RecordText.write(sequence + 1, lastHash, clock.instant(), payload);
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE
                            + " (sequence, previous_hash, hash, recorded_at, record) VALUES (?, ?, ?, ?, ?)")) {
                        insert.setLong(1, w.sequence());
                        insert.setString(2, w.previousHash());
                        insert.setString(3, w.hash());
                        insert.setTimestamp(4, Timestamp.from(w.recordedAt()));
                        insert.setString(5, w.line());
                        insert.executeUpdate();
                    }
                    sequence = w.sequence();
                    lastHash = w.hash();
                    return w;
                } catch (SQLException e) {
                    last = e;
                    sequence = -1; // re-read the end: another writer, or a connection that failed mid-way
                    if (!"23505".equals(e.getSQLState())) break; // only a lost race on the sequence is worth a retry
                }
            }
            throw new IllegalStateException("the JDBC decision journal could not record the decision: " + last.getMessage(), last);
        }
    }

    private void readEnd(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT sequence, hash FROM " + TABLE + " ORDER BY sequence DESC LIMIT 1")) {
            if (r.next()) {
                sequence = r.getLong(1);
                lastHash = r.getString(2).trim();
            } else {
                sequence = 0;
                lastHash = RecordText.GENESIS;
            }
        }
    }

    @Override
    Stream<String> lines() {
        Connection c;
        PreparedStatement s;
        ResultSet r;
        try {
            c = dataSource.getConnection();
            s = c.prepareStatement("SELECT record FROM " + TABLE + " ORDER BY sequence");
            s.setFetchSize(500);
            r = s.executeQuery();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal table " + TABLE + ": " + e.getMessage(), e);
        }
        Spliterator<String> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super String> action) {
                try {
                    if (!r.next()) return false;
                    action.accept(r.getString(1));
                    return true;
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot read the journal table " + TABLE + ": " + e.getMessage(), e);
                }
            }
        };
        return StreamSupport.stream(rows, false).onClose(() -> {
            try (c; s; r) {
                // closed in reverse order
            } catch (SQLException e) {
                throw new IllegalStateException("cannot close the journal query: " + e.getMessage(), e);
            }
        });
    }

    @Override
    List<String> notes() {
        return List.of();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "DecisionJournal.jdbc(" + dataSource + ")";
    }
}
