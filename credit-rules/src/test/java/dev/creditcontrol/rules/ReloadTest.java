package dev.creditcontrol.rules;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.OrderRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versions side by side, pinned checks, and reloads that never fail a call or mix versions. */
class ReloadTest {
    /** An order for 95% of the limit: versions watching above 0.90 warn, versions watching above 0.96 do not. */
    static final TestOrders NEAR = TestOrders.distributor().limit("100000").line(DeviceClass.I, "22", "95000");

    static void version(Path dir, String version, String effectiveFrom, String watchShare) {
        RuleFolders.copyBundled(dir);
        RuleFolders.deleteTree(dir.resolve("scenarios")); // the bundled scenarios expect the bundled thresholds
        RuleFolders.replace(dir.resolve("ruleset.properties"), "version=1.0.0", "version=" + version);
        RuleFolders.replace(dir.resolve("ruleset.properties"), "effectiveFrom=2025-01-01", "effectiveFrom=" + effectiveFrom);
        RuleFolders.replace(dir.resolve("parameters.properties"), "limit.watchShare=0.90", "limit.watchShare=" + watchShare);
    }

    @Test
    void theVersionInForceOnTheOrderDateDecides(@TempDir Path dir) {
        version(dir.resolve("v1"), "1.0.0", "2026-01-01", "0.90");
        version(dir.resolve("v2"), "2.0.0", "2026-07-01", "0.96");
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir).build()) {
            assertThat(control.ruleSets()).extracting(RuleSetInfo::version).containsExactly("1.0.0", "2.0.0");
            CustomerSnapshot snapshot = NEAR.snapshot();
            CreditDecision june = control.checkOrder(order("2026-06-30"), snapshot);
            CreditDecision july = control.checkOrder(order("2026-07-01"), snapshot);
            assertThat(june.ruleSetVersion()).isEqualTo("1.0.0");
            assertThat(june.hasReason("CREDIT_LIMIT_NEAR")).isTrue();
            assertThat(july.ruleSetVersion()).isEqualTo("2.0.0");
            assertThat(july.hasReason("CREDIT_LIMIT_NEAR")).isFalse();
            assertThat(june.ruleSetHash()).isNotEqualTo(july.ruleSetHash());
        }
    }

    @Test
    void aPinnedVersionDecidesWhateverTheDate(@TempDir Path dir) {
        version(dir.resolve("v1"), "1.0.0", "2026-01-01", "0.90");
        version(dir.resolve("v2"), "2.0.0", "2026-07-01", "0.96");
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir).build()) {
            CreditDecision d = control.checkOrder(order("2026-06-30"), NEAR.snapshot(), "2.0.0");
            assertThat(d.ruleSetVersion()).isEqualTo("2.0.0");
            assertThatThrownBy(() -> control.checkOrder(order("2026-06-30"), NEAR.snapshot(), "9.9.9"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9.9.9").hasMessageContaining("1.0.0");
        }
    }

    @Test
    void twoVersionsWithOneEffectiveDateAreRefused(@TempDir Path dir) {
        version(dir.resolve("v1"), "1.0.0", "2026-01-01", "0.90");
        version(dir.resolve("v2"), "2.0.0", "2026-01-01", "0.96");
        assertThatThrownBy(() -> CreditControl.builder().ruleSetDirectory(dir).build())
                .isInstanceOf(RuleSetException.class).hasMessageContaining("2026-01-01");
    }

    @Test
    void aFailedReloadKeepsTheOldVersionServingAndReportsEveryProblem(@TempDir Path dir) {
        version(dir, "1.0.0", "2026-01-01", "0.90");
        List<RuleSetException> failures = new ArrayList<>();
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir)
                .listener(new CreditControlListener() {
                    @Override
                    public void reloadFailed(RuleSetException error) {
                        failures.add(error);
                    }
                }).build()) {
            RuleFolders.replace(dir.resolve("ruleset.properties"), "version=1.0.0", "version=1.1");
            RuleFolders.replace(dir.resolve("account.drl"), "OrderFacts( accountFrozen )", "OrderFacts( acountFrozen )");
            assertThatThrownBy(control::reload).isInstanceOf(RuleSetException.class);
            assertThat(failures).singleElement().satisfies(e -> assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(2));
            assertThat(control.ruleSets()).extracting(RuleSetInfo::version).containsExactly("1.0.0");
            assertThat(NEAR.checkWith(control).outcome()).isEqualTo(Outcome.APPROVE);
        }
    }

    @Test
    void reloadSwapsInTheNewVersion(@TempDir Path dir) {
        version(dir, "1.0.0", "2026-01-01", "0.90");
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir).build()) {
            assertThat(NEAR.checkWith(control).hasReason("CREDIT_LIMIT_NEAR")).isTrue();
            RuleFolders.replace(dir.resolve("ruleset.properties"), "version=1.0.0", "version=1.0.1");
            RuleFolders.replace(dir.resolve("parameters.properties"), "limit.watchShare=0.90", "limit.watchShare=0.96");
            assertThat(control.reload()).extracting(RuleSetInfo::version).containsExactly("1.0.1");
            CreditDecision d = NEAR.checkWith(control);
            assertThat(d.ruleSetVersion()).isEqualTo("1.0.1");
            assertThat(d.hasReason("CREDIT_LIMIT_NEAR")).isFalse();
        }
    }

    @Test
    void theWatcherReloadsAfterTheFolderChanges(@TempDir Path dir) throws Exception {
        version(dir, "1.0.0", "2026-01-01", "0.90");
        List<List<RuleSetInfo>> reloads = new CopyOnWriteArrayList<>();
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir)
                .watchRuleSetDirectory(Duration.ofMillis(200))
                .listener(new CreditControlListener() {
                    @Override
                    public void reloaded(List<RuleSetInfo> serving) {
                        reloads.add(serving);
                    }
                }).build()) {
            RuleFolders.replace(dir.resolve("ruleset.properties"), "version=1.0.0", "version=1.0.2");
            CreditControl.publish(dir); // a watched folder serves published versions only
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reloads.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(reloads).isNotEmpty();
            assertThat(control.ruleSets()).extracting(RuleSetInfo::version).containsExactly("1.0.2");
        }
    }

    @Test
    void reloadUnderConcurrentChecksNeverFailsACallOrMixesVersions(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        version(a, "1.0.0", "2026-01-01", "0.90"); // warns at 95%
        version(b, "2.0.0", "2026-01-01", "0.96"); // does not
        Path live = dir.resolve("live");
        RuleFolders.copyTree(a, live);
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(live).build()) {
            OrderRequest order = NEAR.order();
            CustomerSnapshot snapshot = NEAR.snapshot();
            AtomicBoolean stop = new AtomicBoolean();
            List<String> problems = new CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                workers.add(pool.submit(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        CreditDecision d = control.checkOrder(order, snapshot);
                        boolean warns = d.hasReason("CREDIT_LIMIT_NEAR");
                        boolean consistent = d.outcome() == Outcome.APPROVE
                                && (d.ruleSetVersion().equals("1.0.0") ? warns : !warns && d.ruleSetVersion().equals("2.0.0"));
                        if (!consistent) problems.add(d.ruleSetVersion() + " " + d.outcome() + " " + d.reasons());
                        n++;
                    }
                    return n;
                }));
            }
            for (int i = 0; i < 20; i++) {
                RuleFolders.deleteTree(live);
                RuleFolders.copyTree(i % 2 == 0 ? b : a, live);
                control.reload();
            }
            stop.set(true);
            int checks = 0;
            for (Future<Integer> w : workers) checks += w.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(problems).isEmpty();
            assertThat(checks).isGreaterThan(100);
        }
    }

    @Test
    void fiveHundredReloadsDoNotGrowTheHeap(@TempDir Path dir) throws Exception {
        RuleFolders.write(dir.resolve("ruleset.properties"), "name=tiny\nversion=1.0.0\neffectiveFrom=2026-01-01\nreasonCodes=ACCOUNT_FROZEN\nfiles=parameters.properties, parameter-types.properties, tiny.drl\n");
        RuleFolders.write(dir.resolve("parameters.properties"), RuleFolders.POLICY_PARAMETERS);
        RuleFolders.write(dir.resolve("parameter-types.properties"), RuleFolders.POLICY_TYPES);
        String drl = """
                package dev.creditcontrol.rules.tiny
                import dev.creditcontrol.facts.OrderFacts
                import dev.creditcontrol.rules.authoring.Findings
                rule "Frozen %d"
                when
                    OrderFacts( accountFrozen )
                    $f : Findings()
                then
                    $f.freeze("ACCOUNT_FROZEN", "frozen");
                end
                """;
        RuleFolders.write(dir.resolve("tiny.drl"), drl.formatted(0));
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir).build()) {
            for (int i = 1; i <= 50; i++) reloadTo(control, dir, drl, i);
            long afterFifty = usedHeapAfterGc();
            for (int i = 51; i <= 500; i++) reloadTo(control, dir, drl, i);
            long afterFiveHundred = usedHeapAfterGc();
            System.out.printf("heap after 50 reloads: %.1f MB, after 500: %.1f MB%n", afterFifty / 1e6, afterFiveHundred / 1e6);
            assertThat(afterFiveHundred - afterFifty).as("heap growth over 450 reloads").isLessThan(20_000_000L);
            assertThat(TestOrders.distributor().frozen().checkWith(control).reasons().get(0).rule()).isEqualTo("Frozen 500");
        }
    }

    private static void reloadTo(CreditControl control, Path dir, String drl, int i) {
        RuleFolders.write(dir.resolve("ruleset.properties"), "name=tiny\nversion=1.0." + i + "\neffectiveFrom=2026-01-01\nreasonCodes=ACCOUNT_FROZEN\nfiles=parameters.properties, parameter-types.properties, tiny.drl\n");
        RuleFolders.write(dir.resolve("tiny.drl"), drl.formatted(i));
        control.reload();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static OrderRequest order(String date) {
        OrderRequest base = NEAR.order();
        return OrderRequest.builder(base.orderId(), base.customerId(), java.time.LocalDate.parse(date))
                .line("SKU", DeviceClass.I, "22", base.total()).build();
    }
}
