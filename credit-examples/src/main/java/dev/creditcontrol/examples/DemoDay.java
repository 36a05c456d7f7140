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
 * as a table of decisions and reasons. Run with
 * {@code ./mvnw -q -pl credit-examples -am -DskipTests package exec:java}.
 */
public final class DemoDay {

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CreditControl control = CreditControl.withDefaultRules();
        RuleSetInfo rules = control.ruleSets().get(0);
        DemoPortfolio portfolio = DemoPortfolio.create();
        List<OrderRequest> orders = portfolio.ordersOfTheDay();
        out.printf("credit-control demo: %d orders from %d customers on %s, rule set %s %s (%s…)%n%n",
                orders.size(), portfolio.accounts().size(), DemoPortfolio.TODAY, rules.name(), rules.version(),
                rules.contentHash().substring(0, 12));
        Table table = new Table(out, 18, 8, 30, 12, 12, 10, 28);
        table.row("order", "customer", "name", "type", "amount", "payment", "decision");
        table.rule();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (OrderRequest order : orders) {
            DemoPortfolio.Account account = portfolio.account(order.customerId());
            CreditDecision d = control.checkOrder(order, account.snapshot());
            counts.merge(d.outcome(), 1, Integer::sum);
            String decision = d.outcome() + d.requiredApproval().map(l -> " → " + l.name().toLowerCase().replace('_', ' ')).orElse("");
            table.row(order.orderId(), order.customerId(), account.customer().name(), account.customer().type().name(),
                    order.total().amount().toPlainString(), order.paymentMethod().name().toLowerCase().replace('_', ' '), decision);
            for (Reason r : d.reasons()) out.printf("%20s└ %-27s %s%n", "", r.code(), r.message());
        }
        table.rule();
        out.println(counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("   ")));

        lifecycle(out, control, portfolio, orders);
        exposure(out, control, portfolio);
        receivables(out, control, portfolio);

        out.printf("%nCustomer assessments on %s (score 0-100, higher is safer; factor points below each customer)%n%n", DemoPortfolio.TODAY);
        Table assessments = new Table(out, 8, 30, 12, 6, 6, 7, 14, 6, 18);
        assessments.row("customer", "name", "type", "score", "grade", "level", "limit", "term", "payment");
        assessments.rule();
        for (DemoPortfolio.Account account : portfolio.accounts()) {
            CreditAssessment a = control.assess(account.snapshot());
            assessments.row(a.customerId(), account.customer().name(), account.customer().type().name(),
                    String.valueOf(a.score()), a.grade().name() + (a.newCustomer() ? "*" : ""), a.warningLevel().name(),
                    a.recommendedLimit().amount().toPlainString(), a.recommendedPaymentTermDays() + "d",
                    a.recommendedPaymentMethod().name().toLowerCase().replace('_', ' '));
            out.printf("%10s%s%n", "", a.factors().stream().filter(f -> f.points() != 0 || !f.value().equals("none"))
                    .map(f -> f.factor() + "=" + f.value() + ":" + f.points()).collect(Collectors.joining("  ")));
            for (Reason r : a.reasons()) out.printf("%10s└ %-22s %s%n", "", r.code(), r.message());
        }
        assessments.rule();
        out.println("* new customer: too little payment history to score, graded by its type");
    }

    /** Warnings that act, a split order, a refused shipment and an applied release, on the day's portfolio. */
    private static void lifecycle(PrintStream out, CreditControl control, DemoPortfolio portfolio, List<OrderRequest> orders) {
        out.printf("%nOrder lifecycle%n%n");
        // 1. Warnings act: the level of each customer's assessment goes into its snapshot.
        for (DemoPortfolio.Account account : portfolio.accounts()) {
            CreditAssessment a = control.assess(account.snapshot());
            if (a.warningLevel() != dev.creditcontrol.decision.WarningLevel.RED) continue;
            CustomerSnapshot red = withLevel(account.snapshot(), a.warningLevel());
            OrderRequest credit = OrderRequest.builder("SO-RED-1", account.customer().id(), DemoPortfolio.TODAY)
                    .line("GLOVE-1", DeviceClass.I, "14", Money.cny("8000")).build();
            show(out, "RED customer " + account.customer().id() + ", a credit order", control.checkOrder(credit, red));
            ShipmentRequest ship = ShipmentRequest.builder("DN-RED-1", "SO-OLD-7", account.customer().id(), DemoPortfolio.TODAY)
                    .line("GLOVE-1", DeviceClass.I, "14", Money.cny("8000")).build();
            show(out, "RED customer " + account.customer().id() + ", a shipment of an earlier credit order", control.checkShipment(ship, red));
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
            show(out, "order SO-MIX-1 of " + account.customer().id() + " (blocked lines: " + d.blockedSkus() + ")", d);
            OrderRequest rest = OrderRequest.builder("SO-MIX-1A", account.customer().id(), DemoPortfolio.TODAY)
                    .line("GLOVE-1", DeviceClass.I, "14", Money.cny("3000")).build();
            show(out, "the same order without IMPLANT-9", control.checkOrder(rest, account.snapshot()));
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
            show(out, "order " + order.orderId() + " held for " + d.requiredApproval().get() + ", with credit.li's release",
                    control.checkOrder(released.build(), account.snapshot()));
            break;
        }
    }

    /** A USD order, a group at its pooled limit and a bill that keeps a distributor over its own. */
    private static void exposure(PrintStream out, CreditControl control, DemoPortfolio portfolio) {
        out.printf("%nExposure: currencies, credit groups, acceptance bills, securities%n%n");
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
        out.printf("%s %s: limit %s, exposure %s, headroom %s%n", distributor.customer().id(), distributor.customer().name(),
                limit, exposure, headroom);
        // 1. An imported device invoiced in USD: 1.02 x the headroom in USD is over the CNY limit at the rate of the order date.
        BigDecimal usdAmount = headroom.amount().multiply(new BigDecimal("1.02")).divide(new BigDecimal("7.10"), 2, java.math.RoundingMode.HALF_UP);
        OrderRequest usd = OrderRequest.builder("SO-USD-1", s.customer().id(), DemoPortfolio.TODAY)
                .line("MRI-COIL", DeviceClass.II, "07", Money.of(usdAmount, "USD")).build();
        show(out, "order SO-USD-1 of " + usd.total() + " (rate USD→CNY 7.10 from 2026-01-01)", withRates.checkOrder(usd, s));
        // 2. The customer's own limit allows the order; the group it shares a pooled limit with does not.
        Money pooled = Money.cny("10000000");
        CreditGroup group = new CreditGroup("G-华南医疗", pooled, pooled.minus(exposure).minus(Money.cny("20000")));
        show(out, "order SO-GRP-1 of 30000.00 CNY, group " + group.groupId() + " (pooled limit " + group.limit() + ", other members "
                + group.exposureOfOtherMembers() + ")", control.checkOrder(cnyOrder(distributor, "SO-GRP-1", "30000"), copy(s).group(group).build()));
        // 3. A commercial acceptance bill not yet matured is a payment at risk; a bank guarantee raises the limit.
        Money half = Money.rounded(headroom.amount().divide(new BigDecimal("2")), "CNY");
        String orderAmount = headroom.amount().multiply(new BigDecimal("0.6")).setScale(0, java.math.RoundingMode.DOWN).toPlainString();
        show(out, "order SO-BILL-1 of " + orderAmount + " CNY", control.checkOrder(cnyOrder(distributor, "SO-BILL-1", orderAmount), s));
        AcceptanceBill bill = new AcceptanceBill("CAB-20260601", BillType.COMMERCIAL, half, DemoPortfolio.TODAY.plusDays(90));
        show(out, "the same order, the customer having paid with commercial bill " + bill.billNumber() + " of " + bill.amount()
                + " maturing " + bill.matures(), control.checkOrder(cnyOrder(distributor, "SO-BILL-1", orderAmount), copy(s).acceptanceBill(bill).build()));
        Security guarantee = new Security(SecurityType.BANK_GUARANTEE, half, DemoPortfolio.TODAY.plusMonths(6));
        show(out, "the same, with a bank guarantee of " + guarantee.amount(), control.checkOrder(
                cnyOrder(distributor, "SO-BILL-1", orderAmount), copy(s).acceptanceBill(bill).security(guarantee).build()));
    }

    /** The aging table, the notices of the day and the HTML portfolio report. */
    private static void receivables(PrintStream out, CreditControl control, DemoPortfolio portfolio) {
        List<dev.creditcontrol.rules.analyst.ReceivablesPortfolio.Notice> notices = new java.util.ArrayList<>();
        var summary = dev.creditcontrol.rules.analyst.ReceivablesPortfolio.builder(control).threads(2)
                .notices(notices::add).build()
                .run(portfolio.accounts().stream().map(DemoPortfolio.Account::snapshot).iterator());
        out.printf("%nReceivables on %s: %s CNY open, provision %s CNY (amounts in CNY)%n%n", summary.asOf(),
                summary.open().toPlainString(), summary.provision().toPlainString());
        int[] widths = new int[summary.buckets().size() + 2];
        java.util.Arrays.fill(widths, 12);
        Table aging = new Table(out, widths);
        List<String> header = new java.util.ArrayList<>(List.of("type"));
        header.addAll(summary.buckets());
        header.add("provision");
        aging.row(header.toArray(String[]::new));
        aging.rule();
        summary.openPerTypeBucket().forEach((type, buckets) -> {
            List<String> row = new java.util.ArrayList<>(List.of(type.name()));
            summary.buckets().forEach(b -> row.add(buckets.getOrDefault(b, BigDecimal.ZERO).toPlainString()));
            row.add(summary.provisionPerType().getOrDefault(type, BigDecimal.ZERO).toPlainString());
            aging.row(row.toArray(String[]::new));
        });
        aging.rule();
        out.printf("%nNotices of the day (%d; the first 12 by dunning level)%n", summary.noticeCount());
        notices.stream().sorted(java.util.Comparator.comparingInt((dev.creditcontrol.rules.analyst.ReceivablesPortfolio.Notice n)
                        -> n.action().dunningLevel()).reversed().thenComparing(n -> n.customerId())).limit(12)
                .forEach(n -> out.printf("  %-6s %-6s L%d %s: %s%n", n.customerId(), n.action().tone(), n.action().dunningLevel(),
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
        out.printf("%nPortfolio report with charts: %s (open it in any browser; it needs no network)%n", html);
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
            out.printf("   └ %-22s %s%s%n", r.code(), r.message(), r.skus().isEmpty() ? "" : " " + r.skus());
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

        static String pad(String s, int width) {
            StringBuilder b = new StringBuilder();
            int used = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                int w = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || (cp >= 0xFF00 && cp <= 0xFFEF) ? 2 : 1;
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
