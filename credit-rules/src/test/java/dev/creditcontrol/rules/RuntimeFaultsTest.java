package dev.creditcontrol.rules;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule that loops, blocks, floods working memory or throws an Error cannot hang the host or approve. */
class RuntimeFaultsTest {

    /** The bundled rule set plus one faulty rule that fires only on order {@code SO-FAULT} (so not during warm-up). */
    static Path withFault(Path dir, String consequence) {
        RuleFolders.copyBundled(dir);
        RuleFolders.declare(dir, "faults.drl");

        RuleFolders.write(dir.resolve("faults.drl"), """
                package dev.creditcontrol.rules.medical

                import dev.creditcontrol.facts.OrderFacts

                rule "Faulty rule"
                when
                    $o : OrderFacts( orderId == "SO-FAULT" )
                then
                    %s
                end
                """.formatted(consequence));
        return dir;
    }

    static OrderRequest faultyOrder() {
        return OrderRequest.builder("SO-FAULT", "C-1", TestOrders.TODAY).line("SKU-1", DeviceClass.I, "22", Money.cny("1000")).build();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aRuleThatSpinsForeverIsStoppedAtTheDeadlineAndTheCheckFailsClosed(@TempDir Path dir) {
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(withFault(dir, "while (true) { }"))
                .checkDeadline(Duration.ofMillis(300)).build()) {
            long start = System.nanoTime();
            CreditDecision d = control.checkOrder(faultyOrder(), TestOrders.distributor().snapshot());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(d.reasons("ENGINE_ERROR")).singleElement()
                    .satisfies(r -> assertThat(r.message()).contains("deadline of 300 ms").contains("Faulty rule"));
            assertThat(millis).as("answered on time").isLessThan(3_000);
            // the engine is still healthy: the next check is decided normally
            assertThat(TestOrders.distributor().checkWith(control).outcome()).isEqualTo(Outcome.APPROVE);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aRuleThatLoopsInWarmUpIsRefusedAtLoadAndNeverBlocksCloseOrAReload(@TempDir Path dir) throws Exception {
        Path good = RuleFolders.copyBundled(dir.resolve("good"));
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(good).checkDeadline(Duration.ofMillis(100)).build()) {
            RuleFolders.declare(good, "faults.drl");

            RuleFolders.write(good.resolve("faults.drl"), """
                    package dev.creditcontrol.rules.medical

                    import dev.creditcontrol.facts.OrderFacts

                    rule "Spins on every order"
                    when
                        OrderFacts()
                    then
                        while (true) { }
                    end
                    """);
            CompletableFuture<Object> reload = CompletableFuture.supplyAsync(() -> {
                try {
                    return control.reload();
                } catch (RuleSetException e) {
                    return e;
                }
            });
            Object result = reload.get(20, TimeUnit.SECONDS);
            assertThat(result).isInstanceOf(RuleSetException.class);
            assertThat(((RuleSetException) result).problems()).anySatisfy(p -> assertThat(p.message()).contains("warm-up").contains("deadline"));
            // the old version keeps serving, and a later reload is not blocked
            assertThat(TestOrders.distributor().checkWith(control).outcome()).isEqualTo(Outcome.APPROVE);
            RuleFolders.deleteTree(good.resolve("faults.drl"));
            RuleFolders.replace(good.resolve("ruleset.properties"), ", faults.drl", "");
            assertThat(control.reload()).isNotEmpty();
        }
    }

    @Test
    void aRuleThatFloodsWorkingMemoryIsStoppedByTheFactCap(@TempDir Path dir) {
        try (CreditControl control = CreditControl.builder()
                .ruleSetDirectory(withFault(dir, "for (int i = 0; i < 20000000; i++) { insert(java.math.BigDecimal.valueOf(i)); }"))
                .maxFactsPerCheck(5_000).build()) {
            CreditDecision d = control.checkOrder(faultyOrder(), TestOrders.distributor().snapshot());
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(d.reasons("ENGINE_ERROR").get(0).message()).contains("more than 5000 facts");
        }
    }

    @Test
    void anErrorThrownByARuleFailsTheCheckClosed(@TempDir Path dir) {
        try (CreditControl control = CreditControl.builder()
                .ruleSetDirectory(withFault(dir, "if (true) throw new AssertionError(\"rule bug\");")).build()) {
            CreditDecision d = control.checkOrder(faultyOrder(), TestOrders.distributor().snapshot());
            assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
            assertThat(d.hasReason("ENGINE_ERROR")).isTrue();
        }
    }

    @Test
    void aDeadlineMustBePositive() {
        assertThatThrownBy(() -> CreditControl.builder().checkDeadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkDeadline");
    }
}
