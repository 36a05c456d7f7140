package dev.creditcontrol.examples;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.decision.Release;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.AcceptanceBill;
import dev.creditcontrol.model.BillType;
import dev.creditcontrol.model.CreditGroup;
import dev.creditcontrol.model.ExchangeRates;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.rules.authoring.Format;
import dev.creditcontrol.model.Security;
import dev.creditcontrol.model.SecurityType;
import dev.creditcontrol.model.ShipmentRequest;

import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.RuleSetInfo;

import java.io.PrintStream;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo: a day of orders from the demo portfolio, checked by the bundled rule set and printed
 * as a table of decisions and reasons, in Chinese by default (its audience is the Chinese ERP
 * team) or English ({@code --lang en}). Lines fit a 120-column terminal, Chinese characters
 * counted as two columns. Run with
 * {@code ./mvnw -q -pl credit-examples -am -DskipTests package exec:java [-Dexec.args="--lang en"]}.
 */
public final class DemoDay {
    /** The terminal width the demo's lines fit. */
    static final int COLUMNS = 120;
    private static boolean zh = true;

    /** The demo's own words in the demo's language. */
    static String t(String en, String chinese) {
        return zh ? chinese : en;
    }

    public static void main(String[] args) {
        zh = !language(args).equals("en");
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try {
            run(out);
        } finally {
            PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            buffer.toString(StandardCharsets.UTF_8).lines().forEach(line -> wrap(line, COLUMNS).forEach(console::println));
        }
    }

