package dev.creditcontrol.rules;

import dev.creditcontrol.rules.RuleSetProblem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an analyst sees when a rule set is wrong: every problem, located, in plain words. */
class RuleSetValidationTest {

    @Test
    void bundledRuleSetHasNoProblems() {
        assertThat(CreditControl.validate(RuleFolders.bundled())).isEmpty();
    }

    @Test
    void syntaxErrorIsReportedWithFileLineColumnAndHint(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("account.drl"), "$o : OrderFacts( accountFrozen )", "$o : OrderFacts( accountFrozen ");
        RuleSetException e = catchLoad(dir);
        assertThat(e.problems()).isNotEmpty();
        RuleSetProblem p = e.problems().get(0);
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.file()).isEqualTo("account.drl");
        assertThat(p.line()).isBetween(15, 18); // the frozen-account rule's pattern (the parser names the line after the missing bracket)
        assertThat(p.column()).isPositive();
        assertThat(p.hint()).isPresent();
        assertThat(e.getMessage()).contains("account.drl:" + p.line() + ":" + p.column());
        assertThat(e.problems()).noneMatch(q -> q.message().contains("Parser returned a null Package"));
    }

    @Test
    void unknownFieldIsReportedWithItsRule(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("account.drl"), "OrderFacts( accountFrozen )", "OrderFacts( acountFrozen )");
        RuleSetException e = catchLoad(dir);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("account.drl");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("acountFrozen");
        });
    }

    @Test
    void parameterReadButNotDefinedIsAnError(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("credit-limit.drl"), "params.decimal(\"limit.watchShare\")) )",
                "params.decimal(\"limit.watchShar\")) )");
        RuleSetException e = catchLoad(dir);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.file()).isEqualTo("credit-limit.drl");
            assertThat(p.message()).contains("limit.watchShar").contains("not defined");
            assertThat(p.rule()).contains("Exposure near the credit limit: watch");
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
        });
    }

    @Test
    void parameterDefinedButUnusedIsAWarningThatStillLoads(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.write(dir.resolve("parameters.properties"),
                readBundled("parameters.properties") + "\nlimit.forgotten=1\n");
        RuleFolders.write(dir.resolve("parameter-types.properties"),
                readBundled("parameter-types.properties") + "\nlimit.forgotten = integer | declared, but no rule reads it\n");
        List<RuleSetProblem> problems = CreditControl.validate(dir);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.file()).isEqualTo("parameters.properties");
            assertThat(p.message()).contains("limit.forgotten");
        });
        assertThat(CreditControl.builder().ruleSetDirectory(dir).build().ruleSets()).hasSize(1);
    }

    @Test
    void reasonCodeOutsideTheManifestListIsAnError(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("account.drl"), "findings.freeze(\"ACCOUNT_FROZEN\"", "findings.freeze(\"ACCOUNT_FROZE\"");
        assertThat(catchLoad(dir).problems()).anySatisfy(p -> assertThat(p.message()).contains("ACCOUNT_FROZE").contains("reasonCodes"));
    }

    @Test
    void duplicateRuleNamesAreAnError(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.declare(dir, "extra.drl");

        RuleFolders.write(dir.resolve("extra.drl"), """
                package dev.creditcontrol.rules.medical
                import dev.creditcontrol.facts.OrderFacts
                rule "Grade D: no credit sale"
                when
                    OrderFacts()
                then
                end
                """);
        assertThat(catchLoad(dir).problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("extra.drl");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("duplicate rule name");
        });
    }

    @Test
    void bareDecimalLiteralIsFlagged(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.declare(dir, "extra.drl");

        RuleFolders.write(dir.resolve("extra.drl"), """
                package dev.creditcontrol.rules.medical
                import dev.creditcontrol.facts.Exposure
                rule "Uses a double"
                when
                    Exposure( utilizationAfter >= 0.80 ) // 0.5 in a comment is fine
                then
                end
                """);
        assertThat(CreditControl.validate(dir)).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(35);
            assertThat(p.message()).contains("0.80");
            assertThat(p.hint()).hasValueSatisfying(h -> assertThat(h).contains("0.80B"));
        });
    }

    @Test
    void badManifestVersionAndDateAreReportedTogether(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("ruleset.properties"), "version=1.0.0", "version=1.0");
        RuleFolders.replace(dir.resolve("ruleset.properties"), "effectiveFrom=2025-01-01", "effectiveFrom=2026-13-01");
        RuleSetException e = catchLoad(dir);
        assertThat(e.problems()).extracting(RuleSetProblem::message)
                .anySatisfy(m -> assertThat(m).contains("version").contains("'1.0'"))
                .anySatisfy(m -> assertThat(m).contains("effectiveFrom").contains("2026-13-01"));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("ruleset.properties"));
    }

    @Test
    void contentHashIgnoresLineEndingsAndDocs(@TempDir Path a, @TempDir Path b) {
        RuleFolders.copyBundled(a);
        RuleFolders.copyBundled(b);
        RuleFolders.write(b.resolve("account.drl"), readBundled("account.drl").replace("\n", "\r\n"));
        RuleFolders.write(b.resolve("README.md"), "changed docs");
        String hashA = CreditControl.builder().ruleSetDirectory(a).build().ruleSets().get(0).contentHash();
        String hashB = CreditControl.builder().ruleSetDirectory(b).build().ruleSets().get(0).contentHash();
        assertThat(hashA).isEqualTo(hashB).isEqualTo(TestOrders.DEFAULT.ruleSets().get(0).contentHash());
    }

    @Test
    void contentHashChangesWithAThreshold(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("parameters.properties"), "limit.watchShare=0.90", "limit.watchShare=0.85");
        String hash = CreditControl.builder().ruleSetDirectory(dir).verifyScenarios(false).build().ruleSets().get(0).contentHash();
        assertThat(hash).isNotEqualTo(TestOrders.DEFAULT.ruleSets().get(0).contentHash());
    }

    @Test
    void ruleFilesMayNotReachOutsideTheDecision(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.declare(dir, "evil.drl");

        RuleFolders.write(dir.resolve("evil.drl"), """
                package dev.creditcontrol.rules.medical
                import dev.creditcontrol.facts.OrderFacts
                import java.io.File
                import java.util.concurrent.Executors
                rule "Reads files and leaks data"
                when
                    $o : OrderFacts()
                then
                    System.exit(1);
                    new java.net.Socket("10.0.0.1", 80);
                    $o.getClass().getClassLoader();
                    Thread t = new Thread();
                    String ok = "System and File inside a string are fine";
                end
                """);
        RuleSetException e = catchLoad(dir);
        assertThat(e.problems()).filteredOn(p -> p.file().equals("evil.drl"))
                .extracting(p -> p.line() + ":" + p.message())
                .contains("3:import of java.io.File is not allowed in a rule file",
                        "4:import of java.util.concurrent.Executors is not allowed in a rule file",
                        "9:'System' is not allowed in a rule file",
                        "10:'java.net.Socket' is not allowed in a rule file",
                        "11:'getClass' is not allowed in a rule file",
                        "11:'getClassLoader' is not allowed in a rule file",
                        "12:'Thread' is not allowed in a rule file")
                .noneMatch(m -> m.startsWith("13:"));
        assertThat(e.problems()).filteredOn(p -> p.line() == 9).first()
                .satisfies(p -> assertThat(p.rule()).contains("Reads files and leaks data"));
    }

    @Test
    void importsOfTheModelAndValuePackagesAreAllowed(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.declare(dir, "fine.drl");

        RuleFolders.write(dir.resolve("fine.drl"), """
                package dev.creditcontrol.rules.medical
                import dev.creditcontrol.facts.*
                import java.math.BigDecimal
                import java.time.LocalDate
                import java.util.List
                rule "Uses allowed types"
                when
                    OrderFacts( orderDate.isAfter(LocalDate.of(2030, 1, 1)) )
                then
                end
                """);
        assertThat(CreditControl.validate(dir)).isEmpty();
    }

    @Test
    void folderOfRuleFilesWithoutAManifestReportsBothTheManifestAndTheRuleErrors(@TempDir Path dir) {
        RuleFolders.write(dir.resolve("broken.drl"), """
                package dev.creditcontrol.rules.medical
                import dev.creditcontrol.facts.OrderFacts
                rule "Broken"
                when
                    OrderFacts( accountFrozen
                then
                end
                """);
        RuleSetException e = catchLoad(dir);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("ruleset.properties"));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("broken.drl");
            assertThat(p.line()).isPositive();
        });
    }

    private static RuleSetException catchLoad(Path dir) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> CreditControl.builder().ruleSetDirectory(dir).build());
        assertThat(t).isInstanceOf(RuleSetException.class);
        assertThatThrownBy(() -> { throw t; }).hasMessageContaining("not loaded");
        return (RuleSetException) t;
    }

    private static String readBundled(String file) {
        try {
            return java.nio.file.Files.readString(RuleFolders.bundled().resolve(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theLintReadsTheParsedRuleNotItsSpellingSoSpacesAndNewPackagesDoNotSlipThrough(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.declare(dir, "sly.drl");
        RuleFolders.write(dir.resolve("sly.drl"), """
                package dev.creditcontrol.rules.medical
                import dev.creditcontrol.facts.OrderFacts
                rule "Looks harmless"
                when
                    $o : OrderFacts()
                then
                    Object p = java . nio . file . Path.of("/etc/passwd");
                    new java.beans.Expression(null, "exec", null);
                    new java.util.logging.FileHandler("x.log");
                    Object q = java
                        .lang.reflect.Array.newInstance(Object.class, 1);
                end
                """);
        RuleSetException e = catchLoad(dir);
        assertThat(e.problems()).filteredOn(p -> p.file().equals("sly.drl"))
                .extracting(p -> p.line() + ":" + p.message())
                .contains("7:'java.nio.file.Path' is not allowed in a rule file",
                        "8:'java.beans.Expression' is not allowed in a rule file",
                        "9:'java.util.logging.FileHandler' is not allowed in a rule file",
                        "10:'java.lang.reflect.Array' is not allowed in a rule file");
    }

    @Test
    void typeMistakesDroolsWouldOnlyMeetAtTheFirstOrderAreFoundAtLoad(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.declare(dir, "typos.drl");
        RuleFolders.write(dir.resolve("typos.drl"), """
                package dev.creditcontrol.rules.medical
                import dev.creditcontrol.decision.WarningLevel
                import dev.creditcontrol.facts.Overdue
                import dev.creditcontrol.facts.AssessmentFacts
                import dev.creditcontrol.rules.authoring.Findings
                import dev.creditcontrol.rules.authoring.ScoreSheet
                rule "Compares days with a string"
                when
                    $d : Overdue( daysOverdue > "abc" )
                    $f : Findings()
                then
                    $f.warn("OVERDUE_RECEIVABLES", "odd values", "days", $d.daysOverdue(), "orphan");
                end
                rule "Misspelt action"
                when
                    $a : AssessmentFacts( daysOverdue == "90" )
                    $s : ScoreSheet()
                then
                    $s.warn(WarningLevel.ORANGE, "WARN_OVERDUE", "START_COLECTION", "message");
                end
                """);
        RuleSetException e = catchLoad(dir);
        assertThat(e.problems()).filteredOn(p -> p.file().equals("typos.drl"))
                .extracting(p -> p.line() + ":" + p.message())
                .anySatisfy(m -> assertThat(m).startsWith("9:'>' compares with a string"))
                .anySatisfy(m -> assertThat(m).startsWith("12:warn(...) has 3 values after its message"))
                .anySatisfy(m -> assertThat(m).startsWith("16:daysOverdue is a number and is compared with a string"))
                .anySatisfy(m -> assertThat(m).startsWith("19:unknown warning action 'START_COLECTION'"));
    }
}
