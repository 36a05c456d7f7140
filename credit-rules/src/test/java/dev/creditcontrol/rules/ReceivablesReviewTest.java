package dev.creditcontrol.rules;

import dev.creditcontrol.decision.AgingBucket;
import dev.creditcontrol.decision.CollectionAction;
import dev.creditcontrol.decision.ReceivablesReview;
import dev.creditcontrol.decision.Tone;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.ExchangeRates;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.Receivable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static dev.creditcontrol.rules.TestOrders.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Aging, reminders, dunning and provision as the bundled rule set reviews them. */
class ReceivablesReviewTest {
    static CustomerSnapshot.Builder customer(CreditGrade grade) {
        CustomerSnapshot base = TestOrders.distributor().snapshot();
        CreditAccount.Builder a = CreditAccount.builder(Money.cny("1000000"));
        if (grade != null) a.grade(grade);
        return CustomerSnapshot.builder(base.customer(), a.build(), TODAY);
    }

    static Receivable pastDue(String id, String amount, int days) {
        return Receivable.open(id, Money.cny(amount), TODAY.minusDays(days + 30L), TODAY.minusDays(days));
    }

    @Test
    void eachBandHoldsTheItemsUpToItsBoundAndEveryBandIsListed() {
        CustomerSnapshot s = customer(CreditGrade.B).receivable(pastDue("C", "1", 0)).receivable(pastDue("D30", "2", 30))
                .receivable(pastDue("D31", "4", 31)).receivable(pastDue("D90", "8", 90)).receivable(pastDue("D91", "16", 91))
                .receivable(pastDue("D365", "32", 365)).receivable(pastDue("D366", "64", 366))
                .receivable(Receivable.paid("P", Money.cny("1000"), TODAY.minusDays(500), TODAY.minusDays(400), TODAY.minusDays(1))).build();
        ReceivablesReview r = TestOrders.DEFAULT.reviewReceivables(s);
        assertThat(r.aging()).extracting(AgingBucket::label).containsExactly("current", "1-30", "31-60", "61-90", "91-180", "181-365", "365+");
        assertThat(r.aging()).extracting(b -> b.amount().amount().intValue()).containsExactly(1, 2, 4, 8, 16, 32, 64);
        assertThat(r.aging()).extracting(AgingBucket::invoices).containsExactly(1, 1, 1, 1, 1, 1, 1);
        assertThat(r.open()).isEqualTo(Money.cny("127"));
        assertThat(r.dunningLevel()).isEqualTo(4);
    }

    @Test
    void everyPastDueInvoiceGetsOneNoticeInTheToneOfItsLevelAndTheMessageNamesIt() {
        CustomerSnapshot s = customer(CreditGrade.A).receivable(pastDue("L1", "100", 5)).receivable(pastDue("L2", "100", 40))
                .receivable(pastDue("L3", "100", 70)).receivable(pastDue("L4", "1234.50", 120)).build();
        ReceivablesReview r = TestOrders.DEFAULT.reviewReceivables(s);
        assertThat(r.actions()).extracting(CollectionAction::invoiceId, CollectionAction::dunningLevel, CollectionAction::tone)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("L1", 1, Tone.GENTLE),
                        org.assertj.core.groups.Tuple.tuple("L2", 2, Tone.FIRM), org.assertj.core.groups.Tuple.tuple("L3", 3, Tone.URGENT),
                        org.assertj.core.groups.Tuple.tuple("L4", 4, Tone.FINAL));
        CollectionAction fin = r.actions().stream().filter(a -> a.invoiceId().equals("L4")).findFirst().orElseThrow();
        assertThat(fin.message()).contains("L4").contains("1,234.50 CNY").contains(TODAY.minusDays(120).toString()).contains("120 days");
        assertThat(fin.rule()).isEqualTo("Dunning level 4: final notice");
    }

    @Test
    void aReviewInSeveralCurrenciesNeedsRatesAndConvertsWithThem() {
        CustomerSnapshot s = customer(CreditGrade.B).receivable(pastDue("U", "100", 10))
                .receivable(Receivable.open("E", Money.of("100", "USD"), TODAY.minusDays(40), TODAY.minusDays(10))).build();
        assertThatThrownBy(() -> TestOrders.DEFAULT.reviewReceivables(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD").hasMessageContaining("CNY").hasMessageContaining("receivable.amount (invoice E)");
        ReceivablesReview r = TestOrders.DEFAULT.withExchangeRates(ExchangeRates.builder()
                .rate("USD", "CNY", LocalDate.of(2026, 1, 1), "7.10").build()).reviewReceivables(s);
        assertThat(r.aging().get(1).amount()).isEqualTo(Money.cny("810.00"));
        assertThat(r.provision()).isEqualTo(Money.cny("40.50"));
        assertThat(r.actions()).filteredOn(a -> a.invoiceId().equals("E")).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("100.00 USD"));
    }

    @Test
    void duplicateInvoiceIdsAreRefusedBeforeAnyReview() {
        assertThatThrownBy(() -> customer(CreditGrade.B).receivable(pastDue("X", "1", 1)).receivable(pastDue("X", "2", 2)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invoiceId").hasMessageContaining("X");
    }

    @Test
    void analystsChangeBandsLevelsWindowsAndRatesWithoutJava(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        Path p = dir.resolve("parameters.properties");
        RuleFolders.replace(p, "aging.bucketDays=30, 60, 90, 180, 365", "aging.bucketDays=60, 120");
        RuleFolders.replace(p, "reminder.windowDays.A=3", "reminder.windowDays.A=10");
        RuleFolders.replace(p, "provision.rates=0.05, 0.10, 0.30, 0.50, 0.80, 1.00", "provision.rates=0.01, 1");
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir).verifyScenarios(false).build()) {
            ReceivablesReview r = control.reviewReceivables(customer(CreditGrade.A).receivable(pastDue("A", "1000", 100))
                    .receivable(Receivable.open("B", Money.cny("1000"), TODAY.minusDays(30), TODAY.plusDays(9))).build());
            assertThat(r.aging()).extracting(AgingBucket::label).containsExactly("current", "1-60", "61-120", "120+");
            assertThat(r.provision()).isEqualTo(Money.cny("20.00"));
            assertThat(r.actions()).extracting(CollectionAction::invoiceId).contains("B");
        }
    }

    @Test
    void aRuleSetWithoutCollectionRulesSaysSo(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("ruleset.properties"), " receivables.drl,", "");
        RuleFolders.deleteTree(dir.resolve("receivables.drl"));
        RuleFolders.replace(dir.resolve("parameters.properties"), "aging.bucketDays=30, 60, 90, 180, 365\n", "");
        RuleFolders.replace(dir.resolve("parameters.properties"), "dunning.levelDays=30, 60, 90\n", "");
        RuleFolders.replace(dir.resolve("parameters.properties"), "provision.rates=0.05, 0.10, 0.30, 0.50, 0.80, 1.00\n", "");
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir).verifyScenarios(false).build()) {
            assertThatThrownBy(() -> control.reviewReceivables(customer(CreditGrade.A).build()))
                    .isInstanceOf(CreditControlException.class).hasMessageContaining("does not review receivables");
        }
    }
}
