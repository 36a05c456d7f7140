package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.journal.JsonForm;
import dev.creditcontrol.model.CustomerSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code credit-rules report}: snapshots as JSON Lines or a scenario table in, a report out. */
class ReportCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    static Path jsonLines(Path dir) throws Exception {
        List<CustomerSnapshot> portfolio = PortfolioReportTest.portfolio();
        Path file = dir.resolve("snapshots.jsonl");
        Files.write(file, portfolio.stream().map(JsonForm::toJson).toList(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aReportIsWrittenFromJsonLinesInEachFormat(@TempDir Path dir) throws Exception {
        Path input = jsonLines(dir);
        Path html = dir.resolve("report.html");
        assertThat(run("report", input.toString(), "--output", html.toString())).isEqualTo(Cli.OK);
        assertThat(Files.readString(html)).contains("Receivables portfolio on 2026-06-15").contains("60 customers");
        assertThat(err.toString()).contains("reviewed 60 customers");
        assertThat(run("report", input.toString(), "--format", "csv")).isEqualTo(Cli.OK);
        assertThat(out.toString()).startsWith("\uFEFFcustomer type,current");
        out.getBuffer().setLength(0);
        assertThat(run("report", input.toString(), "--format", "json")).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("\"customers\" : 60");
    }

    @Test
    void theReportSpeaksChineseWithLangZh(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        assertThat(run("report", jsonLines(dir).toString(), "--lang", "zh", "--output", html.toString())).isEqualTo(Cli.OK);
        assertThat(Files.readString(html)).contains("应收账款组合报告").contains("lang=\"zh-CN\"");
        out.getBuffer().setLength(0);
        assertThat(run("report", jsonLines(dir).toString(), "--lang", "fr")).isEqualTo(Cli.USAGE);
    }

    @Test
    void aScenarioTableIsAPortfolioToo() {
        Path scenarios = dev.creditcontrol.rules.RuleFolders.bundled().resolve("scenarios/receivables.csv");
        assertThat(run("report", scenarios.toString(), "--format", "csv")).isEqualTo(Cli.OK);
        assertThat(err.toString()).contains("reviewed 15 customers");
    }

    @Test
    void aBadLineIsNamedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path input = jsonLines(dir);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(input));
        lines.set(7, lines.get(7).replace("\"asOf\"", "\"asOff\""));
        Files.write(input, lines);
        Path html = dir.resolve("report.html");
        assertThat(run("report", input.toString(), "--output", html.toString())).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("snapshots.jsonl:8");
        assertThat(html).doesNotExist();
    }
}
