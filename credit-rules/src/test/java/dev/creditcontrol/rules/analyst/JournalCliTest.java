package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.journal.DecisionJournal;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.RuleFolders;
import dev.creditcontrol.rules.TestOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code credit-rules journal verify|export} and {@code backtest}: output and exit codes. */
class JournalCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** 20 orders of 10,000 to 200,000 on a 1,000,000 limit with 900,000 open: warnings, then 1% to 10% over the limit. */
    static Path journal(Path dir) {
        CustomerSnapshot s = TestOrders.distributor().openInvoice("900000", 0).snapshot();
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.inDirectory(dir)).build()) {
            for (int i = 1; i <= 20; i++) {
                control.checkOrder(OrderRequest.builder("SO-" + i, s.customer().id(), TestOrders.TODAY)
                        .line("PM-300", DeviceClass.II, "07", Money.cny(String.valueOf(i * 10000))).build(), s);
            }
        }
        return dir;
    }

    @Test
    void verifyOfAnIntactJournalSucceedsAndOfATamperedOneNamesTheRecord(@TempDir Path dir) throws IOException {
        journal(dir);
        assertThat(run("journal", "verify", dir.toString())).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("intact, 20 records");
        Path segment = dir.resolve("journal-000001.jsonl");
        List<String> lines = Files.readAllLines(segment);
        lines.set(6, lines.get(6).replace("\"SO-7\"", "\"SO-8\""));
        Files.write(segment, lines);
        assertThat(run("journal", "verify", dir.toString())).isEqualTo(Cli.FAILED);
        assertThat(out.toString()).contains("broken at record 7");
    }

    @Test
    void exportWritesTheRecordsAsStoredOrOneCsvRowPerDecision(@TempDir Path dir) throws IOException {
        journal(dir);
        Path jsonl = dir.resolve("out.jsonl");
        assertThat(run("journal", "export", dir.toString(), "--format", "jsonl", "--output", jsonl.toString())).isEqualTo(Cli.OK);
        assertThat(Files.readAllLines(jsonl)).isEqualTo(Files.readAllLines(dir.resolve("journal-000001.jsonl")));
        out.getBuffer().setLength(0);
        assertThat(run("journal", "export", dir.toString(), "--format", "csv")).isEqualTo(Cli.OK);
        List<String> rows = out.toString().lines().toList();
        assertThat(rows.get(0)).startsWith("sequence,recordedAt,checkpoint,orderId");
        assertThat(rows).hasSize(21);
        assertThat(rows.get(20)).contains(",ORDER,SO-20,").contains(",200000.00,CNY,ESCALATE,CREDIT_MANAGER,CREDIT_LIMIT_EXCEEDED,");
        assertThat(run("journal", "export", dir.toString(), "--format", "xml")).isEqualTo(Cli.USAGE);
    }

    @Test
    void backtestReportsWhatACandidateWouldChangeAndExitsThree(@TempDir Path dir) throws IOException {
        journal(dir.resolve("journal"));
        Path same = RuleFolders.copyBundled(dir.resolve("same"));
        assertThat(run("backtest", dir.resolve("journal").toString(), "--rules", same.toString())).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("unchanged: 20").contains("0 of 20 decisions would change");
        Path stricter = RuleFolders.copyBundled(dir.resolve("stricter"));
        // over the limit by more than 8% is now refused
        RuleFolders.replace(stricter.resolve("parameters.properties"), "limit.overShare.creditManager=0.20", "limit.overShare.creditManager=0.05");
        RuleFolders.replace(stricter.resolve("parameters.properties"), "limit.overShare.financeDirector=0.50", "limit.overShare.financeDirector=0.08");
        out.getBuffer().setLength(0);
        assertThat(run("backtest", dir.resolve("journal").toString(), "--rules", stricter.toString())).isEqualTo(Cli.CHANGED);
        String report = out.toString();
        assertThat(report).contains("ESCALATE → REJECT: 2 decisions, order value 390000.00 CNY").contains("largest changes:")
                .contains("record 20 SO-20: ESCALATE [CREDIT_LIMIT_EXCEEDED] → REJECT [CREDIT_LIMIT_EXCEEDED]");
        try (DecisionJournal journal = DecisionJournal.inDirectory(dir.resolve("journal"));
             CreditControl candidate = CreditControl.builder().ruleSetDirectory(stricter).verifyScenarios(false).build();
             var records = journal.records()) {
            Backtest.Result r = Backtest.run(records, candidate);
            assertThat(r.transitions()).allSatisfy(t -> assertThat(t.from()).isEqualTo(Outcome.ESCALATE));
            assertThat(r.changed() + r.unchanged()).isEqualTo(20);
        }
    }

    @Test
    void tallysOfTheJournalsPartsMergeIntoTheWholeRunsResult(@TempDir Path dir) throws IOException {
        journal(dir.resolve("journal"));
        Path stricter = RuleFolders.copyBundled(dir.resolve("stricter"));
        RuleFolders.replace(stricter.resolve("parameters.properties"), "limit.overShare.creditManager=0.20", "limit.overShare.creditManager=0.05");
        RuleFolders.replace(stricter.resolve("parameters.properties"), "limit.overShare.financeDirector=0.50", "limit.overShare.financeDirector=0.08");
        try (DecisionJournal journal = DecisionJournal.inDirectory(dir.resolve("journal"));
             CreditControl candidate = CreditControl.builder().ruleSetDirectory(stricter).verifyScenarios(false).build()) {
            Backtest.Result whole;
            try (var records = journal.records()) {
                whole = Backtest.run(records, candidate);
            }
            assertThat(whole.changed()).isPositive();
            // three parts, by sequence modulo 3, tallied separately (as a job's tasks would) and merged in another order
            Backtest.Tally[] parts = {new Backtest.Tally(), new Backtest.Tally(), new Backtest.Tally()};
            var version = Backtest.newest(candidate);
            try (var records = journal.records()) {
                records.forEach(r -> parts[(int) (r.sequence() % 3)].add(r, candidate, version));
            }
            parts[2].fail(21, "not JSON");
            Backtest.Result merged = parts[2].merge(parts[0]).merge(parts[1]).result(version);
            assertThat(merged.records()).isEqualTo(whole.records() + 1);
            assertThat(merged.failed()).isEqualTo(1);
            assertThat(merged.failures()).containsExactly("record 21: not JSON");
            assertThat(merged.transitions()).isEqualTo(whole.transitions());
            assertThat(merged.largest()).isEqualTo(whole.largest());
            assertThat(merged.unchanged()).isEqualTo(whole.unchanged());
        }
    }

    @Test
    void anExportedLineReadsBackAsTheRecordAndABrokenOneIsNamed(@TempDir Path dir) throws IOException {
        journal(dir);
        List<String> lines = Files.readAllLines(dir.resolve("journal-000001.jsonl"));
        dev.creditcontrol.journal.JournalRecord r = dev.creditcontrol.journal.JournalRecord.fromJson(lines.get(6));
        assertThat(r.sequence()).isEqualTo(7);
        assertThat(r.request().orderId()).isEqualTo("SO-7");
        assertThat(r.json()).isEqualTo(lines.get(6));
        assertThatThrownBy(() -> dev.creditcontrol.journal.JournalRecord.fromJson(lines.get(6).replace("\"asOf\"", "\"asOff\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asOf");
    }
}
