package dev.creditcontrol.journal;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.ExchangeRates;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.RuleFolders;
import dev.creditcontrol.rules.TestOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded journal: durable, chained, verifiable, recoverable, replayable. */
class DirectoryJournalTest {
    static final CustomerSnapshot SNAPSHOT = TestOrders.distributor().openInvoice("20000", 0).snapshot();

    static OrderRequest order(int i) {
        return OrderRequest.builder("SO-" + i, SNAPSHOT.customer().id(), TestOrders.TODAY)
                .line("PM-300", DeviceClass.II, "07", Money.cny(String.valueOf(1000 * i))).build();
    }

    static void decide(CreditControl control, int from, int to) {
        for (int i = from; i <= to; i++) control.checkOrder(order(i), SNAPSHOT);
    }

    static List<String> lines(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("journal-\\d{6}\\.jsonl")).sorted().toList()) {
                all.addAll(Files.readAllLines(f));
            }
        }
        return all;
    }

    @Test
    void everyDecisionIsRecordedWithItsInputAndReopeningGoesOnWithTheChain(@TempDir Path dir) {
        List<CreditDecision> returned = new ArrayList<>();
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.inDirectory(dir, 8192)).build()) {
            for (int i = 1; i <= 10; i++) returned.add(control.checkOrder(order(i), SNAPSHOT));
        }
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.inDirectory(dir, 8192)).build()) {
            for (int i = 11; i <= 15; i++) returned.add(control.checkOrder(order(i), SNAPSHOT));
        }
        try (DecisionJournal journal = DecisionJournal.inDirectory(dir, 8192)) {
            JournalCheck check = journal.verify();
            assertThat(check.intact()).as(check.toString()).isTrue();
            assertThat(check.records()).isEqualTo(15);
            List<JournalRecord> records = journal.records().toList();
            assertThat(records).extracting(JournalRecord::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
            assertThat(records).extracting(JournalRecord::decision).containsExactlyElementsOf(returned);
            assertThat(records.get(0).snapshot()).isEqualTo(SNAPSHOT);
            assertThat(records.get(0).request()).isEqualTo(order(1));
            assertThat(records.get(0).previousHash()).isEqualTo("0".repeat(64));
            for (int i = 1; i < records.size(); i++) assertThat(records.get(i).previousHash()).isEqualTo(records.get(i - 1).hash());
        }
    }

    @Test
    void segmentsRollAtTheSizeLimitAndTheChainRunsAcrossThem(@TempDir Path dir) throws IOException {
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.inDirectory(dir, 8192)).build()) {
            decide(control, 1, 12);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> segments = files.filter(p -> p.toString().endsWith(".jsonl")).toList();
            assertThat(segments).hasSizeGreaterThan(1);
            for (Path s : segments) assertThat(Files.size(s)).isLessThanOrEqualTo(8192 + 8192);
        }
        try (DecisionJournal journal = DecisionJournal.inDirectory(dir, 8192)) {
            assertThat(journal.verify().records()).isEqualTo(12);
            assertThat(journal.verify().intact()).isTrue();
        }
    }

    @Test
    void changingAnyByteOfARecordIsFoundAtThatRecord(@TempDir Path dir) throws IOException {
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.inDirectory(dir)).build()) {
            decide(control, 1, 6);
        }
        Path segment = dir.resolve("journal-000001.jsonl");
        List<String> lines = Files.readAllLines(segment);
        lines.set(3, lines.get(3).replaceFirst("\"outcome\":\"(\\w+)\"", "\"outcome\":\"APPROVE\"").replace("20000.00", "2000.00"));
        Files.write(segment, lines);
        try (DecisionJournal journal = DecisionJournal.inDirectory(dir)) {
            JournalCheck check = journal.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.firstBadRecord()).hasValue(4);
            assertThat(check.records()).isEqualTo(3);
            assertThat(check.problem()).hasValueSatisfying(p -> assertThat(p).contains("does not match its hash"));
        }
    }

    @Test
    void removingOrReorderingRecordsIsFound(@TempDir Path dir) throws IOException {
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.inDirectory(dir)).build()) {
            decide(control, 1, 5);
        }
        Path segment = dir.resolve("journal-000001.jsonl");
        List<String> original = Files.readAllLines(segment);
        List<String> removed = new ArrayList<>(original);
        removed.remove(2);
        Files.write(segment, removed);
        try (DecisionJournal journal = DecisionJournal.inDirectory(dir)) {
            assertThat(journal.verify().firstBadRecord()).hasValue(3);
            assertThat(journal.verify().problem().orElseThrow()).contains("sequence 4");
        }
        List<String> swapped = new ArrayList<>(original);
        swapped.set(1, original.get(2));
        swapped.set(2, original.get(1));
        Files.write(segment, swapped);
        try (DecisionJournal journal = DecisionJournal.inDirectory(dir)) {
            assertThat(journal.verify().firstBadRecord()).hasValue(2);
        }
    }

    @Test
    void aTornLastRecordIsSetAsideAndReportedAndTheJournalGoesOn(@TempDir Path dir) throws IOException {
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.inDirectory(dir)).build()) {
            decide(control, 1, 3);
        }
        Path segment = dir.resolve("journal-000001.jsonl");
        long intactSize = Files.size(segment);
        String half = Files.readAllLines(segment).get(2).substring(0, 300);
        Files.writeString(segment, half, StandardOpenOption.APPEND); // a crash in the middle of writing record 4
        try (DecisionJournal journal = DecisionJournal.inDirectory(dir)) {
            JournalCheck check = journal.verify();
            assertThat(check.intact()).isTrue();
            assertThat(check.records()).isEqualTo(3);
            assertThat(check.notes()).singleElement().satisfies(n -> assertThat(n).contains("torn").contains("300 bytes"));
            assertThat(Files.size(segment)).isEqualTo(intactSize);
            try (Stream<Path> files = Files.list(dir)) {
                Path aside = files.filter(p -> p.getFileName().toString().startsWith("journal-000001.jsonl.torn-")).findFirst().orElseThrow();
                assertThat(Files.readString(aside, StandardCharsets.UTF_8)).isEqualTo(half);
            }
        }
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.inDirectory(dir)).build()) {
            decide(control, 4, 5);
        }
        try (DecisionJournal journal = DecisionJournal.inDirectory(dir)) {
            assertThat(journal.verify().intact()).isTrue();
            assertThat(journal.verify().records()).isEqualTo(5);
        }
    }

    @Test
    void concurrentCallersShareFsyncsAndEveryDecisionIsInTheChain(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.inDirectory(dir, 64 * 1024)).build()) {
            List<Future<CreditDecision>> futures = new ArrayList<>();
            for (int i = 1; i <= 400; i++) {
                int n = i;
                futures.add(pool.submit(() -> control.checkOrder(order(n), SNAPSHOT)));
            }
            for (Future<CreditDecision> f : futures) assertThat(f.get().hasReason("ENGINE_ERROR")).isFalse();
        } finally {
            pool.shutdown();
        }
        try (DecisionJournal journal = DecisionJournal.inDirectory(dir)) {
            JournalCheck check = journal.verify();
            assertThat(check.intact()).as(check.toString()).isTrue();
            assertThat(check.records()).isEqualTo(400);
            assertThat(journal.records().map(r -> r.request().orderId()).distinct().count()).isEqualTo(400);
        }
    }

    @Test
    void aSecondJournalOnTheSameDirectoryReadsButDoesNotWrite(@TempDir Path dir) {
        try (DecisionJournal writer = DecisionJournal.inDirectory(dir); DecisionJournal reader = DecisionJournal.inDirectory(dir)) {
            CreditDecision d = TestOrders.DEFAULT.checkOrder(order(1), SNAPSHOT);
            writer.append(order(1), SNAPSHOT, java.util.Map.of(), d);
            assertThat(reader.verify().records()).isEqualTo(1);
            assertThatThrownBy(() -> reader.append(order(2), SNAPSHOT, java.util.Map.of(), d))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("reads only");
        }
    }

    @Test
    void aFullDiskRefusesTheOrderInsteadOfApprovingItUnrecorded(@TempDir Path dir) throws IOException {
        Path devFull = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devFull), "needs /dev/full to simulate a full disk");
        Files.createSymbolicLink(dir.resolve("journal-000001.jsonl"), devFull);
        List<CreditDecision> told = new ArrayList<>();
        try (CreditControl control = CreditControl.builder().journal(DecisionJournal.inDirectory(dir))
                .listener(dev.creditcontrol.rules.CreditControlListener.decisions(told::add)).build()) {
            CreditDecision d = control.checkOrder(order(1), SNAPSHOT);
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(d.reasons()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("ENGINE_ERROR");
                assertThat(r.message()).contains("could not be journalled").contains("APPROVE");
            });
            assertThat(told).containsExactly(d);
            // a write that cannot even be cut back off the file fails the journal: every later decision is refused too
            assertThat(control.checkOrder(order(2), SNAPSHOT).outcome()).isEqualTo(Outcome.REJECT);
        }
    }

    @Test
    void aClosedJournalRefusesTheOrder(@TempDir Path dir) {
        DecisionJournal journal = DecisionJournal.inDirectory(dir);
        try (CreditControl control = CreditControl.builder().journal(journal).build()) {
            journal.close();
            CreditDecision d = control.checkOrder(order(1), SNAPSHOT);
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(d.reasons()).extracting(Reason::message).anySatisfy(m -> assertThat(m).contains("closed"));
        }
    }

    @Test
    void replayGivesTheSameDecisionWithTheRecordedRatesAndVersion(@TempDir Path dir) {
        ExchangeRates rates = ExchangeRates.builder().rate("USD", "CNY", LocalDate.of(2026, 1, 1), "7.10").build();
        try (CreditControl control = CreditControl.builder().exchangeRates(rates).journal(DecisionJournal.inDirectory(dir)).build()) {
            control.checkOrder(OrderRequest.builder("SO-USD", SNAPSHOT.customer().id(), TestOrders.TODAY)
                    .line("MRI", DeviceClass.II, "07", Money.of("150000", "USD")).build(), SNAPSHOT);
            decide(control, 1, 3);
        }
        try (DecisionJournal journal = DecisionJournal.inDirectory(dir)) {
            for (JournalRecord r : journal.records().toList()) {
                // an engine without rates: the record carries the ones the check used
                CreditDecision again = TestOrders.DEFAULT.replay(r);
                assertThat(again.outcome()).isEqualTo(r.decision().outcome());
                assertThat(again.requiredApproval()).isEqualTo(r.decision().requiredApproval());
                assertThat(again.reasons()).isEqualTo(r.decision().reasons());
            }
            assertThat(journal.records().findFirst().orElseThrow().rates()).containsEntry("USD/CNY/2026-06-15", new java.math.BigDecimal("7.10"));
        }
    }

    @Test
    void replayOnAVersionNoLongerLoadedNamesIt(@TempDir Path dir) throws IOException {
        Path rules = RuleFolders.copyBundled(dir.resolve("rules"));
        RuleFolders.replace(rules.resolve("ruleset.properties"), "version=1.0.0", "version=1.1.0");
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(rules).journal(DecisionJournal.inDirectory(dir.resolve("j"))).build()) {
            decide(control, 1, 1);
        }
        try (DecisionJournal journal = DecisionJournal.inDirectory(dir.resolve("j"))) {
            JournalRecord r = journal.records().findFirst().orElseThrow();
            assertThatThrownBy(() -> TestOrders.DEFAULT.replay(r)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("1.1.0").hasMessageContaining("not loaded");
        }
    }
}
