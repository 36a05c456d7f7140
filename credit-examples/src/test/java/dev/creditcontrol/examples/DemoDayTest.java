package dev.creditcontrol.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo speaks Chinese by default, English on request, and fits a 120-column terminal. */
class DemoDayTest {
    static List<String> run(String... args) {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            DemoDay.main(args);
        } finally {
            System.setOut(console);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Columns a terminal gives a line: two for each Chinese character or full-width form. */
    static int columns(String line) {
        return line.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F) ? 2 : 1).sum();
    }

    @Test
    void theDemoSpeaksChineseByDefaultAndEnglishOnRequestWithinOneHundredTwentyColumns() {
        List<String> zh = run();
        List<String> en = run("--lang", "en");
        assertThat(zh).anyMatch(l -> l.contains("客户信用评估")).anyMatch(l -> l.contains("超过信用等级"))
                .anyMatch(l -> l.contains("今日催收通知")).anyMatch(l -> l.contains("1,"));
        assertThat(en).anyMatch(l -> l.contains("Customer assessments")).anyMatch(l -> l.contains("Notices of the day"))
                .noneMatch(l -> l.contains("客户信用评估"));
        for (String line : zh) assertThat(columns(line)).as(line).isLessThanOrEqualTo(DemoDay.COLUMNS);
        for (String line : en) assertThat(columns(line)).as(line).isLessThanOrEqualTo(DemoDay.COLUMNS);
        assertThatThrownBy(() -> DemoDay.language(new String[] {"--lang", "fr"})).hasMessageContaining("zh or en");
    }
}
