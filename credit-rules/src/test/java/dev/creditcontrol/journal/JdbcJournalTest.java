package dev.creditcontrol.journal;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.TestOrders;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

import static dev.creditcontrol.journal.DirectoryJournalTest.SNAPSHOT;
import static dev.creditcontrol.journal.DirectoryJournalTest.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC journal against H2 and, when {@code creditcontrol.test.postgres.url} is set (the
 * {@code postgres} Maven profile, which {@code .ci/run} activates after installing and starting
 * PostgreSQL), against a real PostgreSQL server.
 */
class JdbcJournalTest {
    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    static DataSource postgres() {
        String url = System.getProperty("creditcontrol.test.postgres.url", System.getenv("CREDIT_CONTROL_PG_URL"));
        Assumptions.assumeTrue(url != null && !url.isBlank(), "PostgreSQL tests skipped: set CREDIT_CONTROL_PG_URL "
                + "(e.g. jdbc:postgresql://localhost/creditcontrol?user=creditcontrol&password=creditcontrol) or run bash .ci/run, "
                + "which installs and starts PostgreSQL and activates the postgres profile");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS credit_decision_journal");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + url, e);
        }
        return ds;
    }

    @Test
    void h2KeepsTheSameChainAVerifyCanCheck() throws Exception {
        journalsVerifiesAndFindsTampering(h2());
    }

    @Test
    void postgresKeepsTheSameChainAVerifyCanCheck() throws Exception {
        journalsVerifiesAndFindsTampering(postgres());
    }

    @Test
    void postgresTakesConcurrentCallers() throws Exception {
        concurrentCallers(postgres());
    }

    @Test
    void h2TakesConcurrentCallers() throws Exception {
        concurrentCallers(h2());
    }

    @Test
    void aDatabaseThatIsDownRefusesTheOrder() {
        DataSource working = h2();
        FailingDataSource pool = new FailingDataSource(working);
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.jdbc(pool)).build()) {
            assertThat(control.checkOrder(order(1), SNAPSHOT).hasReason("ENGINE_ERROR")).isFalse();
            pool.down = true;
            CreditDecision d = control.checkOrder(order(2), SNAPSHOT);
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(d.reasons().get(0).message()).contains("could not be journalled").contains("pool is closed");
            pool.down = false;
            assertThat(control.checkOrder(order(3), SNAPSHOT).hasReason("ENGINE_ERROR")).isFalse();
        }
        try (DecisionJournal journal = DecisionJournal.jdbc(working)) {
            assertThat(journal.verify().intact()).isTrue();
            assertThat(journal.records().map(r -> r.request().orderId()).toList()).containsExactly("SO-1", "SO-3");
        }
    }

    private static void journalsVerifiesAndFindsTampering(DataSource ds) throws Exception {
        List<CreditDecision> returned = new ArrayList<>();
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.jdbc(ds)).build()) {
            for (int i = 1; i <= 5; i++) returned.add(control.checkOrder(order(i), SNAPSHOT));
        }
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.jdbc(ds)).build()) {
            returned.add(control.checkOrder(order(6), SNAPSHOT)); // a new engine finds the end of the chain
        }
        try (DecisionJournal journal = DecisionJournal.jdbc(ds)) {
            assertThat(journal.verify().intact()).isTrue();
            assertThat(journal.verify().records()).isEqualTo(6);
            List<JournalRecord> records = journal.records().toList();
            assertThat(records).extracting(JournalRecord::decision).containsExactlyElementsOf(returned);
            for (JournalRecord r : records) assertThat(TestOrders.DEFAULT.replay(r).reasons()).isEqualTo(r.decision().reasons());
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE credit_decision_journal SET record = REPLACE(record, '\"SO-4\"', '\"SO-X\"') WHERE sequence = 4");
        }
        try (DecisionJournal journal = DecisionJournal.jdbc(ds)) {
            assertThat(journal.verify().firstBadRecord()).hasValue(4);
        }
    }

    private static void concurrentCallers(DataSource ds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.jdbc(ds)).build()) {
            List<Future<CreditDecision>> futures = new ArrayList<>();
            for (int i = 1; i <= 80; i++) {
                int n = i;
                futures.add(pool.submit(() -> control.checkOrder(order(n), SNAPSHOT)));
            }
            for (Future<CreditDecision> f : futures) assertThat(f.get().hasReason("ENGINE_ERROR")).isFalse();
        } finally {
            pool.shutdown();
        }
        try (DecisionJournal journal = DecisionJournal.jdbc(ds)) {
            assertThat(journal.verify().intact()).isTrue();
            assertThat(journal.verify().records()).isEqualTo(80);
        }
    }

    /** A connection pool that can be shut: every connection then fails, as a closed pool's does. */
    static final class FailingDataSource implements DataSource {
        final DataSource target;
        volatile boolean down;

        FailingDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) throw new SQLException("the connection pool is closed", "08003");
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
