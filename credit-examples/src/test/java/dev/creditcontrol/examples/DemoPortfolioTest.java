package dev.creditcontrol.examples;

import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.rules.CreditControl;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPortfolioTest {

    @Test
    void portfolioHasAtLeastFiftyCustomersOfEveryKindTheDemoShows() {
        DemoPortfolio p = DemoPortfolio.create();
        assertThat(p.accounts()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(p.accounts()).extracting(a -> a.customer().type())
                .contains(CustomerType.HOSPITAL, CustomerType.CLINIC, CustomerType.DISTRIBUTOR, CustomerType.AGENT);
        assertThat(p.busiest().snapshot().receivables()).hasSize(20);
    }

    @Test
    void dayOfOrdersShowsEveryOutcome() {
        CreditControl control = CreditControl.withDefaultRules();
        DemoPortfolio p = DemoPortfolio.create();
        assertThat(p.ordersOfTheDay()).extracting(o -> control.checkOrder(o, p.account(o.customerId()).snapshot()).outcome())
                .contains(Outcome.values());
    }

    @Test
    void portfolioIsTheSameOnEveryRun() {
        assertThat(DemoPortfolio.create().ordersOfTheDay()).isEqualTo(DemoPortfolio.create().ordersOfTheDay());
        assertThat(DemoPortfolio.create().accounts()).isEqualTo(DemoPortfolio.create().accounts());
    }
}
