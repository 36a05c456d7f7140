package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.rules.TestOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calibration's HTML page: what it says, and that a real headless Chromium draws every chart. */
class CalibrationReportTest {
    private static Calibration calibration;

    /** 400 distributors whose lateness and open overdue items make them likelier to turn bad. */
    private static synchronized Calibration calibration() {
        if (calibration == null) {
            List<LabelledSnapshot> history = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int daysLate = i % 60;
                int open = i % 4 == 0 ? 20 + i % 50 : 0;
                boolean bad = (i * 7) % 10 < daysLate / 12 + (open > 40 ? 2 : 0);
                history.add(new LabelledSnapshot(TestOrders.paymentHistory(CustomerType.DISTRIBUTOR, daysLate, open, false), bad));
            }
            calibration = ScorecardCalibrator.fit(history);
        }
        return calibration;
    }

    private static List<FactorReport> drawn(Calibration c) {
        return c.factors().stream().filter(FactorReport::used).toList();
    }

    private static long withValues(Calibration c) {
        return c.factors().stream().filter(f -> f.bins().stream().mapToInt(FactorReport.Bin::count).sum() > 0).count();
    }

    @Test
    void thePageGivesTheHeldOutQualityAndEveryFactorWithItsBins() {
        Calibration c = calibration();
        StringWriter out = new StringWriter();
        CalibrationReport.html(c, out);
        String page = out.toString();
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<title>Scorecard calibration</title>")
                .contains(String.format(Locale.ROOT, "held-out AUC<b>%.4f</b>", c.auc()))
                .contains(String.format(Locale.ROOT, "score stability (PSI)<b>%.4f", c.scoreStability()))
                .doesNotContain("src=\"http").doesNotContain("href=\"http");
        for (FactorReport f : c.factors()) {
            assertThat(page).contains("<td>" + f.factor() + " [" + f.segment() + "]</td>");
            if (!f.used()) assertThat(page).contains(f.note());
        }
        List<FactorReport> drawn = drawn(c);
        assertThat(drawn).as("factors in the card").hasSizeGreaterThanOrEqualTo(2);
        assertThat(page.split("class=\"chart\" id=\"factor-", -1)).as("a chart per factor in the card").hasSize(drawn.size() + 1);
        assertThat(page.split("<h3>", -1)).as("a bins table per factor with values").hasSize((int) withValues(calibration()) + 1);
    }

    @Test
    void thePageSpeaksChineseWhenAskedTo() {
        StringWriter out = new StringWriter();
        CalibrationReport.html(calibration(), out, Locale.SIMPLIFIED_CHINESE);
        assertThat(out.toString()).contains("<html lang=\"zh-CN\">").contains("评分卡校准报告").contains("留出样本 AUC")
                .contains("坏客户比例 %");
    }

    @Test
    void refusesAMissingCalibrationNamingIt() {
        assertThatThrownBy(() -> CalibrationReport.html(null, new StringWriter()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calibration");
    }

    @Test
    void aRealBrowserDrawsEveryFactorsChartWithoutErrors(@TempDir Path dir) throws Exception {
        HeadlessBrowser browser = HeadlessBrowser.orSkip();
        Path html = dir.resolve("calibration-report.html");
        try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            CalibrationReport.html(calibration(), w);
        }
        int charts = drawn(calibration()).size();
        String dom = browser.dumpDom(html);
        assertThat(dom).contains("data-charts=\"" + charts + "\"").contains("data-errors=\"0\"");
        assertThat(dom.split("data-rendered=\"yes\"", -1)).hasSize(charts + 1);
        browser.keepScreenshot(html, "calibration-report");
    }
}
