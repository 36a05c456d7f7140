package dev.creditcontrol.rules.analyst;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.model.CustomerType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The portfolio report people read, from a {@link ReceivablesPortfolio.Summary}: CSV for Excel
 * (UTF-8 with a byte-order mark, so Chinese names open intact), JSON for other tools, and one
 * self-contained HTML page (styles and the chart library inlined: nothing is fetched when it is
 * opened) with five charts: aging by customer type, grade distribution, warning levels, the 20
 * largest exposures and provision by aging band. The page is a Mustache template; the charts are
 * Apache ECharts (from its WebJar), drawn as SVG. After drawing, the page writes into
 * {@code #render-status} how many charts it drew and any script error, so a headless browser can check it.
 */
public final class PortfolioReport {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final String TEMPLATE = "dev/creditcontrol/rules/analyst/portfolio-report.html.mustache";
    private static final List<String> CHARTS = List.of("aging-by-type", "grades", "warning-levels", "largest", "provision");

    private PortfolioReport() {}

    /** The aging table per customer type (open per band, total, provision), then the 20 largest exposures. */
    public static void csv(ReceivablesPortfolio.Summary s, Writer out) {
        try {
            out.write('\uFEFF'); // Excel reads UTF-8 only with a byte-order mark
            CSVPrinter csv = CSVFormat.DEFAULT.print(out);
            csv.printRecord(agingHeader(s));
            for (List<String> row : agingRows(s, false)) csv.printRecord(row);
            csv.println();
            csv.printRecord(largestHeader());
            for (List<String> row : largestRows(s, false)) csv.printRecord(row);
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV report", e);
        }
    }

    /** The whole summary as JSON. */
    public static void json(ReceivablesPortfolio.Summary s, Writer out) {
        JSON.writeValue(out, s);
    }

    /** The self-contained HTML page with its charts, in English. */
    public static void html(ReceivablesPortfolio.Summary s, Writer out) {
        html(s, out, Locale.ENGLISH);
    }

    /** The page's own words, English and Chinese. */
    private static String t(boolean zh, String en, String chinese) {
        return zh ? chinese : en;
    }

    /** The self-contained HTML page with its charts, in {@code locale}'s language (Chinese or English). */
    public static void html(ReceivablesPortfolio.Summary s, Writer out, Locale locale) {
        boolean zh = locale.getLanguage().equals("zh");
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("lang", zh ? "zh-CN" : "en");
        page.put("title", t(zh, "Receivables portfolio on " + s.asOf(), s.asOf() + " 应收账款组合报告"));
        page.put("subtitle", t(zh, s.customers() + " customers, amounts in " + s.currency() + (s.failed() > 0 ? ", " + s.failed() + " not reviewed" : ""),
                s.customers() + " 家客户，金额单位 " + s.currency() + (s.failed() > 0 ? "，" + s.failed() + " 家未能检查" : "")));
        page.put("figures", List.of(figure(t(zh, "open receivables", "未收应收账款"), money(s.open()) + " " + s.currency()),
                figure(t(zh, "bad-debt provision", "坏账准备"), money(s.provision()) + " " + s.currency()),
                figure(t(zh, "overdue (1+ days)", "逾期（1 天以上）"),
                        money(s.open().subtract(s.openPerBucket().getOrDefault("current", BigDecimal.ZERO))) + " " + s.currency()),
                figure(t(zh, "notices today", "今日催收通知"), String.valueOf(s.noticeCount())),
                figure(t(zh, "customers", "客户数"), String.valueOf(s.customers()))));
        List<Map<String, String>> charts = new ArrayList<>();
        String[] titles = zh ? new String[] {"按客户类型的账龄", "各信用等级客户数", "各预警级别客户数", "最大的 20 笔信用占用", "各账龄段坏账准备"}
                : new String[] {"Aging by customer type", "Customers per grade", "Customers per warning level", "20 largest exposures",
                "Provision by aging band"};
        for (int i = 0; i < CHARTS.size(); i++) charts.add(Map.of("id", CHARTS.get(i), "title", titles[i]));
        page.put("charts", charts);
        page.put("agingTitle", t(zh, "Aging by customer type (", "按客户类型的账龄（") + s.currency() + t(zh, ")", "）"));
        page.put("agingHeader", agingHeader(s));
        page.put("agingRows", agingRows(s, true).stream().map(r -> Map.of("cells", r)).toList());
        page.put("largestTitle", t(zh, "Largest exposures (", "最大的信用占用（") + s.currency() + t(zh, ")", "）"));
        page.put("largestHeader", largestHeader());
        page.put("largestRows", largestRows(s, true).stream().map(r -> Map.of("cells", r)).toList());
        page.put("echarts", echarts());
        page.put("chartOptions", JSON.writeValueAsString(chartOptions(s, titles)).replace("</", "<\\/"));
        render(TEMPLATE, page, out);
    }

    /** Fills one of the report templates (they share the style, header and chart-script partials) into {@code out}. */
    static void render(String template, Map<String, Object> page, Writer out) {
        Mustache mustache = new DefaultMustacheFactory().compile(template);
        mustache.execute(out, page);
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report " + template, e);
        }
    }

    private static Map<String, Object> chartOptions(ReceivablesPortfolio.Summary s, String[] titles) {
        Map<String, Object> options = new LinkedHashMap<>();
        List<Object> series = new ArrayList<>();
        s.openPerTypeBucket().forEach((type, buckets) -> series.add(Map.of("name", type.name(), "type", "bar", "stack", "open",
                "data", s.buckets().stream().map(b -> number(buckets.getOrDefault(b, BigDecimal.ZERO))).toList())));
        options.put(CHARTS.get(0), Map.of("title", Map.of("text", titles[0]), "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 28), "grid", Map.of("top", 70, "left", 80), "xAxis", Map.of("type", "category", "data", s.buckets()),
                "yAxis", Map.of("type", "value"), "series", series));
        options.put(CHARTS.get(1), bar(titles[1], new ArrayList<>(s.customersPerGrade().keySet()),
                s.customersPerGrade().values().stream().map(v -> (Object) v).toList()));
        List<Object> levels = new ArrayList<>();
        Map<WarningLevel, String> colours = Map.of(WarningLevel.GREEN, "#3f9142", WarningLevel.ORANGE, "#e8891c", WarningLevel.RED, "#c9302c");
        s.customersPerLevel().forEach((l, n) -> levels.add(Map.of("name", l.name(), "value", n, "itemStyle", Map.of("color", colours.get(l)))));
        options.put(CHARTS.get(2), Map.of("title", Map.of("text", titles[2]), "tooltip", Map.of("trigger", "item"),
                "series", List.of(Map.of("type", "pie", "radius", "60%", "data", levels))));
        List<ReceivablesPortfolio.Exposure> top = new ArrayList<>(s.largest());
        java.util.Collections.reverse(top); // the largest at the top of a horizontal bar chart
        options.put(CHARTS.get(3), Map.of("title", Map.of("text", titles[3]), "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 220, "top", 40), "xAxis", Map.of("type", "value"),
                "yAxis", Map.of("type", "category", "data", top.stream().map(e -> e.customerName() + " (" + e.customerId() + ")").toList()),
                "series", List.of(Map.of("type", "bar", "data", top.stream().map(e -> number(e.open())).toList()))));
        options.put(CHARTS.get(4), bar(titles[4], s.buckets(),
                s.buckets().stream().map(b -> number(s.provisionPerBucket().getOrDefault(b, BigDecimal.ZERO))).toList()));
        return options;
    }

    private static Map<String, Object> bar(String title, List<String> categories, List<Object> values) {
        return Map.of("title", Map.of("text", title), "tooltip", Map.of("trigger", "axis"), "grid", Map.of("left", 80),
                "xAxis", Map.of("type", "category", "data", categories), "yAxis", Map.of("type", "value"),
                "series", List.of(Map.of("type", "bar", "data", values)));
    }

    private static Object number(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static Map<String, String> figure(String label, String value) {
        return Map.of("label", label, "value", value);
    }

    private static List<String> agingHeader(ReceivablesPortfolio.Summary s) {
        List<String> header = new ArrayList<>(List.of("customer type"));
        header.addAll(s.buckets());
        header.addAll(List.of("open", "provision"));
        return header;
    }

    private static List<List<String>> agingRows(ReceivablesPortfolio.Summary s, boolean display) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<CustomerType, Map<String, BigDecimal>> e : s.openPerTypeBucket().entrySet()) {
            List<String> row = new ArrayList<>(List.of(e.getKey().name()));
            BigDecimal open = BigDecimal.ZERO;
            for (String b : s.buckets()) {
                BigDecimal v = e.getValue().getOrDefault(b, BigDecimal.ZERO);
                row.add(amount(v, display));
                open = open.add(v);
            }
            row.add(amount(open, display));
            row.add(amount(s.provisionPerType().getOrDefault(e.getKey(), BigDecimal.ZERO), display));
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("TOTAL"));
        for (String b : s.buckets()) total.add(amount(s.openPerBucket().getOrDefault(b, BigDecimal.ZERO), display));
        total.add(amount(s.open(), display));
        total.add(amount(s.provision(), display));
        rows.add(total);
        return rows;
    }

    private static List<String> largestHeader() {
        return List.of("customer", "name", "type", "grade", "open", "provision", "dunning level");
    }

    private static List<List<String>> largestRows(ReceivablesPortfolio.Summary s, boolean display) {
        return s.largest().stream().map(e -> List.of(e.customerId(), e.customerName(), e.type().name(), e.grade(),
                amount(e.open(), display), amount(e.provision(), display), String.valueOf(e.dunningLevel()))).toList();
    }

    /** Plain for CSV (Excel parses it), with thousands separators for people. */
    private static String amount(BigDecimal v, boolean display) {
        return display ? money(v) : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String money(BigDecimal v) {
        return dev.creditcontrol.rules.authoring.Format.amount(v.setScale(2, RoundingMode.HALF_UP));
    }

    /** The chart library, safe to inline in a {@code <script>} element. */
    static String echarts() {
        return resource(ECHARTS).replace("</script", "<\\/script");
    }

    private static String resource(String path) {
        try (InputStream in = PortfolioReport.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is not on the class path (the ECharts WebJar)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
