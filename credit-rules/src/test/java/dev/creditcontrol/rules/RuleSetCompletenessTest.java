package dev.creditcontrol.rules;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.model.DeviceClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule set is complete or it does not load, and a watched folder never serves a partial copy. */
class RuleSetCompletenessTest {

    private static List<String> errors(Path dir) {
        return CreditControl.validate(dir).stream().filter(p -> p.severity() == RuleSetProblem.Severity.ERROR)
                .map(RuleSetProblem::toString).toList();
    }

    @Test
    void aRenamedRuleFileIsAnErrorNotASmallerRuleSet(@TempDir Path dir) throws Exception {
        RuleFolders.copyBundled(dir);
        Files.move(dir.resolve("licences.drl"), dir.resolve("licences.DRL"));
        assertThat(errors(dir))
                .anySatisfy(e -> assertThat(e).startsWith("ruleset.properties:").contains("declared file licences.drl is missing"))
                .anySatisfy(e -> assertThat(e).startsWith("licences.DRL:").contains("not one of the rule set's declared files"));
        assertThatThrownBy(() -> CreditControl.builder().ruleSetDirectory(dir).build()).isInstanceOf(RuleSetException.class);
    }

    @Test
    void aRuleFileMovedIntoScenariosOrDeletedIsAnError(@TempDir Path dir) throws Exception {
        RuleFolders.copyBundled(dir);
        Files.move(dir.resolve("overdue.drl"), dir.resolve("scenarios/overdue.drl"));
        Files.delete(dir.resolve("credit-limit.drl"));
        assertThat(errors(dir))
                .anySatisfy(e -> assertThat(e).contains("declared file overdue.drl is missing"))
                .anySatisfy(e -> assertThat(e).contains("declared file credit-limit.drl is missing"))
                .anySatisfy(e -> assertThat(e).startsWith("scenarios/overdue.drl:"));
    }

    @Test
    void anUndeclaredExtraRuleFileIsAnError(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.write(dir.resolve("extra/more.drl"), "package dev.creditcontrol.rules.medical\n");
        assertThat(errors(dir)).anySatisfy(e -> assertThat(e).startsWith("extra/more.drl:").contains("not one of"));
    }

    @Test
    void twoVersionsWithOneEffectiveDateOrOneLabelAreRefusedByValidate(@TempDir Path dir) {
        RuleFolders.copyBundled(dir.resolve("a"));
        RuleFolders.copyBundled(dir.resolve("b"));
        assertThat(errors(dir))
                .anySatisfy(e -> assertThat(e).startsWith("b/ruleset.properties:").contains("version 1.0.0 of medical-device is also in a"))
                .anySatisfy(e -> assertThat(e).contains("effectiveFrom 2025-01-01 is also the effective date of a"));
    }

