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
        assertThat(out.toString()).containsPattern("overdue\\.drl:17:5: ERROR \\[rule \"Overdue beyond the customer type's tolerance: credit manager reviews\"]")
                .containsPattern("overdue\\.drl:32:5: ERROR").contains("2 error(s)");
    }

    @Test
    void testRunsTheScenariosAndEndsWithACount() {
        assertThat(run("test", RuleFolders.bundled().toString())).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("coverage: 38 of 38 rules").containsPattern("\\d+ passed, 0 failed");
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
}
