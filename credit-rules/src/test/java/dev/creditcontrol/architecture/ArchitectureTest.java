package dev.creditcontrol.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.creditcontrol.facts.violation.FactThatCallsTheEngine;
import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.analyst.violation.ToolThatReachesIntoInternals;
import dev.creditcontrol.rules.internal.violation.EngineThatCallsTheTooling;
import dev.creditcontrol.rules.internal.Decisions;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering, checked on the compiled classes of credit-core and credit-rules (tests excluded):
 * host API ({@code model}, {@code decision}, {@code rules}), authoring ({@code facts},
 * {@code rules.authoring}), analyst tooling ({@code rules.analyst}) and internals
 * ({@code rules.internal}, unsupported).
 */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.creditcontrol");

    /** The packages a host compiles against. */
    static final Set<String> HOST_PACKAGES = Set.of("dev.creditcontrol.model", "dev.creditcontrol.decision", "dev.creditcontrol.rules",
            "dev.creditcontrol.journal");
    /**
     * 42 types after part 1 and the lifecycle; the part-2 contract (DESIGN.md) names 8 more for exposure
     * (ExchangeRateSource, ExchangeRates and its Builder, CreditGroup, BillType, AcceptanceBill,
     * SecurityType, Security), 3 for the journal (DecisionJournal, JournalRecord, JournalCheck) plus
     * its JSON form (JsonForm), and 4 for receivables (Tone, AgingBucket, CollectionAction,
     * ReceivablesReview): 58. A type beyond that must replace one, not add to them.
     */
    static final int HOST_SURFACE_LIMIT = 58;

    static final ArchRule TOOLING_USES_ONLY_PUBLIC_API = noClasses().that().resideInAPackage("dev.creditcontrol.rules.analyst..")
            .should().dependOnClassesThat().resideInAPackage("dev.creditcontrol.rules.internal..")
            .because("analyst tooling is built on the public API, like any host's tool");

    /**
     * The engine stands below the tooling. One door is open on purpose: {@code ScenarioGate} runs
     * a version's own scenario tables, read by the analyst scenario reader, before it serves.
     */
    static final ArchRule ENGINE_DOES_NOT_DEPEND_ON_TOOLING = noClasses().that()
            .resideInAnyPackage("dev.creditcontrol.rules", "dev.creditcontrol.rules.internal..", "dev.creditcontrol.rules.authoring..")
            .and().doNotHaveSimpleName("ScenarioGate")
            .should().dependOnClassesThat().resideInAPackage("dev.creditcontrol.rules.analyst..")
            .because("hosts use the engine without the analyst tooling; only the scenario gate reads scenario tables");

    static final ArchRule CORE_DOES_NOT_DEPEND_ON_RULES = noClasses().that()
            .resideInAnyPackage("dev.creditcontrol.model..", "dev.creditcontrol.decision..", "dev.creditcontrol.facts..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.creditcontrol.rules..", "org.kie..", "org.drools..")
            .because("credit-core is the plain-Java model: no engine, no Drools");

    static final ArchRule ONLY_TOOLING_USES_TOOLING_LIBRARIES = noClasses().that()
            .resideOutsideOfPackage("dev.creditcontrol.rules.analyst..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.commons.csv..", "picocli..", "org.junit..", "com.github.mustachejava..")
            .because("CSV, command-line and JUnit libraries are optional: a host that only checks orders does not get them");

    static final ArchRule NO_DROOLS_TYPE_IN_A_PUBLIC_SIGNATURE = classes().that().arePublic()
            .and().resideOutsideOfPackage("dev.creditcontrol.rules.internal..")
            .should(new ArchCondition<JavaClass>("show no Drools, KIE or Jackson type in a public or protected signature") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    for (JavaCodeUnit member : type.getCodeUnits()) {
                        if (!member.getModifiers().contains(JavaModifier.PUBLIC)
                                && !member.getModifiers().contains(JavaModifier.PROTECTED)) continue;
                        if (member.getName().equals("<clinit>")) continue;
                        for (String leak : droolsTypesIn(member)) {
                            events.add(SimpleConditionEvent.violated(member, member.getFullName() + " uses " + leak));
                        }
                    }
                }
            });

    private static List<String> droolsTypesIn(JavaCodeUnit member) {
        Object reflected = member.reflect();
        if (!(reflected instanceof Executable e)) return List.of();
        List<Type> types = new ArrayList<>(List.of(e.getGenericParameterTypes()));
        if (e instanceof Method m) types.add(m.getGenericReturnType());
        types.addAll(List.of(e.getGenericExceptionTypes()));
        return types.stream().map(Type::getTypeName).filter(n -> n.contains("org.kie") || n.contains("org.drools")
                || n.contains("tools.jackson") || n.contains("com.fasterxml.jackson")).toList();
    }

    @Test
    void analystToolingUsesOnlyThePublicApi() {
        TOOLING_USES_ONLY_PUBLIC_API.check(MAIN);
    }

    @Test
    void theEngineDependsOnTheToolingOnlyThroughTheScenarioGate() {
        ENGINE_DOES_NOT_DEPEND_ON_TOOLING.check(MAIN);
    }

    @Test
    void creditCoreDependsNeitherOnTheEngineNorOnDrools() {
        CORE_DOES_NOT_DEPEND_ON_RULES.check(MAIN);
    }

    @Test
    void toolingLibrariesStayInTheAnalystPackage() {
        ONLY_TOOLING_USES_TOOLING_LIBRARIES.check(MAIN);
    }

    @Test
    void noDroolsTypeAppearsInAPublicSignature() {
        NO_DROOLS_TYPE_IN_A_PUBLIC_SIGNATURE.check(MAIN);
    }

    @Test
    void theHostFacingSurfaceStaysSmall() {
        List<String> surface = MAIN.stream().filter(c -> HOST_PACKAGES.contains(c.getPackageName()))
                .filter(ArchitectureTest::visibleToHosts).map(JavaClass::getName).sorted().toList();
        assertThat(surface).as("public types a host can see: %s", surface).hasSizeLessThanOrEqualTo(HOST_SURFACE_LIMIT);
        // the count is of the packages as compiled, not of a hand-kept list
        assertThat(surface).contains("dev.creditcontrol.rules.CreditControl", "dev.creditcontrol.model.Money");
    }

    private static boolean visibleToHosts(JavaClass c) {
        for (JavaClass t = c; t != null; t = t.getEnclosingClass().orElse(null)) {
            if (!t.getModifiers().contains(JavaModifier.PUBLIC)) return false;
        }
        return !c.isAnonymousClass() && !c.isLocalClass();
    }

    @Test
    void theRulesFailOnADeliberateViolation() {
        JavaClasses withViolations = new ClassFileImporter().importClasses(ToolThatReachesIntoInternals.class,
                FactThatCallsTheEngine.class, EngineThatCallsTheTooling.class, Decisions.class, CreditControl.class,
                dev.creditcontrol.rules.analyst.ScenarioRunner.class);
        assertThat(ENGINE_DOES_NOT_DEPEND_ON_TOOLING.evaluate(withViolations).getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("EngineThatCallsTheTooling").contains("ScenarioRunner"));
        assertThat(TOOLING_USES_ONLY_PUBLIC_API.evaluate(withViolations).getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("ToolThatReachesIntoInternals").contains("Decisions"));
        assertThat(CORE_DOES_NOT_DEPEND_ON_RULES.evaluate(withViolations).getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("FactThatCallsTheEngine").contains("CreditControl"));
        assertThat(NO_DROOLS_TYPE_IN_A_PUBLIC_SIGNATURE.evaluate(withViolations).getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("leaksDrools").contains("org.kie.api.KieBase"));
    }
}
