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

    static final ScenarioDefaults DEFAULTS = ScenarioDefaults.read("defaults.properties",
            new StringReader("orderDate=2026-06-15\ncurrency=CNY\nlimit=1000000\npaymentTermDays=90\n"));

    static List<Scenario> parse(String csv) {
        return ScenarioFile.read("test.csv", new StringReader(csv), DEFAULTS);
    }

    @Test
    void readsARowWithDefaultsForEverythingButTypeAndLines() {
        Scenario s = parse("customerType,lines\nDISTRIBUTOR,III:07:10000\n").get(0);
        assertThat(s.name()).isEqualTo("row 2");
        assertThat(s.source()).isEqualTo("test.csv:2");
        assertThat(s.order().orderDate()).isEqualTo(java.time.LocalDate.of(2026, 6, 15));
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
                        "test.csv:2: column 'customerType': not one of [HOSPITAL, CLINIC, DISTRIBUTOR, AGENT, OTHER] (value 'HOSPITL')",
                        "test.csv:3: column 'limit': amount is not a decimal number: 'lots' (value 'lots')",
                        "test.csv:4: column 'lines': not one of [I, II, III] (value 'IV:22:1')"));
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
    void aRowWithoutADefaultForAnEmptyCellIsRefusedNamingTheColumn() {
        assertThatThrownBy(() -> ScenarioFile.read("test.csv", new StringReader("customerType,lines\nCLINIC,I:22:1\n"),
                ScenarioDefaults.NONE))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining("test.csv:2: column 'orderDate' is empty and no defaults.properties gives a default")
                .hasMessageContaining("column 'currency'");
    }

    @Test
    void theRowsCurrencyIsTheCurrencyOfItsAmounts() {
        Scenario s = parse("customerType,currency,limit,lines,openOrders\nDISTRIBUTOR,USD,50000,II:07:1200.50,300\n").get(0);
        assertThat(s.order().total()).isEqualTo(Money.of("1200.50", "USD"));
        assertThat(s.snapshot().account().limit()).isEqualTo(Money.of("50000", "USD"));
        assertThat(s.snapshot().openOrders()).isEqualTo(Money.of("300", "USD"));
    }

    @Test
    void aFileSavedAsGbkIsRefusedNamingTheLineAndTheEncoding(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gbk.csv");
        java.nio.file.Files.write(file, "case,customerType,lines\nok,CLINIC,I:22:1\n第一人民医院,HOSPITAL,I:22:1\n"
                .getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThatThrownBy(() -> ScenarioFile.read(file)).isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining("gbk.csv:3: the file is not UTF-8 (probably GBK");
    }

    @Test
    void everyValueOfAScenarioSurvivesAWriteAndARead(@TempDir Path dir) {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 6, 15);
        dev.creditcontrol.model.Customer customer = dev.creditcontrol.model.Customer.builder("H-7", "第一人民医院", dev.creditcontrol.model.CustomerType.HOSPITAL)
                .since(java.time.LocalDate.of(2015, 3, 1))
                .licence(new dev.creditcontrol.model.Licence(LicenceType.MEDICAL_INSTITUTION_LICENCE, "PDY-1", java.time.LocalDate.of(2020, 1, 2),
                        java.time.LocalDate.of(2030, 1, 1), Set.of("07", "22")))
                .licence(new dev.creditcontrol.model.Licence(LicenceType.BUSINESS_LICENCE, "B-9", java.time.LocalDate.of(2011, 5, 5), null, Set.of()))
                .build();
        dev.creditcontrol.model.CreditAccount account = dev.creditcontrol.model.CreditAccount.builder(Money.of("800000.00", "EUR"))
                .paymentTermDays(150).validUntil(day.plusMonths(5)).grade(dev.creditcontrol.model.CreditGrade.C).frozen(true)
                .temporaryIncrease(Money.of("120000", "EUR"), day.plusDays(40)).build();
        dev.creditcontrol.model.CustomerSnapshot snapshot = dev.creditcontrol.model.CustomerSnapshot.builder(customer, account, day.minusDays(1))
                .receivable(dev.creditcontrol.model.Receivable.open("INV-1", Money.of("1000.10", "EUR"), day.minusDays(100), day.minusDays(10)))
                .receivable(dev.creditcontrol.model.Receivable.paid("INV-2", Money.of("99", "EUR"), day.minusDays(300), day.minusDays(200), day.minusDays(150)))
                .receivable(dev.creditcontrol.model.Receivable.open("INV-3", Money.of("300", "USD"), day.minusDays(30), day.plusDays(10)))
                .openOrders(Money.of("5", "EUR")).deliveredNotInvoiced(Money.of("7.25", "CNY"))
                .acceptanceBill(new dev.creditcontrol.model.AcceptanceBill("CAB-1", dev.creditcontrol.model.BillType.COMMERCIAL,
                        Money.of("5000", "EUR"), day.plusDays(60)))
                .acceptanceBill(new dev.creditcontrol.model.AcceptanceBill("BAB-1", dev.creditcontrol.model.BillType.BANK,
                        Money.of("70000", "CNY"), day.plusDays(90)))
                .security(new dev.creditcontrol.model.Security(dev.creditcontrol.model.SecurityType.BANK_GUARANTEE, Money.of("1000", "EUR"),
                        day.plusDays(200)))
                .security(new dev.creditcontrol.model.Security(dev.creditcontrol.model.SecurityType.DEPOSIT, Money.of("9", "USD"), null))
                .group(new dev.creditcontrol.model.CreditGroup("集团-1", Money.of("2000000", "CNY"), Money.of("10", "EUR")))
                .financials(dev.creditcontrol.model.Financials.of(71, "0.45", "1.8")).build();
        dev.creditcontrol.model.OrderRequest order = dev.creditcontrol.model.OrderRequest.builder("SO-77", "H-7", day)
                .line("PM-300", dev.creditcontrol.model.DeviceClass.II, "07", Money.of("56000", "EUR"))
                .line("US-7000", dev.creditcontrol.model.DeviceClass.III, "22", Money.of("1.5", "EUR"))
                .paymentMethod(PaymentMethod.CASH_ON_DELIVERY).build();
        dev.creditcontrol.model.ExchangeRates rates = dev.creditcontrol.model.ExchangeRates.builder()
                .rate("EUR", "CNY", java.time.LocalDate.of(2026, 1, 1), "7.8333")
                .rate("USD", "EUR", java.time.LocalDate.of(2026, 3, 1), "0.92").build();
        Scenario original = new Scenario("全部", "memory", order, snapshot, java.util.Optional.of(Outcome.ESCALATE),
                java.util.Optional.of(Set.of("CREDIT_LIMIT_NEAR")), java.util.Optional.of(dev.creditcontrol.decision.ApprovalLevel.CREDIT_MANAGER),
                java.util.Optional.of(dev.creditcontrol.model.CreditGrade.C), java.util.Optional.of(dev.creditcontrol.decision.WarningLevel.RED),
                java.util.Optional.empty(), java.util.Optional.of(Set.of("PM-300")), java.util.Optional.of(rates));
        Path file = dir.resolve("cases.csv");
        ScenarioFile.write(file, List.of(original));
        Scenario back = ScenarioFile.read(file).get(0);
        assertThat(back.rates()).contains(rates);
        assertThat(back.order()).isEqualTo(original.order());
        assertThat(back.snapshot()).isEqualTo(original.snapshot());
        assertThat(back.snapshot().account().temporaryIncrease()).isEqualTo(account.temporaryIncrease());
        assertThat(back).usingRecursiveComparison().ignoringFields("source").isEqualTo(original);
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
                .contains("coverage: 59 of 59 rules raised a finding")
                .endsWith("1 failed");
        assertThat(report.rulesNever()).isEmpty();
    }

    @Test
    void coverageNamesRulesThatNoScenarioFires(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.write(dir.resolve("scenarios/account.csv"), "customerType,lines\nCLINIC,I:22:1\n");
        ScenarioReport report = ScenarioRunner.runFolder(dir).get(0);
        // the grade's largest order still fires in exposure.csv (a USD account against the CNY maximum)
        assertThat(report.rulesNever()).containsExactlyInAnyOrder("Grade D: no credit sale",
                "Snapshot older than the rule set allows: credit manager reviews");
        assertThat(report.render()).contains("never fired: Grade D: no credit sale");
    }

    @Test
    void aRowCanExpectTheLinesARefusalBlocks(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.write(dir.resolve("scenarios/extra.csv"), """
                case,customerType,licences,lines,expectedOutcome,expectedBlocked
                blocks the stent,DISTRIBUTOR,BUSINESS_LICENCE; DEVICE_FILING,II:07:1000:PUMP-1; III:07:5000:STENT-1,REJECT,STENT-1
                wrongly expects the pump,DISTRIBUTOR,BUSINESS_LICENCE; DEVICE_FILING,II:07:1000:PUMP-1; III:07:5000:STENT-1,REJECT,PUMP-1
                """);
        ScenarioReport report = ScenarioRunner.runFolder(dir).get(0);
        assertThat(report.failures()).isEqualTo(1);
        assertThat(report.render()).contains("PASS blocks the stent")
                .contains("FAIL wrongly expects the pump").contains("blocked lines [STENT-1], expected [PUMP-1]");
    }
}
