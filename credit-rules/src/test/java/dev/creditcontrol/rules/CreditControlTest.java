package dev.creditcontrol.rules;

import dev.creditcontrol.decision.Checkpoint;
import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CreditRequest;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.creditcontrol.rules.TestOrders.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditControlTest {

    @Test
    void decisionNamesTheRuleSetVersionAndHashThatMadeIt() {
        CreditDecision d = TestOrders.distributor().check();
        assertThat(d.ruleSetName()).isEqualTo("medical-device");
        assertThat(d.ruleSetVersion()).isEqualTo("1.0.0");
        assertThat(d.ruleSetHash()).matches("[0-9a-f]{64}").isEqualTo(TestOrders.DEFAULT.ruleSets().get(0).contentHash());
        assertThat(d.orderId()).isEqualTo("SO-1");
        assertThat(d.customerId()).isEqualTo("C-1");
    }

    @Test
    void listsTheLoadedRuleSet() {
        RuleSetInfo info = TestOrders.DEFAULT.ruleSets().get(0);
        assertThat(info.effectiveFrom()).isEqualTo(java.time.LocalDate.of(2025, 1, 1));
        assertThat(info.rules()).isEqualTo(59);
        assertThat(info.ruleNames()).contains("Frozen account: no order or shipment", "Score: on-time payment share",
                "Warning: severely overdue");
    }

    @Test
    void orderForAnotherCustomerIsRefusedAndNothingIsEvaluated() {
        List<CreditDecision> seen = new ArrayList<>();
        CreditControl control = CreditControl.builder().listener(CreditControlListener.decisions(seen::add)).build();
        OrderRequest other = OrderRequest.builder("SO-9", "SOMEONE-ELSE", TODAY).line("A", DeviceClass.I, "22", Money.cny("1")).build();
        CustomerSnapshot snapshot = TestOrders.distributor().snapshot();
        assertThatThrownBy(() -> control.checkOrder(other, snapshot))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerId").hasMessageContaining("SOMEONE-ELSE");
        assertThat(seen).isEmpty();
    }

    @Test
    void nullInputIsRefusedWithTheArgumentNamed() {
        CustomerSnapshot snapshot = TestOrders.distributor().snapshot();
        assertThatThrownBy(() -> TestOrders.DEFAULT.checkOrder(null, snapshot))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order");
        OrderRequest order = TestOrders.distributor().order();
        assertThatThrownBy(() -> TestOrders.DEFAULT.checkOrder(order, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snapshot");
    }

    @Test
    void orderInAnotherCurrencyWithoutARateIsRefusedNamingBothCurrenciesAndTheDateAndNothingIsEvaluated() {
        List<CreditDecision> seen = new ArrayList<>();
        CreditControl control = CreditControl.builder().listener(CreditControlListener.decisions(seen::add)).build();
        OrderRequest usd = OrderRequest.builder("SO-1", "C-1", TODAY).line("A", DeviceClass.I, "22", Money.of("10", "USD")).build();
        assertThatThrownBy(() -> control.checkOrder(usd, TestOrders.distributor().snapshot()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD").hasMessageContaining("CNY")
                .hasMessageContaining(TODAY.toString());
        assertThat(seen).isEmpty();
    }

    @Test
    void theSameInputAlwaysGivesTheSameDecision() {
        TestOrders t = TestOrders.distributor().limit("100000").openInvoice("95000", 40)
                .line(DeviceClass.III, "07", "8000").line(DeviceClass.II, "14", "100");
        CreditDecision first = t.check();
        for (int i = 0; i < 50; i++) {
            CreditDecision again = t.check();
            assertThat(again.outcome()).isEqualTo(first.outcome());
            assertThat(again.reasons()).isEqualTo(first.reasons());
            assertThat(again.requiredApproval()).isEqualTo(first.requiredApproval());
        }
    }

    @Test
    void severalThreadsAgreeWithOne() throws Exception {
        List<TestOrders> cases = List.of(
                TestOrders.distributor(),
                TestOrders.distributor().frozen(),
                TestOrders.distributor().limit("1000").line(DeviceClass.I, "22", "1100"),
                TestOrders.distributor().openInvoice("10", 45),
                TestOrders.distributor().withOnlyLicences().line(DeviceClass.III, "07", "1"),
                TestOrders.distributor().limit("1000").line(DeviceClass.I, "22", "950"));
        List<CreditDecision> expected = cases.stream().map(TestOrders::check).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        int k = i % cases.size();
                        CreditDecision d = cases.get(k).check();
                        if (d.outcome() != expected.get(k).outcome() || !d.reasons().equals(expected.get(k).reasons())) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) assertThat(f.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void decisionsAreStampedByTheInjectedClock() {
        Instant at = Instant.parse("2026-06-15T08:30:00Z");
        CreditControl control = CreditControl.builder().clock(Clock.fixed(at, ZoneOffset.UTC)).build();
        TestOrders t = TestOrders.distributor();
        assertThat(control.checkOrder(t.order(), t.snapshot()).decidedAt()).isEqualTo(at);
    }

    @Test
    void listenerSeesEveryDecisionAndItsFailureDoesNotChangeIt() {
        List<CreditDecision> seen = new ArrayList<>();
        CreditControl control = CreditControl.builder()
                .listener(CreditControlListener.decisions(d -> { throw new IllegalStateException("audit store down"); }))
                .listener(CreditControlListener.decisions(seen::add))
                .build();
        TestOrders t = TestOrders.distributor().frozen();
        CreditDecision d = control.checkOrder(t.order(), t.snapshot());
        assertThat(d.outcome()).isEqualTo(Outcome.FREEZE);
        assertThat(seen).containsExactly(d);
    }

    @Test
    void aRuleThatThrowsFailsClosedWithEngineError(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.declare(dir, "broken.drl");

        RuleFolders.write(dir.resolve("broken.drl"), """
                package dev.creditcontrol.rules.medical
                import dev.creditcontrol.facts.OrderFacts
                rule "Parses a number that is not one"
                when
                    $o : OrderFacts()
                then
                    Integer.parseInt($o.customerId());
                end
                """);
        CreditControl control = CreditControl.builder().ruleSetDirectory(dir).verifyScenarios(false).build();
        TestOrders t = TestOrders.distributor();
        CreditDecision d = control.checkOrder(t.order(), t.snapshot());
        assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(d.hasReason("ENGINE_ERROR")).isTrue();
        assertThat(d.ruleSetVersion()).isEqualTo("1.0.0");
    }

    @Test
    void aLoopingRuleIsStoppedByTheFiringCapAndFailsClosed(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.declare(dir, "loop.drl");

        RuleFolders.write(dir.resolve("loop.drl"), """
                package dev.creditcontrol.rules.medical
                import dev.creditcontrol.facts.OrderFacts
                rule "Loops forever"
                when
                    $o : OrderFacts( orderId == "SO-1" )
                then
                    update($o);
                end
                """);
        // (a rule that loops on every order is refused at load: RuntimeFaultsTest)
        CreditControl control = CreditControl.builder().ruleSetDirectory(dir).maxRuleFirings(500).build();
        TestOrders t = TestOrders.distributor();
        CreditDecision d = control.checkOrder(t.order(), t.snapshot());
        assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(d.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("ENGINE_ERROR");
            assertThat(r.message()).contains("500").contains("Loops forever");
        });
    }

    @Test
    void builderRejectsBadSettingsNamingThem(@TempDir Path dir) {
        assertThatThrownBy(() -> CreditControl.builder().ruleSetDirectory(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ruleSetDirectory");
        assertThatThrownBy(() -> CreditControl.builder().maxRuleFirings(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRuleFirings");
        assertThatThrownBy(() -> CreditControl.builder().clock(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock");
    }

    @Test
    void aClosedEngineRefusesChecks() {
        CreditControl control = CreditControl.withDefaultRules();
        control.close();
        TestOrders t = TestOrders.distributor();
        assertThatThrownBy(() -> t.checkWith(control)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void folderWithoutARuleSetIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> CreditControl.builder().ruleSetDirectory(dir).build())
                .isInstanceOf(RuleSetException.class).hasMessageContaining("ruleset.properties");
    }

    /** A copy of the bundled rule set whose first scorecard rule throws. */
    private static Path brokenScorecard(Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("scorecard.drl"), "sheet.score(\"onTimeShare\", $a.onTimeShare());",
                "sheet.score(\"onTimeShare\", $a.onTimeShare()); if (true) throw new IllegalStateException(\"scorecard bug\");");
        return dir;
    }

    @Test
    void aBrokenEarlyWarningRuleNeverRunsOnTheOrderPath(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("early-warning.drl"), "sheet.severe(\"WARN_ACCOUNT_FROZEN\"",
                "if (true) throw new IllegalStateException(\"warning bug\"); sheet.severe(\"WARN_ACCOUNT_FROZEN\"");
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir).verifyScenarios(false).build()) {
            CreditDecision d = TestOrders.distributor().ungraded().frozen().checkWith(control); // the grade is assessed
            assertThat(d.outcome()).isEqualTo(Outcome.FREEZE);
            assertThat(TestOrders.codes(d)).containsExactly("ACCOUNT_FROZEN");
            // the assessment itself does run it, and says so
            assertThatThrownBy(() -> control.assess(TestOrders.distributor().frozen().snapshot()))
                    .isInstanceOf(CreditControlException.class).hasMessageContaining("warning bug");
        }
    }

    @Test
    void aBrokenScorecardCannotTurnAFrozenAccountsFreezeIntoAnEngineError(@TempDir Path dir) {
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(brokenScorecard(dir)).verifyScenarios(false).build()) {
            CreditDecision d = TestOrders.distributor().ungraded().frozen().checkWith(control); // the scorecard runs
            assertThat(d.outcome()).isEqualTo(Outcome.FREEZE);
            assertThat(TestOrders.codes(d)).contains("ACCOUNT_FROZEN", "ENGINE_ERROR");
        }
    }

    @Test
    void anUngradedCreditOrderIsNeverApprovedWhenItsGradeCannotBeAssessedButKeepsItsFindings(@TempDir Path dir) {
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(brokenScorecard(dir)).verifyScenarios(false).build()) {
            CreditDecision d = TestOrders.distributor().ungraded().limit("100000").openOrders("95000").checkWith(control);
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(TestOrders.codes(d)).contains("CREDIT_LIMIT_NEAR", "ENGINE_ERROR");
            assertThat(d.reasons("ENGINE_ERROR").get(0).message()).contains("grade could not be assessed");
            // a graded account does not need the scorecard on the order path
            assertThat(TestOrders.distributor().grade(CreditGrade.B).checkWith(control).outcome()).isEqualTo(Outcome.APPROVE);
        }
    }

    @Test
    void theListenerSeesTheRequestItsCheckpointAndEveryAssessment() {
        List<Object> seen = new ArrayList<>();
        CreditControl control = CreditControl.builder().listener(new CreditControlListener() {
            @Override
            public void decided(CreditRequest request, CustomerSnapshot snapshot, CreditDecision decision) {
                seen.add(request);
                seen.add(decision.checkpoint());
            }

            @Override
            public void assessed(CustomerSnapshot snapshot, CreditAssessment assessment) {
                seen.add(assessment.customerId());
            }
        }).build();
        TestOrders t = TestOrders.distributor().grade(CreditGrade.A);
        OrderRequest order = t.order();
        control.checkOrder(order, t.snapshot());
        control.assess(t.snapshot());
        assertThat(seen).containsExactly(order, Checkpoint.ORDER, "C-1");
    }

    @Test
    void theFolderWatcherRunsOnTheHostsExecutor(@TempDir Path dir) throws Exception {
        RuleFolders.copyBundled(dir);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        List<List<RuleSetInfo>> reloads = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir)
                .watchRuleSetDirectory(java.time.Duration.ofMillis(200), pool)
                .listener(new CreditControlListener() {
                    @Override
                    public void reloaded(List<RuleSetInfo> serving) {
                        reloads.add(serving);
                    }
                }).build()) {
            RuleFolders.replace(dir.resolve("ruleset.properties"), "version=1.0.0", "version=1.0.1");
            CreditControl.publish(dir);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (reloads.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(reloads).singleElement().satisfies(v -> assertThat(v).extracting(RuleSetInfo::version).containsExactly("1.0.1"));
        }
        // closing the engine ends the watch task: the host's single thread is free again
        assertThat(pool.submit(() -> "free").get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("free");
        pool.shutdown();
    }
}
