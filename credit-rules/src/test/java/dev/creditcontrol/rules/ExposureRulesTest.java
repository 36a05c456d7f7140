package dev.creditcontrol.rules;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.model.AcceptanceBill;
import dev.creditcontrol.model.BillType;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CreditGroup;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.ExchangeRates;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.Receivable;
import dev.creditcontrol.model.Security;
import dev.creditcontrol.model.SecurityType;
import dev.creditcontrol.model.ShipmentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.creditcontrol.rules.TestOrders.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Currencies, credit groups, acceptance bills and securities as the bundled rule set judges them. */
class ExposureRulesTest {
    static final ExchangeRates RATES = ExchangeRates.builder().rate("USD", "CNY", LocalDate.of(2026, 1, 1), "7.10").build();
    static final CreditControl WITH_RATES = TestOrders.DEFAULT.withExchangeRates(RATES);

    static CustomerSnapshot.Builder distributor(String limit) {
        CustomerSnapshot base = TestOrders.distributor().snapshot();
        return CustomerSnapshot.builder(base.customer(), CreditAccount.builder(Money.cny(limit)).grade(CreditGrade.B)
                .validUntil(TODAY.plusYears(1)).build(), TODAY);
    }

    static CustomerSnapshot.Builder usdAccount(String limit, CreditGrade grade) {
        CustomerSnapshot base = TestOrders.distributor().snapshot();
        return CustomerSnapshot.builder(base.customer(), CreditAccount.builder(Money.of(limit, "USD")).grade(grade)
                .validUntil(TODAY.plusYears(1)).build(), TODAY);
    }

    static OrderRequest order(Money amount) {
        return OrderRequest.builder("SO-1", TestOrders.distributor().snapshot().customer().id(), TODAY)
                .line("MRI-COIL", DeviceClass.II, "07", amount).build();
    }

