package dev.creditcontrol.rules;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.ExchangeRates;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.Receivable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static dev.creditcontrol.rules.TestOrders.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accepted input is evaluable; a stale snapshot is never approved on. */
class InputSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"JPY", "KRW", "CNY", "BHD"})
    void anUngradedAccountInAnyCurrencyIsDecidedWithoutAnEngineError(String currency) {
        Customer c = Customer.builder("D-1", "经销商", CustomerType.DISTRIBUTOR)
                .licence(new Licence(LicenceType.BUSINESS_LICENCE, "B", LocalDate.of(2010, 1, 1), null, Set.of())).build();
        CustomerSnapshot.Builder s = CustomerSnapshot.builder(c, CreditAccount.builder(Money.of("100000000", currency)).build(), TODAY);
        for (int m = 1; m <= 12; m++) {
            LocalDate due = TODAY.minusDays(30L * m);
            // 1001 a month: the average over 12 months has decimals a zero-decimal currency cannot hold
            s.receivable(Receivable.paid("I" + m, Money.of("1001", currency), due.minusDays(30), due, due.plusDays(m)));
        }
        OrderRequest order = OrderRequest.builder("SO-1", "D-1", TODAY).line("A", DeviceClass.I, "22", Money.of("1000", currency)).build();
        // the bundled thresholds are in CNY: an account in another currency reads them at a rate
        CreditControl control = currency.equals("CNY") ? TestOrders.DEFAULT : TestOrders.DEFAULT.withExchangeRates(
                ExchangeRates.builder().rate("CNY", currency, LocalDate.of(2020, 1, 1), "3").build());
        CreditDecision d = control.checkOrder(order, s.build());
        assertThat(d.hasReason("ENGINE_ERROR")).as("%s", d.reasons()).isFalse();
        assertThat(control.assess(s.build()).recommendedLimit().currencyCode()).isEqualTo(currency);
    }

    @Test
    void aSnapshotOlderThanTheRuleSetAllowsIsNeverApprovedOn() {
        // an invoice that fell due after the snapshot was taken is invisible in it
        TestOrders fresh = TestOrders.distributor();
        CustomerSnapshot old = CustomerSnapshot.builder(fresh.snapshot().customer(), fresh.snapshot().account(), TODAY.minusDays(4)).build();
        CreditDecision d = TestOrders.DEFAULT.checkOrder(fresh.order(), old);
        assertThat(d.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(d.requiredApproval()).contains(ApprovalLevel.CREDIT_MANAGER);
        assertThat(d.reasons("STALE_SNAPSHOT")).singleElement()
                .satisfies(r -> assertThat(r.values()).containsEntry("snapshotAgeDays", "4").containsEntry("maxAgeDays", "3"));
        CustomerSnapshot threeDays = CustomerSnapshot.builder(fresh.snapshot().customer(), fresh.snapshot().account(), TODAY.minusDays(3)).build();
        assertThat(TestOrders.DEFAULT.checkOrder(fresh.order(), threeDays).outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void aCheckDatedBeforeEveryVersionIsAClearErrorNamingTheEarliestDate() {
        OrderRequest early = OrderRequest.builder("SO-1", "C-1", LocalDate.of(2024, 12, 31))
                .line("A", DeviceClass.I, "22", Money.cny("1")).build();
        CustomerSnapshot snapshot = CustomerSnapshot.builder(TestOrders.distributor().snapshot().customer(),
                TestOrders.distributor().snapshot().account(), LocalDate.of(2024, 12, 31)).build();
        assertThatThrownBy(() -> TestOrders.DEFAULT.checkOrder(early, snapshot))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no rule set is in force on 2024-12-31").hasMessageContaining("2025-01-01");
        // pinned, the same check runs
        assertThat(TestOrders.DEFAULT.checkOrder(early, snapshot, "1.0.0").ruleSetVersion()).isEqualTo("1.0.0");
    }
}
