package dev.creditcontrol.rules;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hosts must not compile against Drools: no Drools or KIE type in any public signature outside internal. */
class PublicApiTest {

    static final List<Class<?>> PUBLIC_TYPES = List.of(
            CreditControl.class, CreditControl.Builder.class, DecisionListener.class, RuleSetInfo.class,
            RuleSetProblem.class, RuleSetException.class, CreditControlException.class,
            ReloadListener.class, CreditEvent.class, LabelledSnapshot.class, Calibration.class, ScorecardCalibrator.class,
            PortfolioMonitor.class, PortfolioMonitor.Builder.class, PortfolioMonitor.Summary.class, PortfolioMonitor.Alert.class,
            dev.creditcontrol.rules.authoring.Findings.class, dev.creditcontrol.rules.authoring.Parameters.class,
            dev.creditcontrol.rules.authoring.ScoreSheet.class,
            dev.creditcontrol.rules.analyst.Scenario.class, dev.creditcontrol.rules.analyst.ScenarioFile.class,
            dev.creditcontrol.rules.analyst.ScenarioRunner.class, dev.creditcontrol.rules.analyst.ScenarioReport.class,
            dev.creditcontrol.rules.analyst.ScenarioResult.class, dev.creditcontrol.rules.analyst.DecisionDiff.class,
            dev.creditcontrol.rules.analyst.RuleSetScenarios.class);

    @Test
    void noDroolsTypeAppearsInAPublicSignature() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : PUBLIC_TYPES) {
            List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
            members.addAll(List.of(type.getDeclaredConstructors()));
            for (Executable e : members) {
                if (!Modifier.isPublic(e.getModifiers()) && !Modifier.isProtected(e.getModifiers())) continue;
                List<Type> types = new ArrayList<>(List.of(e.getGenericParameterTypes()));
                if (e instanceof Method m) types.add(m.getGenericReturnType());
                types.addAll(List.of(e.getGenericExceptionTypes()));
                for (Type t : types) {
                    String name = t.getTypeName();
                    if (name.contains("org.kie") || name.contains("org.drools")) leaks.add(type.getSimpleName() + "." + e.getName() + ": " + name);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void builderAndRuleSetTypesAreFinalOrRecords() {
        assertThat(Modifier.isFinal(CreditControl.class.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(CreditControl.Builder.class.getModifiers())).isTrue();
        assertThat(RuleSetInfo.class.isRecord()).isTrue();
        assertThat(RuleSetProblem.class.isRecord()).isTrue();
        for (Constructor<?> c : CreditControl.class.getDeclaredConstructors()) assertThat(Modifier.isPublic(c.getModifiers())).isFalse();
    }
}