    static Reason reason(CreditDecision d, String code) {
        return d.reasons().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(d.reasons()));
    }

    @Test
    void aUsdOrderIsJudgedInCnyAndTheReasonShowsTheConvertedFigures() {
        CreditDecision d = WITH_RATES.checkOrder(order(Money.of("15000", "USD")), distributor("100000").build());
        assertThat(d.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(d.requiredApproval()).contains(ApprovalLevel.CREDIT_MANAGER);
        Reason r = reason(d, "CREDIT_LIMIT_EXCEEDED");
        assertThat(r.values()).containsEntry("thisOrder", "106500.00 CNY").containsEntry("exposureAfter", "106500.00 CNY")
                .containsEntry("overLimit", "6500.00 CNY");
    }

    @Test
    void aMissingRateRefusesTheCheckNamingBothCurrenciesAndTheDateAndNoDecisionIsPublished() {
        List<CreditDecision> seen = new ArrayList<>();
        try (CreditControl control = CreditControl.builder().listener(CreditControlListener.decisions(seen::add)).build()) {
            CustomerSnapshot usdReceivable = distributor("100000")
                    .receivable(Receivable.open("INV-U", Money.of("10", "USD"), TODAY.minusDays(5), TODAY.plusDays(25))).build();
            assertThatThrownBy(() -> control.checkOrder(order(Money.cny("1")), usdReceivable))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("USD").hasMessageContaining("CNY").hasMessageContaining("2026-06-15").hasMessageContaining("INV-U");
            // a rate that starts after the order date is no rate on it
            CreditControl late = control.withExchangeRates(ExchangeRates.builder().rate("USD", "CNY", TODAY.plusDays(1), "7").build());
            assertThatThrownBy(() -> late.checkOrder(order(Money.of("1", "USD")), distributor("100000").build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-06-15");
            assertThatThrownBy(() -> control.assess(usdReceivable)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("USD");
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void anAccountInAnotherCurrencyReadsTheCnyThresholdsAtTheRateOfTheCheckDate() {
        // grade C allows 500,000 CNY in one order = 70,422.54 USD at 7.10
        CreditDecision at = WITH_RATES.checkOrder(order(Money.of("70422.54", "USD")), usdAccount("1000000", CreditGrade.C).build());
        CreditDecision above = WITH_RATES.checkOrder(order(Money.of("70422.55", "USD")), usdAccount("1000000", CreditGrade.C).build());
        assertThat(at.hasReason("ORDER_VALUE_ABOVE_GRADE_MAX")).isFalse();
        assertThat(reason(above, "ORDER_VALUE_ABOVE_GRADE_MAX").values()).containsEntry("maxOrderValue", "70422.54 USD");
        assertThatThrownBy(() -> TestOrders.DEFAULT.checkOrder(order(Money.of("1", "USD")), usdAccount("1000", CreditGrade.B).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CNY").hasMessageContaining("USD")
                .hasMessageContaining("account.limit");
    }

    @Test
    void theGroupsPooledLimitHoldsAnOrderTheCustomersOwnLimitAllowsAndTheMoreSevereWins() {
        CustomerSnapshot s = distributor("1000000").group(new CreditGroup("G-1", Money.cny("300000"), Money.cny("250000"))).build();
        CreditDecision d = TestOrders.DEFAULT.checkOrder(order(Money.cny("60000")), s);
        assertThat(d.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(d.requiredApproval()).contains(ApprovalLevel.SALES_MANAGER); // 310,000: 3.3% over
        assertThat(d.hasReason("CREDIT_LIMIT_EXCEEDED")).isFalse();
        assertThat(reason(d, "GROUP_LIMIT_EXCEEDED").values()).containsEntry("groupExposureAfter", "310000.00 CNY")
                .containsEntry("groupId", "G-1");
        CustomerSnapshot far = distributor("1000000").group(new CreditGroup("G-1", Money.cny("300000"), Money.cny("400000"))).build();
        assertThat(TestOrders.DEFAULT.checkOrder(order(Money.cny("60000")), far).outcome()).isEqualTo(Outcome.REJECT);
    }

    @Test
    void aShipmentIsHeldByTheGroupLimitWithoutAddingItsOrderAgain() {
        CustomerSnapshot s = distributor("1000000").openOrders(Money.cny("60000"))
                .group(new CreditGroup("G-1", Money.cny("300000"), Money.cny("250000"))).build();
        ShipmentRequest ship = ShipmentRequest.builder("DN-1", "SO-1", s.customer().id(), TODAY)
                .line("MRI-COIL", DeviceClass.II, "07", Money.cny("60000")).build();
        CreditDecision d = TestOrders.DEFAULT.checkShipment(ship, s);
        assertThat(reason(d, "GROUP_LIMIT_EXCEEDED").values()).containsEntry("groupExposureAfter", "310000.00 CNY");
    }

    @Test
    void anUnmaturedCommercialBillKeepsADistributorOverItsLimitUntilItMatures() {
        AcceptanceBill bill = new AcceptanceBill("CAB-1", BillType.COMMERCIAL, Money.cny("50000"), TODAY.plusDays(90));
        CreditDecision before = TestOrders.DEFAULT.checkOrder(order(Money.cny("60000")), distributor("100000").acceptanceBill(bill).build());
        assertThat(reason(before, "CREDIT_LIMIT_EXCEEDED").values()).containsEntry("billsAtRisk", "50000.00 CNY");
        OrderRequest later = OrderRequest.builder("SO-2", TestOrders.distributor().snapshot().customer().id(), TODAY.plusDays(90)).line("MRI-COIL", DeviceClass.II, "07", Money.cny("60000")).build();
        CustomerSnapshot matured = CustomerSnapshot.builder(TestOrders.distributor().snapshot().customer(),
                distributor("100000").build().account(), TODAY.plusDays(90)).acceptanceBill(bill).build();
        assertThat(TestOrders.DEFAULT.checkOrder(later, matured).hasReason("CREDIT_LIMIT_EXCEEDED")).isFalse();
        CustomerSnapshot withBankBill = distributor("100000")
                .acceptanceBill(new AcceptanceBill("BAB-1", BillType.BANK, Money.cny("50000"), TODAY.plusDays(90))).build();
        assertThat(TestOrders.DEFAULT.checkOrder(order(Money.cny("60000")), withBankBill).outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void securitiesRaiseTheLimitByTheirCoverageShareWhileValid() {
        CustomerSnapshot guaranteed = distributor("100000")
                .security(new Security(SecurityType.BANK_GUARANTEE, Money.cny("50000"), LocalDate.of(2026, 12, 31))).build();
        CreditDecision d = TestOrders.DEFAULT.checkOrder(order(Money.cny("140000")), guaranteed);
        assertThat(d.hasReason("CREDIT_LIMIT_EXCEEDED")).isFalse();
        assertThat(reason(d, "CREDIT_LIMIT_NEAR").values()).containsEntry("limit", "150000.00 CNY").containsEntry("securityCover", "50000.00 CNY");
        CustomerSnapshot insured = distributor("100000").security(new Security(SecurityType.CREDIT_INSURANCE, Money.cny("50000"), null)).build();
        assertThat(TestOrders.DEFAULT.checkOrder(order(Money.cny("145000.01")), insured).hasReason("CREDIT_LIMIT_EXCEEDED")).isTrue();
        CustomerSnapshot lapsed = distributor("100000")
                .security(new Security(SecurityType.BANK_GUARANTEE, Money.cny("50000"), TODAY.minusDays(1))).build();
        assertThat(TestOrders.DEFAULT.checkOrder(order(Money.cny("140000")), lapsed).hasReason("CREDIT_LIMIT_EXCEEDED")).isTrue();
    }

    @Test
    void theAssessmentCountsTheSameBillsSecuritiesAndGroup() {
        CustomerSnapshot s = distributor("100000")
                .acceptanceBill(new AcceptanceBill("CAB-1", BillType.COMMERCIAL, Money.cny("95000"), TODAY.plusDays(90)))
                .security(new Security(SecurityType.DEPOSIT, Money.cny("0"), null))
                .group(new CreditGroup("G-1", Money.cny("300000"), Money.cny("200000"))).build();
        CreditAssessment a = TestOrders.DEFAULT.assess(s);
        assertThat(a.exposure()).isEqualTo(Money.cny("95000"));
        assertThat(a.reasons()).extracting(Reason::code).contains("WARN_LIMIT_USED", "WARN_GROUP_LIMIT_USED");
        assertThat(a.warningLevel()).isEqualTo(WarningLevel.ORANGE);
    }

    @Test
    void aViewWithOtherRatesSharesTheRuleSetsAndClosingItLeavesTheEngineOpen() {
        try (CreditControl control = CreditControl.withDefaultRules()) {
            CreditControl view = control.withExchangeRates(RATES);
            assertThat(view.ruleSets()).isEqualTo(control.ruleSets());
            view.close();
            assertThat(control.checkOrder(order(Money.cny("1")), distributor("100000").build()).outcome()).isEqualTo(Outcome.APPROVE);
            control.close();
            assertThatThrownBy(() -> view.checkOrder(order(Money.of("1", "USD")), distributor("100000").build()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void aSingleCurrencyCustomerWithNoneOfTheseIsDecidedAsBefore() {
        CreditDecision d = TestOrders.DEFAULT.checkOrder(order(Money.cny("95000")), distributor("100000").build());
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(reason(d, "CREDIT_LIMIT_NEAR").values()).containsEntry("billsAtRisk", "0.00 CNY").containsEntry("securityCover", "0.00 CNY");
    }

    @Test
    void aRuleSetWithoutACurrencyIsWarnedAboutAndReadsThresholdsInTheAccountsCurrency(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("ruleset.properties"), "currency=CNY\n", "");
        assertThat(CreditControl.validate(dir)).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(RuleSetProblem.Severity.WARNING);
            assertThat(p.message()).contains("no currency");
        });
        // its own exposure.csv pins the converted maximum, so that row now fails: the scenario gate would refuse it
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir).verifyScenarios(false).build()) {
            // grade C: 500,000 read as USD, no rate needed
            CreditDecision d = control.checkOrder(order(Money.of("500000.01", "USD")), usdAccount("10000000", CreditGrade.C).build());
            assertThat(reason(d, "ORDER_VALUE_ABOVE_GRADE_MAX").values()).containsEntry("maxOrderValue", "500000.00 USD");
        }
    }

    @Test
    void billAndSecuritySharesAreTypedParameters(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("parameters.properties"), "exposure.billShare.BANK=0", "exposure.billShare.BANK=1.5\nlimit.securityShare.CASH=1");
        List<RuleSetProblem> problems = CreditControl.validate(dir);
        // each at its line in parameters.properties
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.message()).contains("exposure.billShare.BANK").contains("at most 1");
            assertThat(p.line()).isPositive();
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.message()).contains("limit.securityShare.CASH").contains("not declared");
            assertThat(p.line()).isPositive();
        });
    }
}