    /** {@code --lang zh|en} (default zh). */
    static String language(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--lang")) {
                String lang = args[i + 1];
                if (!lang.equals("zh") && !lang.equals("en")) throw new IllegalArgumentException("--lang is zh or en, not " + lang);
                return lang;
            }
        }
        return "zh";
    }

    /** A line cut at {@code columns} display columns, continuations indented under the text. */
    static List<String> wrap(String line, int columns) {
        if (Table.width(line) <= columns) return List.of(line);
        int indent = 0;
        while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '└')) indent++;
        String pad = " ".repeat(Math.min(indent + 2, columns / 2));
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int used = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int w = Table.width(cp);
            if (used + w > columns) {
                out.add(cur.toString().stripTrailing());
                cur = new StringBuilder(pad);
                used = pad.length();
            }
            cur.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        out.add(cur.toString().stripTrailing());
        return out;
    }

    private static void run(PrintStream out) {
        CreditControl control = CreditControl.builder().locale(zh ? java.util.Locale.SIMPLIFIED_CHINESE : java.util.Locale.ENGLISH).build();
        RuleSetInfo rules = control.ruleSets().get(0);
        DemoPortfolio portfolio = DemoPortfolio.create();
        List<OrderRequest> orders = portfolio.ordersOfTheDay();
        out.printf(t("credit-control demo: %d orders from %d customers on %s, rule set %s %s (%s…)%n%n",
                        "credit-control 演示：%3$s，%2$d 家客户的 %1$d 笔订单，规则集 %4$s %5$s（%6$s…）%n%n"),
                orders.size(), portfolio.accounts().size(), DemoPortfolio.TODAY, rules.name(), rules.version(),
                rules.contentHash().substring(0, 12));
        Table table = new Table(out, 16, 7, 24, 11, 14, 10, 24);
        table.row(t("order", "订单"), t("customer", "客户"), t("name", "名称"), t("type", "类型"), t("amount", "金额"),
                t("payment", "付款方式"), t("decision", "决定"));
        table.rule();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (OrderRequest order : orders) {
            DemoPortfolio.Account account = portfolio.account(order.customerId());
            CreditDecision d = control.checkOrder(order, account.snapshot());
            counts.merge(d.outcome(), 1, Integer::sum);
            String decision = d.outcome() + d.requiredApproval().map(l -> " → " + control.text("approval." + l).orElse(l.name())).orElse("");
            table.row(order.orderId(), order.customerId(), account.customer().name(), account.customer().type().name(),
                    Format.amount(order.total().amount()), order.paymentMethod().name().toLowerCase().replace('_', ' '), decision);
            for (Reason r : d.reasons()) out.printf("%8s└ %s%n", "", r.message());
        }
        table.rule();
        out.println(counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("   ")));

        lifecycle(out, control, portfolio, orders);
        exposure(out, control, portfolio);
        receivables(out, control, portfolio);

        out.printf(t("%nCustomer assessments on %s (score 0-100, higher is safer; factor points below each customer)%n%n",
                "%n%s 客户信用评估（评分 0-100，越高越安全；每位客户下方为各因子得分）%n%n"), DemoPortfolio.TODAY);
        Table assessments = new Table(out, 8, 24, 11, 6, 6, 7, 14, 6, 18);
        assessments.row(t("customer", "客户"), t("name", "名称"), t("type", "类型"), t("score", "评分"), t("grade", "等级"),
                t("level", "预警"), t("limit", "建议额度"), t("term", "账期"), t("payment", "付款方式"));
        assessments.rule();
        for (DemoPortfolio.Account account : portfolio.accounts()) {
            CreditAssessment a = control.assess(account.snapshot());
            assessments.row(a.customerId(), account.customer().name(), account.customer().type().name(),
                    String.valueOf(a.score()), a.grade().name() + (a.newCustomer() ? "*" : ""), a.warningLevel().name(),
                    Format.amount(a.recommendedLimit().amount()), a.recommendedPaymentTermDays() + t("d", "天"),
                    a.recommendedPaymentMethod().name().toLowerCase().replace('_', ' '));
            out.printf("%10s%s%n", "", a.factors().stream().filter(f -> f.points() != 0 || !f.value().equals("none"))
                    .map(f -> control.text("factor." + f.factor()).orElse(f.factor()) + "=" + f.value() + ":" + f.points())
                    .collect(Collectors.joining("  ")));
            for (Reason r : a.reasons()) out.printf("%10s└ %s%n", "", r.message());
        }
        assessments.rule();
        out.println(t("* new customer: too little payment history to score, graded by its type",
                "* 新客户：付款记录太少，无法评分，按客户类型定级"));
    }

    /** Warnings that act, a split order, a refused shipment and an applied release, on the day's portfolio. */
    private static void lifecycle(PrintStream out, CreditControl control, DemoPortfolio portfolio, List<OrderRequest> orders) {
        out.printf(t("%nOrder lifecycle%n%n", "%n订单生命周期%n%n"));
        // 1. Warnings act: the level of each customer's assessment goes into its snapshot.
        for (DemoPortfolio.Account account : portfolio.accounts()) {
            CreditAssessment a = control.assess(account.snapshot());
            if (a.warningLevel() != dev.creditcontrol.decision.WarningLevel.RED) continue;
            CustomerSnapshot red = withLevel(account.snapshot(), a.warningLevel());
            OrderRequest credit = OrderRequest.builder("SO-RED-1", account.customer().id(), DemoPortfolio.TODAY)
                    .line("GLOVE-1", DeviceClass.I, "14", Money.cny("8000")).build();
            show(out, t("RED customer " + account.customer().id() + ", a credit order", "红色预警客户 " + account.customer().id() + " 的赊销订单"),
                    control.checkOrder(credit, red));
            ShipmentRequest ship = ShipmentRequest.builder("DN-RED-1", "SO-OLD-7", account.customer().id(), DemoPortfolio.TODAY)
                    .line("GLOVE-1", DeviceClass.I, "14", Money.cny("8000")).build();
            show(out, t("RED customer " + account.customer().id() + ", a shipment of an earlier credit order",
                    "红色预警客户 " + account.customer().id() + " 先前赊销订单的发货"), control.checkShipment(ship, red));
            break;
        }
        // 2. A split order: a class III line outside the buyer's licence scope is named; the rest can go.
        for (DemoPortfolio.Account account : portfolio.accounts()) {
            if (account.customer().type() != dev.creditcontrol.model.CustomerType.DISTRIBUTOR) continue;
            OrderRequest mixed = OrderRequest.builder("SO-MIX-1", account.customer().id(), DemoPortfolio.TODAY)
                    .line("GLOVE-1", DeviceClass.I, "14", Money.cny("3000"))
                    .line("IMPLANT-9", DeviceClass.III, "13", Money.cny("60000")).build();
            CreditDecision d = control.checkOrder(mixed, account.snapshot());
            if (!d.blockedSkus().equals(java.util.Set.of("IMPLANT-9"))) continue;
            show(out, t("order SO-MIX-1 of " + account.customer().id() + " (blocked lines: " + d.blockedSkus() + ")",
                    account.customer().id() + " 的订单 SO-MIX-1（被拦截的行：" + d.blockedSkus() + "）"), d);
            OrderRequest rest = OrderRequest.builder("SO-MIX-1A", account.customer().id(), DemoPortfolio.TODAY)
                    .line("GLOVE-1", DeviceClass.I, "14", Money.cny("3000")).build();
            show(out, t("the same order without IMPLANT-9", "去掉 IMPLANT-9 后的同一订单"), control.checkOrder(rest, account.snapshot()));
            break;
        }
        // 3. An escalated order with a release from someone other than the requester.
        for (OrderRequest order : orders) {
            DemoPortfolio.Account account = portfolio.account(order.customerId());
            CreditDecision d = control.checkOrder(order, account.snapshot());
            if (d.outcome() != Outcome.ESCALATE || d.requiredApproval().isEmpty()) continue;
            OrderRequest.Builder released = OrderRequest.builder(order.orderId(), order.customerId(), order.orderDate())
                    .paymentMethod(order.paymentMethod()).requestedBy("sales.wang")
                    .release(new Release("credit.li", d.requiredApproval().get(), "customer confirmed payment plan",
                            order.total(), DemoPortfolio.TODAY.plusDays(3)));
            order.lines().forEach(l -> released.line(l.sku(), l.deviceClass(), l.category(), l.amount()));
            show(out, t("order " + order.orderId() + " held for " + d.requiredApproval().get() + ", with credit.li's release",
                    "待 " + control.text("approval." + d.requiredApproval().get()).orElse("") + " 审批的订单 " + order.orderId() + "，附 credit.li 的特批"),
                    control.checkOrder(released.build(), account.snapshot()));
            break;
        }
    }

    /** A USD order, a group at its pooled limit and a bill that keeps a distributor over its own. */
    private static void exposure(PrintStream out, CreditControl control, DemoPortfolio portfolio) {
        out.printf(t("%nExposure: currencies, credit groups, acceptance bills, securities%n%n", "%n信用占用：外币、集团额度、承兑汇票、担保%n%n"));
        ExchangeRates rates = ExchangeRates.builder().rate("USD", "CNY", LocalDate.of(2026, 1, 1), "7.10").build();
        CreditControl withRates = control.withExchangeRates(rates);
        DemoPortfolio.Account distributor = portfolio.accounts().stream()
                .filter(a -> a.customer().type() == dev.creditcontrol.model.CustomerType.DISTRIBUTOR)
                .filter(a -> control.checkOrder(cnyOrder(a, "SO-PROBE", "1000"), a.snapshot()).outcome() == Outcome.APPROVE)
                .findFirst().orElseThrow();
        CustomerSnapshot s = distributor.snapshot();
        Money limit = s.account().limitOn(DemoPortfolio.TODAY);
        Money exposure = control.assess(s).exposure();
        Money headroom = limit.minus(exposure);
        out.printf(t("%s %s: limit %s, exposure %s, headroom %s%n", "%s %s：额度 %s，占用 %s，余额 %s%n"), distributor.customer().id(),
                distributor.customer().name(), Format.money(limit), Format.money(exposure), Format.money(headroom));
        // 1. An imported device invoiced in USD: 1.02 x the headroom in USD is over the CNY limit at the rate of the order date.
        BigDecimal usdAmount = headroom.amount().multiply(new BigDecimal("1.02")).divide(new BigDecimal("7.10"), 2, java.math.RoundingMode.HALF_UP);
        OrderRequest usd = OrderRequest.builder("SO-USD-1", s.customer().id(), DemoPortfolio.TODAY)
                .line("MRI-COIL", DeviceClass.II, "07", Money.of(usdAmount, "USD")).build();
        show(out, t("order SO-USD-1 of " + Format.money(usd.total()) + " (rate USD→CNY 7.10 from 2026-01-01)",
                "订单 SO-USD-1，金额 " + Format.money(usd.total()) + "（汇率 USD→CNY 7.10，自 2026-01-01 起）"), withRates.checkOrder(usd, s));
        // 2. The customer's own limit allows the order; the group it shares a pooled limit with does not.
        Money pooled = Money.cny("10000000");
        CreditGroup group = new CreditGroup("G-华南医疗", pooled, pooled.minus(exposure).minus(Money.cny("20000")));
        show(out, t("order SO-GRP-1 of 30,000.00 CNY, group " + group.groupId() + " (pooled limit " + Format.money(group.limit())
                + ", other members " + Format.money(group.exposureOfOtherMembers()) + ")", "订单 SO-GRP-1，金额 30,000.00 CNY，集团 "
                + group.groupId() + "（共享额度 " + Format.money(group.limit()) + "，其他成员占用 " + Format.money(group.exposureOfOtherMembers()) + "）"), control.checkOrder(cnyOrder(distributor, "SO-GRP-1", "30000"), copy(s).group(group).build()));
        // 3. A commercial acceptance bill not yet matured is a payment at risk; a bank guarantee raises the limit.
        Money half = Money.rounded(headroom.amount().divide(new BigDecimal("2")), "CNY");
        String orderAmount = headroom.amount().multiply(new BigDecimal("0.6")).setScale(0, java.math.RoundingMode.DOWN).toPlainString();
        show(out, t("order SO-BILL-1 of " + orderAmount + " CNY", "订单 SO-BILL-1，金额 " + orderAmount + " CNY"),
                control.checkOrder(cnyOrder(distributor, "SO-BILL-1", orderAmount), s));
        AcceptanceBill bill = new AcceptanceBill("CAB-20260601", BillType.COMMERCIAL, half, DemoPortfolio.TODAY.plusDays(90));
        show(out, t("the same order, the customer having paid with commercial bill " + bill.billNumber() + " of " + Format.money(bill.amount())
                + " maturing " + bill.matures(), "同一订单，客户已用商业承兑汇票 " + bill.billNumber() + "（" + Format.money(bill.amount())
                + "，" + bill.matures() + " 到期）付款"), control.checkOrder(cnyOrder(distributor, "SO-BILL-1", orderAmount), copy(s).acceptanceBill(bill).build()));
        Security guarantee = new Security(SecurityType.BANK_GUARANTEE, half, DemoPortfolio.TODAY.plusMonths(6));
        show(out, t("the same, with a bank guarantee of " + Format.money(guarantee.amount()), "同上，另有银行保函 "
                + Format.money(guarantee.amount())), control.checkOrder(
                cnyOrder(distributor, "SO-BILL-1", orderAmount), copy(s).acceptanceBill(bill).security(guarantee).build()));
    }

    /** The aging table, the notices of the day and the HTML portfolio report. */
    private static void receivables(PrintStream out, CreditControl control, DemoPortfolio portfolio) {
        List<dev.creditcontrol.rules.analyst.ReceivablesPortfolio.Notice> notices = new java.util.ArrayList<>();
        var summary = dev.creditcontrol.rules.analyst.ReceivablesPortfolio.builder(control).threads(2)
                .notices(notices::add).build()
                .run(portfolio.accounts().stream().map(DemoPortfolio.Account::snapshot).iterator());
        out.printf(t("%nReceivables on %s: %s CNY open, provision %s CNY%n%n", "%n%s 应收账款：未收 %s CNY，坏账准备 %s CNY%n%n"),
                summary.asOf(), Format.amount(summary.open()), Format.amount(summary.provision()));
        int[] widths = new int[summary.buckets().size() + 2];
        java.util.Arrays.fill(widths, 12);
        widths[0] = 11;
        Table aging = new Table(out, widths);
        List<String> header = new java.util.ArrayList<>(List.of(t("type", "类型")));
        header.addAll(summary.buckets().stream().map(b -> b.equals("current") ? t("current", "未到期") : b).toList());
        header.add(t("provision", "坏账准备"));
        aging.row(header.toArray(String[]::new));
        aging.rule();
        summary.openPerTypeBucket().forEach((type, buckets) -> {
            List<String> row = new java.util.ArrayList<>(List.of(type.name()));
            summary.buckets().forEach(b -> row.add(Format.amount(buckets.getOrDefault(b, BigDecimal.ZERO))));
            row.add(Format.amount(summary.provisionPerType().getOrDefault(type, BigDecimal.ZERO)));
            aging.row(row.toArray(String[]::new));
        });
        aging.rule();
        out.printf(t("%nNotices of the day (%d; the first 12 by dunning level)%n", "%n今日催收通知（共 %d 条；按催收级别列出前 12 条）%n"),
                summary.noticeCount());
        notices.stream().sorted(java.util.Comparator.comparingInt((dev.creditcontrol.rules.analyst.ReceivablesPortfolio.Notice n)
                        -> n.action().dunningLevel()).reversed().thenComparing(n -> n.customerId())).limit(12)
                .forEach(n -> out.printf("  %-6s %s L%d %s: %s%n", n.customerId(),
                        control.text("tone." + n.action().tone()).orElse(n.action().tone().name()), n.action().dunningLevel(),
                        n.customerName(), n.action().message()));
        java.nio.file.Path dir = java.nio.file.Files.isDirectory(java.nio.file.Path.of("credit-examples"))
                ? java.nio.file.Path.of("credit-examples", "target") : java.nio.file.Path.of("target");
        java.nio.file.Path html = dir.resolve("portfolio-report.html").toAbsolutePath();
        try {
            java.nio.file.Files.createDirectories(dir);
            try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
                dev.creditcontrol.rules.analyst.PortfolioReport.html(summary, w);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + html, e);
        }
        out.printf(t("%nPortfolio report with charts: %s (open it in any browser; it needs no network)%n",
                "%n带图表的组合报告：%s（用任意浏览器打开，无需联网）%n"), html);
    }

    private static OrderRequest cnyOrder(DemoPortfolio.Account account, String id, String amount) {
        return OrderRequest.builder(id, account.customer().id(), DemoPortfolio.TODAY)
                .line("GLOVE-1", DeviceClass.I, "14", Money.cny(amount)).build();
    }

    /** A builder holding everything the snapshot holds, to add to it. */
    private static CustomerSnapshot.Builder copy(CustomerSnapshot s) {
        CustomerSnapshot.Builder b = CustomerSnapshot.builder(s.customer(), s.account(), s.asOf()).openOrders(s.openOrders())
                .deliveredNotInvoiced(s.deliveredNotInvoiced()).financials(s.financials()).warningLevel(s.warningLevel());
        s.receivables().forEach(b::receivable);
        s.acceptanceBills().forEach(b::acceptanceBill);
        s.securities().forEach(b::security);
        s.group().ifPresent(b::group);
        return b;
    }

    private static CustomerSnapshot withLevel(CustomerSnapshot s, dev.creditcontrol.decision.WarningLevel level) {
        return copy(s).warningLevel(level).build();
    }

    private static void show(PrintStream out, String what, CreditDecision d) {
        out.printf("%s: %s%s%n", what, d.outcome(), d.requiredApproval().map(l -> " → " + l).orElse(""));
        for (Reason r : d.reasons()) {
            out.printf("   └ %s%s%n", r.message(), r.skus().isEmpty() ? "" : " " + r.skus());
        }
    }

    /** A plain-text table that pads by display width, so Chinese names line up. */
    private record Table(PrintStream out, int... widths) {
        void row(String... cells) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cells.length; i++) b.append(pad(cells[i], widths[i])).append(i < cells.length - 1 ? "  " : "");
            out.println(b.toString().stripTrailing());
        }

        void rule() {
            int total = 0;
            for (int w : widths) total += w + 2;
            out.println("-".repeat(total - 2));
        }

        /** Display columns of a character: two for Chinese characters and full-width forms. */
        static int width(int cp) {
            return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || (cp >= 0xFF00 && cp <= 0xFFEF)
                    || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1;
        }

        /** Display columns of a text. */
        static int width(String s) {
            return s.codePoints().map(Table::width).sum();
        }

        static String pad(String s, int width) {
            StringBuilder b = new StringBuilder();
            int used = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                int w = width(cp);
                if (used + w > width) break;
                b.appendCodePoint(cp);
                used += w;
                i += Character.charCount(cp);
            }
            return b.append(" ".repeat(width - used)).toString();
        }
    }

    private DemoDay() {}
}
