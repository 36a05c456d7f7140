package dev.creditcontrol.examples;

import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.model.OrderRequest;
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
