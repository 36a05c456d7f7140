package dev.creditcontrol.rules;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every parameter mistake the outside probe made validates with an error at its line, and never loads. */
class ParameterMistakesTest {

    private static List<RuleSetProblem> errors(Path dir) {
        return CreditControl.validate(dir).stream().filter(p -> p.severity() == RuleSetProblem.Severity.ERROR).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "limit.watchShare=0.90; limit.watchShare=85%; limit.watchShare is not a number (write a share as a decimal: 0.85, not 85%)",
            "licence.warningDays=30; licence.warningDays=30.5; licence.warningDays must be a whole number",
            "limit.overShare.creditManager=0.20; limit.overShare.creditManager=0,20; limit.overShare.creditManager is not a number (the decimal separator is a point",
            "overdue.toleranceDays.HOSPITAL=90; overdue.toleranceDays.HOSPITAL=one-eighty; overdue.toleranceDays.HOSPITAL is not a number",
            "overdue.toleranceDays.AGENT=30; overdue.toleranceDays.AGNET=30; overdue.toleranceDays.AGNET is not declared in parameter-types.properties (did you mean overdue.toleranceDays.AGENT?)",
            "overdue.severeDays.CLINIC=120; overdue.severeDays.CLINIC=-5; overdue.severeDays.CLINIC must be at least 0",
            "recommend.paymentMethod.D=PREPAYMENT; recommend.paymentMethod.D=PREPAID; recommend.paymentMethod.D must be one of [CREDIT, PREPAYMENT, CASH_ON_DELIVERY]",
            "reassess.on=LARGE_ORDER, NEW_OVERDUE_ITEM, LICENCE_CHANGED, LIMIT_CHANGED; reassess.on=LARGE_ORDER, LICENSE_CHANGED; reassess.on lists [LICENSE_CHANGED]",
            "limit.watchShare=0.90; limit.watchShare=1.5; limit.watchShare must be at most 1",
    })
    void aWrongValueIsAnErrorAtItsLine(String from, String to, String message, @TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("parameters.properties"), from + "\n", to + "\n");
        assertThat(errors(dir)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("parameters.properties");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains(message);
        });
        assertThatThrownBy(() -> CreditControl.builder().ruleSetDirectory(dir).build()).isInstanceOf(RuleSetException.class);
    }

    @Test
    void aKeyDefinedTwiceIsAnErrorNamingBothLines(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("parameters.properties"), "snapshot.maxAgeDays=3\n", "snapshot.maxAgeDays=3\nsnapshot.maxAgeDays=30\n");
        assertThat(errors(dir)).anySatisfy(p -> assertThat(p.message()).contains("snapshot.maxAgeDays is defined twice"));
    }

    @Test
    void aMissingRequiredParameterIsAnError(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("parameters.properties"), "licence.warningDays=30\n", "");
        assertThat(errors(dir)).anySatisfy(p -> assertThat(p.message()).contains("required parameter licence.warningDays is not defined"));
    }

    @Test
    void aMalformedEscapeIsARuleSetErrorWithFileAndLine(@TempDir Path dir) {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("parameters.properties"), "snapshot.maxAgeDays=3\n", "snapshot.maxAgeDays=3\\u00G1\n");
        assertThat(errors(dir)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("parameters.properties");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("Malformed");
        });
        List<RuleSetException> failures = new java.util.ArrayList<>();
        try (CreditControl control = CreditControl.builder().ruleSetDirectory(RuleFolders.copyBundled(dir.resolve("ok")))
                .listener(new CreditControlListener() {
                    @Override
                    public void reloadFailed(RuleSetException error) {
                        failures.add(error);
                    }
                }).build()) {
            RuleFolders.replace(dir.resolve("ok/ruleset.properties"), "version=1.0.0", "version=1.0.1");
            RuleFolders.replace(dir.resolve("ok/parameters.properties"), "snapshot.maxAgeDays=3\n", "snapshot.maxAgeDays=3\\u00G1\n");
            assertThatThrownBy(control::reload).isInstanceOf(RuleSetException.class);
            assertThat(failures).singleElement().satisfies(e -> assertThat(e.problems()).anySatisfy(p ->
                    assertThat(p.toString()).startsWith("parameters.properties:")));
        }
    }
}
