package dev.creditcontrol.flink;

import dev.creditcontrol.examples.SyntheticHistory;
import dev.creditcontrol.journal.DecisionJournal;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.analyst.Backtest;
import dev.creditcontrol.rules.analyst.Cli;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static dev.creditcontrol.flink.PortfolioJobTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

/** The back-test job on Flink's MiniCluster against {@code credit-rules backtest} on the same journal. */
class BacktestJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final Path BUNDLED = Path.of("../../credit-rules/src/main/resources/dev/creditcontrol/rules/medical-device");

    /** A journal of 600 orders of 5% to 150% of each customer's limit. */
    static Path journal(Path dir) {
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.inDirectory(dir)).build()) {
            Iterator<CustomerSnapshot> history = SyntheticHistory.snapshots(600, 7);
            for (int i = 0; history.hasNext(); i++) {
                CustomerSnapshot s = history.next();
                BigDecimal share = BigDecimal.valueOf(5 + (i * 37) % 146, 2);
                Money amount = Money.of(s.account().limit().amount().multiply(share).setScale(2, java.math.RoundingMode.HALF_UP),
                        s.account().limit().currencyCode());
                control.checkOrder(OrderRequest.builder("SO-" + i, s.customer().id(), s.asOf())
                        .line("PM-300", DeviceClass.II, "07", amount).build(), s);
            }
        }
        return dir;
    }

    /** The bundled rule set with the limit tolerances cut: more orders over the limit are refused. */
    static Path stricter(Path dir) throws IOException {
        try (var files = Files.walk(BUNDLED)) {
            for (Path p : files.toList()) {
                Path to = dir.resolve(BUNDLED.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Path parameters = dir.resolve("parameters.properties");
        Files.writeString(parameters, Files.readString(parameters)
                .replace("limit.overShare.creditManager=0.20", "limit.overShare.creditManager=0.05")
                .replace("limit.overShare.financeDirector=0.50", "limit.overShare.financeDirector=0.08"));
        return dir;
    }

    @Test
    void theJobsBacktestEqualsTheCommandLinesOnTheSameJournal(@TempDir Path dir) throws IOException {
        Path journal = journal(dir.resolve("journal"));
        Path candidate = stricter(dir.resolve("candidate"));
        StringWriter cliOut = new StringWriter();
        int cliCode = Cli.run(new PrintWriter(cliOut, true), new PrintWriter(new StringWriter(), true), "backtest", journal.toString(),
                "--rules", candidate.toString());
        assertThat(cliCode).isEqualTo(3);

        Path out = dir.resolve("out");
        StringWriter log = new StringWriter();
        int code = CreditJobs.run(new PrintWriter(log), new PrintWriter(log), "backtest", "--input", journal.toString(),
                "--rules", candidate.toString(), "--output", out.toString(), "--parallelism", "2");
        assertThat(code).as(log.toString()).isZero();
        String report = String.join("\n", lines(out.resolve("report")));
        assertThat(report).isEqualTo(cliOut.toString().strip());
        assertThat(report).contains("→ REJECT").contains("of 600 decisions would change");

        Backtest.Result expected;
        try (DecisionJournal j = DecisionJournal.inDirectory(journal);
             CreditControl c = CreditControl.builder().ruleSetDirectory(candidate).verifyScenarios(false).build();
             var records = j.records()) {
            expected = Backtest.run(records, c);
        }
        assertThat(lines(out.resolve("result"))).containsExactly(BacktestJob.json(expected));
        assertThat(expected.largest()).hasSizeGreaterThan(10);
    }

    @Test
    void aLineThatIsNotARecordIsCountedAndNamedNotFatal(@TempDir Path dir) throws IOException {
        Path journal = journal(dir.resolve("journal"));
        List<String> lines = new ArrayList<>(Files.readAllLines(journal.resolve("journal-000001.jsonl")).subList(0, 3));
        lines.add(1, "{\"schema\":1,\"sequence\":\"two\"}");
        Path export = Files.write(dir.resolve("export.jsonl"), lines);
        Path out = dir.resolve("out");
        StringWriter log = new StringWriter();
        int code = CreditJobs.run(new PrintWriter(log), new PrintWriter(log), "backtest", "--input", export.toString(),
                "--output", out.toString());
        assertThat(code).as(log.toString()).isZero();
        String result = lines(out.resolve("result")).get(0);
        assertThat(result).contains("\"records\":4").contains("\"failed\":1").contains("not a journal record");
    }
}
