package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.rules.RuleFolders;
import dev.creditcontrol.rules.TestOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysts' command line: output and exit codes a CI job relies on. */
class CliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void validateOfTheBundledRuleSetSucceeds() {
        assertThat(run("validate", RuleFolders.bundled().toString())).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("0 error(s), 0 warning(s)");
    }

    @Test
    void validateOfABrokenRuleSetPrintsFileLineColumnAndFails(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("overdue.drl"), "OrderFacts( creditSale )", "OrderFacts( creditSale ");
        assertThat(run("validate", dir.toString())).isEqualTo(Cli.FAILED);
        // Both overdue rules match on that pattern: both are reported, at once.
        assertThat(out.toString()).containsPattern("overdue\\.drl:18:5: ERROR \\[rule \"Overdue beyond the customer type's tolerance: credit manager reviews\"]")
                .containsPattern("overdue\\.drl:31:5: ERROR").contains("2 error(s)");
    }

    @Test
    void testRunsTheScenariosAndEndsWithACount() {
        assertThat(run("test", RuleFolders.bundled().toString())).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("coverage: 59 of 59 rules").containsPattern("\\d+ passed, 0 failed");
    }

    @Test
    void testFailsWhenAScenarioFails(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("parameters.properties"), "overdue.toleranceDays.HOSPITAL=90", "overdue.toleranceDays.HOSPITAL=60");
        assertThat(run("test", dir.toString())).isEqualTo(Cli.FAILED);
        assertThat(out.toString()).contains("FAIL hospital 90 days overdue: tolerated");
    }

    @Test
    void diffReportsChangedDecisionsTheMatrixAndReasons(@TempDir Path dir) {
        Path newer = RuleFolders.copyBundled(dir.resolve("new"));
        RuleFolders.replace(newer.resolve("ruleset.properties"), "version=1.0.0", "version=1.1.0");
        RuleFolders.replace(newer.resolve("parameters.properties"), "overdue.toleranceDays.DISTRIBUTOR=30", "overdue.toleranceDays.DISTRIBUTOR=20");
        List<Scenario> cases = new ArrayList<>();
        for (int days : new int[]{10, 25, 25, 40}) {
            TestOrders t = TestOrders.distributor().openInvoice("1000", days).line(DeviceClass.I, "22", "100");
            cases.add(new Scenario("overdue " + days + " #" + cases.size(), "test", t.order(), t.snapshot(),
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }
        Path file = dir.resolve("cases.csv");
        ScenarioFile.write(file, cases);
        assertThat(run("diff", RuleFolders.bundled().toString(), newer.toString(), file.toString())).isEqualTo(Cli.CHANGED);
        assertThat(out.toString())
                .contains("medical-device 1.0.0 -> medical-device 1.1.0, 4 cases, 2 changed")
                .contains("APPROVE→ESCALATE: 2").contains("APPROVE→APPROVE: 1").contains("ESCALATE→ESCALATE: 1")
                .contains("+OVERDUE_RECEIVABLES: 2")
                .contains("overdue 25 #1: APPROVE -> ESCALATE (CREDIT_MANAGER) +OVERDUE_RECEIVABLES");
    }

    @Test
    void diffOfIdenticalRuleSetsExitsZero(@TempDir Path dir) {
        TestOrders t = TestOrders.distributor();
        Path file = dir.resolve("cases.csv");
        ScenarioFile.write(file, List.of(new Scenario("one", "test", t.order(), t.snapshot(),
                Optional.of(Outcome.APPROVE), Optional.empty(), Optional.empty())));
        assertThat(run("diff", RuleFolders.bundled().toString(), RuleFolders.bundled().toString(), file.toString())).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("0 changed");
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(run("validate")).isEqualTo(Cli.USAGE);
        assertThat(run("validate", "/no/such/folder")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("not a folder");
    }

    @Test
    void testFailsWhenAScenarioFileHoldsNoScenario(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.write(dir.resolve("scenarios/empty.csv"), "case,customerType,lines\n");
        assertThat(run("test", dir.toString())).isEqualTo(Cli.USAGE);
        assertThat(err.toString().strip()).isEqualTo(dir.resolve("scenarios/empty.csv") + ":1: the file holds no scenario (no row below the header)");
    }

    @Test
    void testFailsWhenTheRuleSetHasNoScenarioAtAll(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.deleteTree(dir.resolve("scenarios"));
        assertThat(run("test", dir.toString())).isEqualTo(Cli.FAILED);
        assertThat(out.toString()).contains("no scenario: medical-device 1.0.0");
    }

    @Test
    void aGbkScenarioFileIsOneClearLineAndExitTwo(@TempDir Path dir) throws Exception {
        RuleFolders.copyBundled(dir);
        java.nio.file.Files.write(dir.resolve("scenarios/gbk.csv"), "case,customerType,lines\n广州市第一人民医院,HOSPITAL,I:22:1\n"
                .getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThat(run("test", dir.toString())).isEqualTo(Cli.USAGE);
        assertThat(err.toString().lines().toList()).singleElement()
                .satisfies(l -> assertThat(l).contains("gbk.csv:2: the file is not UTF-8"));
    }

    @Test
    void aRuleSetErrorIsOneLinePerProblemWithoutAStackTrace(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("account.drl"), "OrderFacts( accountFrozen )", "OrderFacts( acountFrozen )");
        assertThat(run("test", dir.toString())).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("account.drl:").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run("--verbose", "test", dir.toString())).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("\tat ");
    }

    @Test
    void calibrateFitsTheRuleSetItIsGiven(@TempDir Path dir) throws Exception {
        Path rules = RuleFolders.copyBundled(dir.resolve("mine"));
        RuleFolders.replace(rules.resolve("ruleset.properties"), "version=1.0.0", "version=7.0.0");
        // a factor only this rule set scores: the calibration must find it in the rules it was given
        RuleFolders.replace(rules.resolve("scorecard.drl"), "sheet.score(\"worstDaysLate\", $a.worstDaysLate());",
                "sheet.score(\"itemsLate30\", $a.itemsLateBeyond(30));");
        RuleFolders.replace(rules.resolve("parameters.properties"), "score.worstDaysLate.", "score.itemsLate30.");
        Path history = dir.resolve("history.csv");
        java.util.List<LabelledSnapshot> labelled = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean bad = i % 3 == 0;
            labelled.add(new LabelledSnapshot(dev.creditcontrol.rules.TestOrders.paymentHistory(
                    dev.creditcontrol.model.CustomerType.DISTRIBUTOR, bad ? 40 + i : i % 5, 0, false), bad));
        }
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(history)) {
            ScenarioFile.writeLabelled(w, labelled);
        }
        Path out = dir.resolve("out");
        assertThat(run("calibrate", history.toString(), out.toString(), "--rules", rules.toString())).isEqualTo(Cli.OK);
        assertThat(java.nio.file.Files.readString(out.resolve("ruleset.properties"))).contains("version=7.0.0-calibrated");
        assertThat(java.nio.file.Files.readString(out.resolve("parameters.properties"))).contains("score.itemsLate30.points")
                .doesNotContain("score.worstDaysLate.");
        assertThat(this.out.toString()).contains("itemsLate30");
    }

    /** A third of them bad, paying 40-69 days late; the rest pay within 5 days. */
    private static java.util.List<LabelledSnapshot> ninetyDistributors() {
        java.util.List<LabelledSnapshot> labelled = new java.util.ArrayList<>();
        for (int i = 0; i < 90; i++) {
            boolean bad = i % 3 == 0;
            labelled.add(new LabelledSnapshot(dev.creditcontrol.rules.TestOrders.paymentHistory(
                    dev.creditcontrol.model.CustomerType.DISTRIBUTOR, bad ? 40 + i % 30 : i % 5, 0, false), bad));
        }
        return labelled;
    }

    @Test
    void calibrateFitsOnOlderSnapshotsReportsOnNewerOnesAndWritesTheFullReport(@TempDir Path dir) throws Exception {
        java.io.StringWriter csv = new java.io.StringWriter();
        ScenarioFile.writeLabelled(csv, ninetyDistributors());
        // the last 30 customers were observed a month later: the fit must use the first 60 and only them
        java.util.List<String> lines = new java.util.ArrayList<>(csv.toString().lines().toList());
        for (int i = 61; i <= 90; i++) lines.set(i, lines.get(i).replaceFirst(",2026-06-15,2026-06-15,", ",2026-07-15,2026-07-15,"));
        Path history = dir.resolve("history.csv");
        java.nio.file.Files.write(history, lines);
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.txt");
        assertThat(run("calibrate", history.toString(), out.toString(), "--fit-before", "2026-07-01", "--pdo", "20",
                "--report", report.toString())).as(() -> err.toString()).isEqualTo(Cli.OK);
        assertThat(this.out.toString()).contains("60 to fit").contains("30 held out")
                .contains("fit on customers observed before 2026-07-01, reported on those observed from 2026-07-01")
                .containsPattern("onTimeShare\\s+ALL")
                .containsPattern("score stability PSI \\d\\.\\d{4} \\((under|over|0\\.10)").contains("CSI")
                // new points, old scenarios: the rows that pin a score or grade are named with their file and line
                .containsPattern("scenarios: \\d+ of \\d+ fail on the calibrated rule set").containsPattern("FAIL .*risk\\.csv:\\d+\\)");
        String text = java.nio.file.Files.readString(report);
        assertThat(text).contains("scale: 20 points to double the odds").contains("onTimeShare [ALL] higher is safer")
                .containsPattern("% bad\\s+WoE").containsPattern("% of fitting,\\s+\\d+\\.\\d% of held out")
                .containsPattern("score stability, held out against fitting customers: PSI \\d\\.\\d{4}");
        assertThat(java.nio.file.Files.readString(out.resolve("parameters.properties"))).contains("score.onTimeShare.points");
    }

    @Test
    void calibrateWritesTheReportAsAPageWithChartsWhenItsFileEndsInHtml(@TempDir Path dir) throws Exception {
        Path history = dir.resolve("history.csv");
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(history)) {
            ScenarioFile.writeLabelled(w, ninetyDistributors());
        }
        Path report = dir.resolve("report.html");
        assertThat(run("--lang", "zh", "calibrate", history.toString(), dir.resolve("out").toString(), "--report", report.toString()))
                .as(() -> err.toString()).isEqualTo(Cli.OK);
        assertThat(java.nio.file.Files.readString(report)).startsWith("<!DOCTYPE html>").contains("评分卡校准报告")
                .contains("id=\"render-status\"");
    }

    @Test
    void calibrateRefusesADateThatIsNotOne(@TempDir Path dir) {
        assertThat(run("calibrate", "history.csv", dir.toString(), "--fit-before", "June")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("--fit-before");
        assertThat(dir.resolve("parameters.properties")).doesNotExist();
    }

    @Test
    void publishMarksAValidRuleSetAndRefusesABrokenOne(@TempDir Path dir) throws Exception {
        RuleFolders.copyBundled(dir.resolve("ok"));
        assertThat(run("publish", dir.resolve("ok").toString())).isEqualTo(Cli.OK);
        assertThat(out.toString()).containsPattern("published .*ok sha256 [0-9a-f]{64}");
        assertThat(java.nio.file.Files.readString(dir.resolve("ok/PUBLISHED"))).startsWith("sha256=");
        RuleFolders.copyBundled(dir.resolve("broken"));
        java.nio.file.Files.delete(dir.resolve("broken/overdue.drl"));
        assertThat(run("publish", dir.resolve("broken").toString())).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("declared file overdue.drl is missing");
        assertThat(dir.resolve("broken/PUBLISHED")).doesNotExist();
    }

    @Test
    void aFolderWithoutARuleSetIsOneLineAndExitOne(@TempDir Path dir) {
        assertThat(run("test", dir.toString())).isEqualTo(Cli.FAILED);
        assertThat(err.toString().lines().toList()).hasSizeLessThanOrEqualTo(2)
                .anySatisfy(l -> assertThat(l).contains("neither the folder nor any sub-folder has a ruleset.properties"));
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void aRuleSetThatLoopsIsRefusedOnTimeWithOneLineAndExitOne(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.declare(dir, "loop.drl");
        RuleFolders.write(dir.resolve("loop.drl"), """
                package dev.creditcontrol.rules.medical
                import dev.creditcontrol.facts.OrderFacts
                rule "Loops on every order"
                when
                    $o : OrderFacts()
                then
                    update($o);
                end
                """);
        long start = System.nanoTime();
        assertThat(run("test", dir.toString())).isEqualTo(Cli.FAILED);
        assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(60);
        assertThat(err.toString()).contains("warm-up").contains("Loops on every order").doesNotContain("\tat ");
    }
}
