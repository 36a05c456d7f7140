package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.PaymentMethod;
import dev.creditcontrol.rules.RuleFolders;
import dev.creditcontrol.rules.TestOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioFileTest {

    static List<Scenario> parse(String csv) {
        return ScenarioFile.read("test.csv", new StringReader(csv));
    }

    @Test
    void readsARowWithDefaultsForEverythingButTypeAndLines() {
        Scenario s = parse("customerType,lines\nDISTRIBUTOR,III:07:10000\n").get(0);
        assertThat(s.name()).isEqualTo("row 2");
        assertThat(s.source()).isEqualTo("test.csv:2");
        assertThat(s.order().orderDate()).isEqualTo(ScenarioFile.DEFAULT_ORDER_DATE);
        assertThat(s.order().paymentMethod()).isEqualTo(PaymentMethod.CREDIT);
        assertThat(s.snapshot().account().limit()).isEqualTo(Money.cny("1000000"));
        // a row that names no licences is not about licences: one of every type, valid, unlimited
        assertThat(s.snapshot().customer().licences()).extracting(l -> l.type()).containsExactlyInAnyOrder(LicenceType.values());
        assertThat(s.hasExpectations()).isFalse();
    }

    @Test
    void readsRelativeDatesLicenceScopesOverdueAndExpectations() {
        Scenario s = parse("""
                case,customerType,licences,openReceivables,overdueDays,lines,expectedOutcome,expectedReasons,expectedApproval
                x,AGENT,BUSINESS_LICENCE; DEVICE_OPERATION_LICENCE:+30:07|14,5000,45,III:07:100:US-1; I:22:5,ESCALATE,OVERDUE_RECEIVABLES LICENCE_EXPIRING,credit manager
                """).get(0);
        assertThat(s.snapshot().customer().licences(LicenceType.DEVICE_OPERATION_LICENCE)).singleElement().satisfies(l -> {
            assertThat(l.validUntil()).isEqualTo(LocalDate.of(2026, 7, 15));
            assertThat(l.scope()).containsExactlyInAnyOrder("07", "14");
        });
        assertThat(s.snapshot().receivables()).singleElement().satisfies(r -> {
            assertThat(r.amount()).isEqualTo(Money.cny("5000"));
            assertThat(r.daysOverdueOn(s.snapshot().asOf())).isEqualTo(45);
        });
        assertThat(s.order().lines()).hasSize(2);
        assertThat(s.order().lines().get(0).sku()).isEqualTo("US-1");
        assertThat(s.expectedOutcome()).contains(Outcome.ESCALATE);
        assertThat(s.expectedReasons()).contains(Set.of("OVERDUE_RECEIVABLES", "LICENCE_EXPIRING"));
        assertThat(s.expectedApproval()).contains(ApprovalLevel.CREDIT_MANAGER);
    }

    @Test
    void reportsEveryBadCellWithFileLineAndColumn() {
        assertThatThrownBy(() -> parse("""
                case,customerType,limit,lines
                a,HOSPITL,1000,I:22:1
                b,CLINIC,lots,I:22:1
                c,CLINIC,1000,IV:22:1
                """))
                .isInstanceOf(ScenarioFormatException.class)
                .satisfies(e -> assertThat(((ScenarioFormatException) e).problems()).containsExactly(
                        "test.csv:2: column 'customerType': No enum constant dev.creditcontrol.model.CustomerType.HOSPITL (value 'HOSPITL')",
                        "test.csv:3: column 'limit': amount is not a decimal number: 'lots' (value 'lots')",
                        "test.csv:4: column 'lines': No enum constant dev.creditcontrol.model.DeviceClass.IV (value 'IV:22:1')"));
    }

    @Test
    void unknownColumnIsAnError() {
        assertThatThrownBy(() -> parse("customerType,lines,limt\nCLINIC,I:22:1,5\n"))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("unknown column 'limt'");
    }

    @Test
    void invalidModelValuesAreReportedWithTheirLine() {
        assertThatThrownBy(() -> parse("customerType,lines\nCLINIC,I:22:-5\n"))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("test.csv:2").hasMessageContaining("line.amount");
    }

    @Test
    void writtenCasesReadBackToTheSameOrdersAndSnapshots(@TempDir Path dir) {
        TestOrders t = TestOrders.distributor().openInvoice("1000", 12).openOrders("500")
                .line(dev.creditcontrol.model.DeviceClass.III, "07", "2000");
        Scenario original = new Scenario("case 1", "memory", t.order(), t.snapshot(),
                java.util.Optional.of(Outcome.APPROVE), java.util.Optional.of(Set.of()), java.util.Optional.empty());
        Path file = dir.resolve("cases.csv");
        ScenarioFile.write(file, List.of(original));
        Scenario back = ScenarioFile.read(file).get(0);
        assertThat(back.order()).isEqualTo(original.order());
        assertThat(back.snapshot()).isEqualTo(original.snapshot());
        assertThat(back.expectedOutcome()).contains(Outcome.APPROVE);
        assertThat(back.expectedReasons()).contains(Set.of());
    }

    @Test
    void runnerReportsFailuresWithTheActualDecisionAndCoverage(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.write(dir.resolve("scenarios/extra.csv"), "case,customerType,lines,expectedOutcome\nwrong on purpose,CLINIC,I:22:1,REJECT\n");
        List<ScenarioReport> reports = ScenarioRunner.runFolder(dir);
        ScenarioReport report = reports.get(0);
        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).isEqualTo(1);
        assertThat(report.render())
                .contains("FAIL wrong on purpose (" + dir.resolve("scenarios/extra.csv") + ":2): got APPROVE []; outcome APPROVE, expected REJECT")
                .contains("coverage: 38 of 38 rules raised a finding")
                .endsWith("1 failed");
        assertThat(report.rulesNever()).isEmpty();
    }

    @Test
    void coverageNamesRulesThatNoScenarioFires(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.write(dir.resolve("scenarios/account.csv"), "customerType,lines\nCLINIC,I:22:1\n");
        ScenarioReport report = ScenarioRunner.runFolder(dir).get(0);
        assertThat(report.rulesNever()).containsExactlyInAnyOrder("Grade D: no credit sale", "Order larger than the grade allows in one order");
        assertThat(report.render()).contains("never fired: Grade D: no credit sale");
    }
}