    @Test
    void aChangedRuleSetUnderAServingLabelIsRefused(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.deleteTree(dir.resolve("scenarios")); // they expect the bundled watch share
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(dir).build()) {
            String hash = control.ruleSets().get(0).contentHash();
            RuleFolders.replace(dir.resolve("parameters.properties"), "limit.watchShare=0.90", "limit.watchShare=0.50");
            assertThatThrownBy(control::reload).isInstanceOf(RuleSetException.class)
                    .satisfies(e -> assertThat(((RuleSetException) e).problems()).anySatisfy(p ->
                            assertThat(p.message()).contains("medical-device 1.0.0 is already serving with other content")));
            assertThat(control.ruleSets().get(0).contentHash()).isEqualTo(hash);
            RuleFolders.replace(dir.resolve("ruleset.properties"), "version=1.0.0", "version=1.0.1");
            assertThat(control.reload()).extracting(RuleSetInfo::version).containsExactly("1.0.1");
        }
    }

    @Test
    void aFolderChangedAfterPublishingIsRefused(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        Map<Path, String> published = CreditControl.publish(dir);
        assertThat(published).containsKey(dir);
        assertThat(errors(dir)).isEmpty();
        RuleFolders.replace(dir.resolve("parameters.properties"), "limit.watchShare=0.90", "limit.watchShare=0.91");
        assertThat(errors(dir)).anySatisfy(e -> assertThat(e).startsWith("PUBLISHED:").contains("is not what was published"));
    }

    /** A distributor with no licence at all, 680 times over its limit: no version may ever approve it. */
    static final TestOrders DANGEROUS = TestOrders.distributor().withOnlyLicences().limit("1000").line(DeviceClass.III, "07", "680000");

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aVersionDeployedFileByFileNeverServesUntilItIsCompleteAndPublished(@TempDir Path root) throws Exception {
        Path v1 = RuleFolders.copyBundled(root.resolve("1.0.0")); // serving from the start: needs no marker
        Path source = RuleFolders.copyBundled(Files.createTempDirectory("v2-source"));
        RuleFolders.replace(source.resolve("ruleset.properties"), "version=1.0.0", "version=1.1.0");
        RuleFolders.replace(source.resolve("ruleset.properties"), "effectiveFrom=2025-01-01", "effectiveFrom=2026-01-01");
        RuleFolders.replace(source.resolve("parameters.properties"), "limit.watchShare=0.90", "limit.watchShare=0.95");
        RuleFolders.deleteTree(source.resolve("scenarios")); // they expect the bundled watch share
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(root)
                .watchRuleSetDirectory(Duration.ofMillis(50)).build()) {
            Thread checker = new Thread(() -> {
                while (!stop.get()) {
                    CreditDecision d = DANGEROUS.checkWith(control);
                    if (d.outcome() == Outcome.APPROVE) seen.add("APPROVED by " + d.ruleSetVersion());
                    seen.add(d.ruleSetVersion() + " " + d.ruleSetHash());
                }
            });
            checker.start();
            Path v2 = root.resolve("1.1.0");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                // the manifest first: the worst order for a watcher that trusts the manifest
                files = walk.filter(Files::isRegularFile)
                        .sorted((a, b) -> a.endsWith("ruleset.properties") ? -1 : b.endsWith("ruleset.properties") ? 1 : a.compareTo(b)).toList();
            }
            for (Path f : files) {
                Path to = v2.resolve(source.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
                Thread.sleep(120); // longer than the quiet period: the watcher reloads between files
            }
            assertThat(control.ruleSets()).extracting(RuleSetInfo::version).containsExactly("1.0.0");
            String hash = CreditControl.publish(v2).get(v2);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (control.ruleSets().size() < 2 && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(control.ruleSets()).extracting(RuleSetInfo::version).containsExactly("1.0.0", "1.1.0");
            Thread.sleep(200);
            stop.set(true);
            checker.join();
            String v1Hash = control.ruleSets().get(0).contentHash();
            assertThat(seen).noneMatch(s -> s.startsWith("APPROVED"));
            assertThat(seen).allMatch(s -> s.equals("1.0.0 " + v1Hash) || s.equals("1.1.0 " + hash));
            assertThat(seen).contains("1.1.0 " + hash);
        } finally {
            stop.set(true);
            RuleFolders.deleteTree(source);
        }
    }

    @Test
    void aVersionThatFailsItsOwnScenariosNeverServes(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("parameters.properties"), "overdue.toleranceDays.HOSPITAL=90", "overdue.toleranceDays.HOSPITAL=60");
        assertThatThrownBy(() -> CreditControl.builder().ruleSetDirectory(dir).build())
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems()).anySatisfy(p -> {
                    assertThat(p.file()).endsWith("scenarios/overdue.csv");
                    assertThat(p.line()).isPositive();
                    assertThat(p.message()).contains("hospital 90 days overdue: tolerated");
                }));
        // the same on reload: the serving version stays
        Path live = RuleFolders.copyBundled(dir.resolve("live"));
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(live).build()) {
            RuleFolders.replace(live.resolve("ruleset.properties"), "version=1.0.0", "version=1.0.1");
            RuleFolders.replace(live.resolve("parameters.properties"), "overdue.toleranceDays.HOSPITAL=90", "overdue.toleranceDays.HOSPITAL=60");
            assertThatThrownBy(control::reload).isInstanceOf(RuleSetException.class);
            assertThat(control.ruleSets()).extracting(RuleSetInfo::version).containsExactly("1.0.0");
        }
    }
}
