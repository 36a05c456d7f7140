package dev.creditcontrol.flink;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.examples.SyntheticHistory;
import dev.creditcontrol.journal.JsonForm;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.analyst.PortfolioMonitor;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The portfolio job on Flink's MiniCluster (2 slots) against the in-process {@link PortfolioMonitor}, customer by customer. */
class PortfolioJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final int CUSTOMERS = 10_000;
    static List<CustomerSnapshot> snapshots;

    @BeforeAll
    static void generate() {
        snapshots = new ArrayList<>(CUSTOMERS);
        SyntheticHistory.snapshots(CUSTOMERS, 42).forEachRemaining(snapshots::add);
    }

    static Path writeSnapshots(Path file, List<String> extraLines) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < snapshots.size(); i++) {
                w.write(JsonForm.toJson(snapshots.get(i)));
                w.write('\n');
                if (i == 5000) for (String extra : extraLines) w.write(extra + "\n");
            }
        }
        return file;
    }

    /** Every line of the part files in {@code dir}. */
    static List<String> lines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(dir)) return lines;
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList()) lines.addAll(Files.readAllLines(f));
        }
        return lines;
    }

    @Test
    void gradesAndLevelsEqualThePortfolioMonitorsCustomerByCustomerAndBadRecordsGoAside(@TempDir Path dir) throws IOException {
        String notJson = "{this is not json";
        String badLimit = JsonForm.toJson(snapshots.get(0)).replaceFirst("\"limit\":\\{\"amount\":", "\"limit\":{\"amount\":-");
        Path input = writeSnapshots(dir.resolve("snapshots.jsonl"), List.of(notJson, badLimit));
        Path out = dir.resolve("out");
        StringWriter log = new StringWriter();
        int code = CreditJobs.run(new PrintWriter(log), new PrintWriter(log), "portfolio", "--input", input.toString(),
                "--output", out.toString(), "--parallelism", "2");
        assertThat(code).as(log.toString()).isZero();

        List<CreditAssessment> assessed = lines(out.resolve("assessments")).stream()
                .map(l -> JsonForm.fromJson(l, CreditAssessment.class)).toList();
        assertThat(assessed).hasSize(CUSTOMERS);
        Map<String, CreditAssessment> byCustomer = assessed.stream().collect(Collectors.toMap(CreditAssessment::customerId, a -> a));
        PortfolioMonitor.Summary monitor;
        try (CreditControl control = CreditControl.withDefaultRules()) {
            monitor = PortfolioMonitor.builder(control).threads(2).build().run(snapshots.iterator());
            Map<String, CreditAssessment> inProcess = new HashMap<>();
            for (CustomerSnapshot s : snapshots) inProcess.put(s.customer().id(), control.assess(s));
            for (CreditAssessment expected : inProcess.values()) {
                CreditAssessment job = byCustomer.get(expected.customerId());
                assertThat(job).as(expected.customerId()).isNotNull();
                assertThat(job.grade()).as(expected.customerId()).isEqualTo(expected.grade());
                assertThat(job.warningLevel()).as(expected.customerId()).isEqualTo(expected.warningLevel());
                assertThat(job.score()).as(expected.customerId()).isEqualTo(expected.score());
                assertThat(job.reasons()).as(expected.customerId()).isEqualTo(expected.reasons());
            }
        }
        // alerts: exactly the monitor's customers at ORANGE or RED, with the same levels and grades
        Map<String, String> jobAlerts = lines(out.resolve("alerts")).stream().map(l -> JsonForm.fromJson(l, CreditAssessment.class))
                .collect(Collectors.toMap(CreditAssessment::customerId, a -> a.warningLevel() + " " + a.grade()));
        Map<String, String> monitorAlerts = monitor.alerts().stream()
                .collect(Collectors.toMap(PortfolioMonitor.Alert::customerId, a -> a.level() + " " + a.grade()));
        assertThat(jobAlerts).isNotEmpty().isEqualTo(monitorAlerts);

        List<String> summaries = lines(out.resolve("summary"));
        assertThat(summaries).hasSize(1);
        PortfolioTally summary = PortfolioTally.fromJson(summaries.get(0));
        assertThat(summary.assessed()).isEqualTo(monitor.assessed());
        assertThat(summary.perGrade()).isEqualTo(monitor.perGrade());
        assertThat(summary.perLevel()).isEqualTo(monitor.perLevel());
        for (WarningLevel level : WarningLevel.values()) {
            BigDecimal job = summary.exposurePerLevel().get(level).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(job).as(level.name()).isEqualByComparingTo(monitor.exposurePerLevel().get(level));
        }

        // the two bad lines: in the failures with their text and why, counted, and the job still finished
        assertThat(summary.failed()).isEqualTo(2);
        List<String> failures = lines(out.resolve("failures"));
        assertThat(failures).hasSize(2);
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("invalid JSON form").contains("this is not json"));
        assertThat(failures).anySatisfy(f -> assertThat(f).contains("account.limit"));
        assertThat(log.toString()).containsPattern("rule set bundled sha256 [0-9a-f]{64}");
    }

    @Test
    void aRuleSetOtherThanTheOneSubmittedIsRefusedByEveryTask(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("few.jsonl");
        Files.write(input, snapshots.subList(0, 20).stream().map(JsonForm::toJson).toList());
        StringWriter log = new StringWriter();
        int code = CreditJobs.run(new PrintWriter(log), new PrintWriter(log), "portfolio", "--input", input.toString(),
                "--output", dir.resolve("out").toString(), "--rules-sha256", "0".repeat(64));
        assertThat(code).isEqualTo(1);
        assertThat(log.toString()).contains("credit-flink-jobs portfolio: rule set bundled has sha256")
                .contains("refusing to run on a rule set other than the one submitted").doesNotContain("\tat ");
        assertThat(lines(dir.resolve("out").resolve("assessments"))).isEmpty();
    }

    @Test
    void aMissingOptionOrRulesFolderIsOneLineNamingItAndExitTwo(@TempDir Path dir) {
        StringWriter log = new StringWriter();
        assertThat(CreditJobs.run(new PrintWriter(log), new PrintWriter(log), "portfolio", "--output", dir.toString())).isEqualTo(2);
        assertThat(log.toString()).contains("--input");
        log.getBuffer().setLength(0);
        assertThat(CreditJobs.run(new PrintWriter(log), new PrintWriter(log), "portfolio", "--input", dir.toString(),
                "--output", dir.resolve("out").toString(), "--rules", dir.resolve("no-such-rules").toString())).isEqualTo(2);
        assertThat(log.toString().strip()).startsWith("credit-flink-jobs portfolio: rules folder").contains("no-such-rules")
                .contains("does not exist").doesNotContain("\tat ");
    }
}
