package dev.creditcontrol.examples;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.decision.Release;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.ShipmentRequest;

import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.RuleSetInfo;

import java.io.PrintStream;
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

    private static CustomerSnapshot withLevel(CustomerSnapshot s, dev.creditcontrol.decision.WarningLevel level) {
        CustomerSnapshot.Builder b = CustomerSnapshot.builder(s.customer(), s.account(), s.asOf()).openOrders(s.openOrders())
                .deliveredNotInvoiced(s.deliveredNotInvoiced()).financials(s.financials()).warningLevel(level);
        s.receivables().forEach(b::receivable);
        return b.build();
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
