package dev.creditcontrol.rules.analyst;

import tools.jackson.databind.json.JsonMapper;

import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Calibration} as one self-contained HTML page for the analyst who decides whether to put
 * the fitted points live: held-out AUC, KS, Gini and score stability at the top; a chart per factor
 * in the card with its bad rate and points by bin (does the risk run the declared way, do the points
 * follow it); the factor table (information value, coefficient, held-out AUC alone, stability, why a
 * factor was left out); and every factor's bins with fitting and held-out shares. Built like
 * {@link PortfolioReport}: a Mustache template, Apache ECharts inlined and drawn as SVG, nothing
 * fetched when the page is opened, {@code #render-status} saying how many charts were drawn.
 */
public final class CalibrationReport {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TEMPLATE = "dev/creditcontrol/rules/analyst/calibration-report.html.mustache";

    private CalibrationReport() {}

    /** The page in English. */
    public static void html(Calibration c, Writer out) {
        html(c, out, Locale.ENGLISH);
    }

    /** The page in {@code locale}'s language (Chinese or English). */
    public static void html(Calibration c, Writer out, Locale locale) {
        if (c == null) throw new IllegalArgumentException("calibration is required but was null");
        if (out == null) throw new IllegalArgumentException("out is required but was null");
        boolean zh = locale != null && locale.getLanguage().equals("zh");
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("lang", zh ? "zh-CN" : "en");
        page.put("title", t(zh, "Scorecard calibration", "评分卡校准报告"));
        page.put("subtitle", c.sample() + " — " + c.split());
        page.put("figures", List.of(
                figure(t(zh, "held-out AUC", "留出样本 AUC"), fixed(c.auc())),
                figure("KS", fixed(c.ks())),
                figure("Gini", fixed(c.gini())),
                figure(t(zh, "score stability (PSI)", "评分稳定性（PSI）"), fixed(c.scoreStability()) + " · "
                        + ScorecardFit.stabilityWord(c.scoreStability())),
                figure(t(zh, "points to double the odds", "翻倍比率所需分数"), ScorecardFit.plain(c.pointsToDouble())),
                figure(t(zh, "scorecards", "评分卡"), c.ownScorecards().isEmpty() ? t(zh, "one, pooled", "一张（合并）")
                        : t(zh, "pooled + ", "合并 + ") + String.join(", ", c.ownScorecards()))));
        List<Map<String, String>> charts = new ArrayList<>();
        Map<String, Object> options = new LinkedHashMap<>();
        List<Map<String, Object>> factorRows = new ArrayList<>();
        List<Map<String, Object>> binTables = new ArrayList<>();
        for (FactorReport f : c.factors()) {
            String name = f.factor() + " [" + f.segment() + "]";
            factorRows.add(Map.of("cells", List.of(name, f.higherIsRiskier() ? t(zh, "riskier", "越高越差") : t(zh, "safer", "越高越好"),
                    fixed(f.informationValue()), fixed(f.coefficient()), fixed(f.heldOutAuc()), fixed(f.stabilityIndex()),
                    f.used() ? t(zh, "used", "采用") : f.note())));
            if (f.used()) { // a left-out factor earns no points: its bins are in its table, not drawn
                String id = "factor-" + charts.size();
                charts.add(Map.of("id", id, "title", name));
                options.put(id, chart(name, f, zh));
            }
            if (f.bins().stream().mapToInt(FactorReport.Bin::count).sum() > 0) {
                binTables.add(Map.of("title", name + (f.used() ? "" : " — " + f.note()), "header", binHeader(zh), "rows", binRows(f)));
            }
        }
        page.put("charts", charts);
        page.put("factorsTitle", t(zh, "Factors", "因子"));
        page.put("factorsHeader", List.of(t(zh, "factor [scorecard]", "因子 [评分卡]"), t(zh, "higher is", "方向"), "IV",
                t(zh, "coefficient", "系数"), t(zh, "held-out AUC alone", "单因子留出 AUC"), "CSI", t(zh, "in the card", "是否采用")));
        page.put("factorRows", factorRows);
        page.put("binTables", binTables);
        page.put("echarts", PortfolioReport.echarts());
        page.put("chartOptions", JSON.writeValueAsString(options).replace("</", "<\\/"));
        PortfolioReport.render(TEMPLATE, page, out);
    }

    /** Bad rate by bin as bars (left axis), the points each bin earns as a line (right axis). */
    private static Map<String, Object> chart(String name, FactorReport f, boolean zh) {
        List<String> bins = f.bins().stream().map(FactorReport.Bin::range).toList();
        List<Object> badRates = f.bins().stream().map(b -> (Object) (Math.round(1000 * b.badRate()) / 10.0)).toList();
        List<Object> points = f.bins().stream().map(b -> (Object) b.points()).toList();
        String badRate = t(zh, "bad rate %", "坏客户比例 %");
        String pts = t(zh, "points", "分数");
        return Map.of("title", Map.of("text", name, "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "axis"), "legend", Map.of("top", 26),
                "grid", Map.of("top", 64, "left", 56, "right", 56, "bottom", 70),
                "xAxis", Map.of("type", "category", "data", bins, "axisLabel", Map.of("rotate", 30)),
                "yAxis", List.of(Map.of("type", "value", "name", badRate), Map.of("type", "value", "name", pts)),
                "series", List.of(Map.of("name", badRate, "type", "bar", "data", badRates),
                        Map.of("name", pts, "type", "line", "yAxisIndex", 1, "data", points)));
    }

    private static List<String> binHeader(boolean zh) {
        return List.of(t(zh, "bin", "区间"), t(zh, "customers", "客户数"), t(zh, "bad %", "坏客户 %"), "WoE", t(zh, "points", "分数"),
                t(zh, "% of fitting", "拟合样本占比 %"), t(zh, "% of held out", "留出样本占比 %"));
    }

    private static List<Map<String, Object>> binRows(FactorReport f) {
        int fitted = f.bins().stream().mapToInt(FactorReport.Bin::count).sum();
        int heldOut = f.bins().stream().mapToInt(FactorReport.Bin::heldOut).sum();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FactorReport.Bin b : f.bins()) {
            rows.add(Map.of("cells", List.of(b.range(), String.valueOf(b.count()), percent(b.badRate()), fixed(b.woe()),
                    String.valueOf(b.points()), percent(b.count() / (double) Math.max(fitted, 1)),
                    percent(b.heldOut() / (double) Math.max(heldOut, 1)))));
        }
        return rows;
    }

    private static String t(boolean zh, String en, String chinese) {
        return zh ? chinese : en;
    }

    private static Map<String, String> figure(String label, String value) {
        return Map.of("label", label, "value", value);
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f", 100 * share);
    }
}
