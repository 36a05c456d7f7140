package dev.creditcontrol.rules;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.decision.ReceivablesReview;
import dev.creditcontrol.decision.Tone;
import dev.creditcontrol.decision.WarningAction;
import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.Receivable;
import dev.creditcontrol.rules.authoring.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.creditcontrol.rules.TestOrders.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** Chinese and English: every text of the bundled rule set in both, one formatter, the engine's locale. */
class LanguageTest {
    static final CreditControl ZH = CreditControl.builder().locale(Locale.SIMPLIFIED_CHINESE).build();

    static Properties bundle(String file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(RuleFolders.bundled().resolve(file), StandardCharsets.UTF_8)));
        return p;
    }

    static boolean chinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void everyReasonCodeToneActionApprovalAndFactorHasATextInBothLanguages() throws IOException {
        Properties en = bundle("messages.properties");
        Properties zh = bundle("messages_zh_CN.properties");
        Properties manifest = new Properties();
        manifest.load(new StringReader(Files.readString(RuleFolders.bundled().resolve("ruleset.properties"))));
        List<String> keys = new java.util.ArrayList<>();
        Arrays.stream(manifest.getProperty("reasonCodes").split("[,\\s]+")).forEach(c -> keys.add("reason." + c));
        List.of("ENGINE_ERROR", "RELEASED", "RELEASE_NOT_APPLIED").forEach(c -> keys.add("reason." + c));
        for (Tone t : Tone.values()) keys.add("tone." + t);
        for (WarningAction a : WarningAction.values()) keys.add("action." + a);
        for (ApprovalLevel a : ApprovalLevel.values()) keys.add("approval." + a);
        Properties params = new Properties();
        params.load(new StringReader(Files.readString(RuleFolders.bundled().resolve("parameters.properties"))));
        params.stringPropertyNames().stream().filter(k -> k.matches("score\\.[A-Za-z0-9]+\\.points"))
                .forEach(k -> keys.add("factor." + k.split("\\.")[1]));
        assertThat(keys).hasSizeGreaterThan(50);
        for (String k : keys) {
            assertThat(en.getProperty(k)).as("English text of %s", k).isNotBlank();
            assertThat(zh.getProperty(k)).as("Chinese text of %s", k).isNotBlank();
            assertThat(chinese(zh.getProperty(k))).as("%s in Chinese", k).isTrue();
        }
        // and every key either bundle has, the other has too, with the same named values
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        Pattern placeholder = Pattern.compile("\\{[A-Za-z0-9,]+}");
        for (String k : en.stringPropertyNames()) {
            assertThat(placeholders(placeholder, zh.getProperty(k))).as("values of %s", k).isEqualTo(placeholders(placeholder, en.getProperty(k)));
        }
    }

    private static java.util.Set<String> placeholders(Pattern p, String text) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) found.add(m.group());
        return found;
    }

    @Test
    void aChineseEngineSpeaksChineseInDecisionsWarningsAndNoticesWithTheSameAmounts() {
        CreditDecision d = ZH.checkOrder(TestOrders.distributor().limit("100000").openInvoice("95000", 40)
                .line(dev.creditcontrol.model.DeviceClass.II, "07", "10000").order(),
                TestOrders.distributor().limit("100000").openInvoice("95000", 40).snapshot());
        assertThat(d.reasons()).isNotEmpty().allSatisfy(r -> assertThat(chinese(r.message())).as(r.message()).isTrue());
        assertThat(d.reasons("CREDIT_LIMIT_EXCEEDED").get(0).message()).contains("105,000.00 CNY").contains("100,000.00 CNY");
        CreditDecision en = TestOrders.DEFAULT.checkOrder(TestOrders.distributor().limit("100000").openInvoice("95000", 40)
                .line(dev.creditcontrol.model.DeviceClass.II, "07", "10000").order(),
                TestOrders.distributor().limit("100000").openInvoice("95000", 40).snapshot());
        assertThat(en.reasons().stream().map(Reason::code).toList()).isEqualTo(d.reasons().stream().map(Reason::code).toList());
        assertThat(en.reasons().stream().map(Reason::values).toList()).isEqualTo(d.reasons().stream().map(Reason::values).toList());
        assertThat(en.reasons("CREDIT_LIMIT_EXCEEDED").get(0).message()).startsWith("Exposure after this order, 105,000.00 CNY");
        CreditAssessment a = ZH.assess(TestOrders.distributor().limit("100000").openInvoice("95000", 40).snapshot());
        assertThat(a.reasons()).isNotEmpty().allSatisfy(r -> assertThat(chinese(r.message())).as(r.message()).isTrue());
        ReceivablesReview r = ZH.reviewReceivables(dev.creditcontrol.model.CustomerSnapshot.builder(TestOrders.distributor().snapshot().customer(),
                        TestOrders.distributor().snapshot().account(), TODAY)
                .receivable(Receivable.open("INV-9", Money.cny("1234567.8"), TODAY.minusDays(200), TODAY.minusDays(100))).build());
        assertThat(r.actions()).singleElement().satisfies(x -> assertThat(x.message()).startsWith("最后通知")
                .contains("1,234,567.80 CNY").contains(TODAY.minusDays(100).toString()));
        assertThat(ZH.text("tone.FINAL")).contains("最后通知");
        assertThat(TestOrders.DEFAULT.text("factor.onTimeShare")).contains("On-time payment share");
    }

    @Test
    void anyChineseLocaleReadsTheChineseBundle() {
        for (Locale l : List.of(Locale.CHINESE, Locale.CHINA, Locale.forLanguageTag("zh-Hans-CN"))) {
            try (CreditControl control = CreditControl.builder().locale(l).build()) {
                assertThat(control.text("reason.CREDIT_LIMIT_EXCEEDED")).as("%s", l).contains("超出信用额度");
            }
        }
    }

    @Test
    void theDefaultIsEnglishWhateverTheJvmSays() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            try (CreditControl control = CreditControl.withDefaultRules()) {
                assertThat(control.text("reason.CREDIT_LIMIT_EXCEEDED")).contains("Credit limit exceeded");
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void oneFormatterWritesAmountsDatesAndShares() {
        assertThat(Format.money(Money.cny("1200000"))).isEqualTo("1,200,000.00 CNY");
        assertThat(Format.money(Money.of("1200000", "JPY"))).isEqualTo("1,200,000 JPY");
        assertThat(Format.date(LocalDate.of(2026, 6, 15))).isEqualTo("2026-06-15");
        assertThat(Format.percent(new BigDecimal("0.955"))).isEqualTo("95.5%");
        assertThat(Format.percent(new BigDecimal("0.9512"))).isEqualTo("95.1%");
        assertThat(Format.percent(new BigDecimal("0.95"))).isEqualTo("95%");
        assertThat(Format.percent(new BigDecimal("1.5"))).isEqualTo("150%");
    }

    @Test
    void validateNamesAReasonCodeOrKeyWithoutTextAtItsLine(@TempDir Path dir) throws IOException {
        RuleFolders.copyBundled(dir);
        RuleFolders.replace(dir.resolve("messages_zh_CN.properties"), "limit.zero=", "limit.zeroo=");
        RuleFolders.replace(dir.resolve("messages_zh_CN.properties"), "reason.STALE_SNAPSHOT=", "reason.STALE_SNAPSHOTT=");
        List<RuleSetProblem> problems = CreditControl.validate(dir);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("credit-limit.drl");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("limit.zero").contains("messages_zh_CN.properties");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("ruleset.properties");
            assertThat(p.message()).contains("STALE_SNAPSHOT").contains("messages_zh_CN.properties");
        });
    }
}
