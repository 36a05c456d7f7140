package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.Financials;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderLine;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.PaymentMethod;
import dev.creditcontrol.model.Receivable;
import dev.creditcontrol.model.ShipmentRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the model objects of one scenario row: cells parsed by {@link ScenarioCells}, empty cells
 * filled from the {@link ScenarioDefaults} (or refused when there is none), every bad cell
 * reported (as {@code file:line: column 'x': message (value 'v')}) rather than thrown.
 */
final class ScenarioBuilder {
    private final ScenarioCsv.Row row;
    private final ScenarioDefaults defaults;
    private final List<String> problems;

    private ScenarioBuilder(ScenarioCsv.Row row, ScenarioDefaults defaults, List<String> problems) {
        this.row = row;
        this.defaults = defaults;
        this.problems = problems;
    }

    /** The row's scenario, or empty after adding what is wrong with it to {@code problems}. */
    static Optional<Scenario> build(ScenarioCsv.Row row, ScenarioDefaults defaults, List<String> problems) {
        return new ScenarioBuilder(row, defaults, problems).scenario();
    }

    /** The row's {@code bad} label, or empty (with a problem when {@code required}). */
    static Optional<Boolean> label(ScenarioCsv.Row row, boolean required, List<String> problems) {
        ScenarioBuilder b = new ScenarioBuilder(row, ScenarioDefaults.NONE, problems);
        if (row.cell("bad").isEmpty()) {
            if (required) problems.add(row.where() + ": column 'bad' is empty: a labelled history needs true or false on every row");
            return Optional.empty();
        }
        return Optional.ofNullable(b.parse("bad", null, ScenarioCells::bool));
    }

    private <T> T parse(String column, T fallback, Function<String, T> parser) {
        String value = row.cell(column);
        if (value.isEmpty()) return fallback;
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problems.add(row.where() + ": column '" + column + "': " + message + " (value '" + value + "')");
            return fallback;
        }
    }

    /** A cell that has a default: the cell, else the default, else a problem. */
    private <T> T required(String column, Optional<T> fallback, Function<String, T> parser) {
        if (row.cell(column).isEmpty() && fallback.isEmpty()) {
            problems.add(row.where() + ": column '" + column + "' is empty and no " + ScenarioDefaults.FILE + " gives a default");
            return null;
        }
        return parse(column, fallback.orElse(null), parser);
    }

    private Optional<Scenario> scenario() {
        int before = problems.size();
        String name = row.cell("case").isEmpty() ? "row " + row.line() : row.cell("case");
        LocalDate orderDate = required("orderDate", defaults.orderDate(), v -> {
            if (v.startsWith("+") || v.startsWith("-")) throw new IllegalArgumentException("the order date must be a date (YYYY-MM-DD)");
            return ScenarioCells.date(v, LocalDate.EPOCH);
        });
        String currency = required("currency", defaults.currency(), v -> Money.of("0", v).currencyCode());
        CustomerType type = required("customerType", Optional.empty(), v -> ScenarioCells.enumValue(CustomerType.class, v));
        if (row.cell("lines").isEmpty()) problems.add(row.where() + ": column 'lines' is empty");
        if (problems.size() > before) return Optional.empty();
        List<OrderLine> lines = parse("lines", List.of(), v -> ScenarioCells.lines(v, currency));
        LocalDate asOf = parse("asOf", orderDate, v -> ScenarioCells.date(v, orderDate));
        String customerId = parse("customerId", "C-" + row.line(), v -> v);
        try {
            Customer customer = customer(customerId, type, orderDate);
            CreditAccount account = account(orderDate, currency);
            CustomerSnapshot snapshot = snapshot(customer, account, asOf, orderDate, currency);
            String orderId = parse("orderId", "SO-" + row.line(), v -> v);
            PaymentMethod payment = parse("payment", PaymentMethod.CREDIT, v -> ScenarioCells.enumValue(PaymentMethod.class, v));
            String requestedBy = parse("requestedBy", null, v -> v);
            dev.creditcontrol.decision.Release release = parse("release", null, v -> ScenarioCells.release(v, orderDate, currency));
            OrderRequest.Builder order = OrderRequest.builder(orderId, customerId, orderDate).paymentMethod(payment);
            lines.forEach(l -> order.line(l.sku(), l.deviceClass(), l.category(), l.amount()));
            if (requestedBy != null) order.requestedBy(requestedBy);
            if (release != null) order.release(release);
            Optional<ShipmentRequest> shipment = Optional.empty();
            dev.creditcontrol.decision.Checkpoint checkpoint = parse("checkpoint", dev.creditcontrol.decision.Checkpoint.ORDER,
                    v -> ScenarioCells.enumValue(dev.creditcontrol.decision.Checkpoint.class, v));
            if (checkpoint == dev.creditcontrol.decision.Checkpoint.SHIPMENT) {
                // the same lines, shipped on the order date, for the order they belong to
                ShipmentRequest.Builder s = ShipmentRequest.builder(parse("shipmentId", "DN-" + row.line(), v -> v), orderId, customerId,
                        orderDate).paymentMethod(payment);
                lines.forEach(l -> s.line(l.sku(), l.deviceClass(), l.category(), l.amount()));
                if (requestedBy != null) s.requestedBy(requestedBy);
                if (release != null) s.release(release);
                shipment = Optional.of(s.build());
            }
            Optional<Outcome> outcome = Optional.ofNullable(parse("expectedOutcome", null, v -> ScenarioCells.enumValue(Outcome.class, v)));
            Optional<Set<String>> reasons = Optional.ofNullable(parse("expectedReasons", null, ScenarioCells::codes));
            Optional<ApprovalLevel> approval = Optional.ofNullable(parse("expectedApproval", null,
                    v -> ScenarioCells.enumValue(ApprovalLevel.class, v)));
            Optional<CreditGrade> grade = Optional.ofNullable(parse("expectedGrade", null, v -> ScenarioCells.enumValue(CreditGrade.class, v)));
            Optional<WarningLevel> level = Optional.ofNullable(parse("expectedLevel", null, v -> ScenarioCells.enumValue(WarningLevel.class, v)));
            if (problems.size() > before || lines.isEmpty()) return Optional.empty();
            Optional<Set<String>> blocked = Optional.ofNullable(parse("expectedBlocked", null, ScenarioCells::codes));
            Optional<dev.creditcontrol.model.ExchangeRates> rates = Optional.ofNullable(
                    parse("rates", null, v -> ScenarioCells.rates(v, orderDate)));
            Scenario.Review review = new Scenario.Review(
                    Optional.ofNullable(parse("expectedDunningLevel", null, Integer::valueOf)),
                    Optional.ofNullable(parse("expectedProvision", null, v -> new BigDecimal(v))),
                    Optional.ofNullable(parse("expectedNotices", null, ScenarioCells::codes)));
            Integer previousScore = parse("previousScore", null, Integer::valueOf);
            CreditGrade previousGrade = parse("previousGrade", null, v -> ScenarioCells.enumValue(CreditGrade.class, v));
            if ((previousScore == null) != (previousGrade == null)) {
                problems.add(row.where() + ": previousScore and previousGrade come together (the previous assessment's score and grade)");
            }
            if (problems.size() > before) return Optional.empty();
            Optional<Scenario.Previous> previous = previousScore == null ? Optional.empty()
                    : Optional.of(new Scenario.Previous(previousScore, previousGrade));
            return Optional.of(new Scenario(name, row.where(), order.build(), snapshot, outcome, reasons, approval, grade, level,
                    shipment, blocked, rates, review, previous));
        } catch (IllegalArgumentException e) {
            problems.add(row.where() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Customer customer(String id, CustomerType type, LocalDate orderDate) {
        Customer.Builder customer = Customer.builder(id, parse("customerName", id, v -> v), type);
        LocalDate since = parse("since", null, v -> ScenarioCells.date(v, orderDate));
        if (since != null) customer.since(since);
        parse("licences", unlimitedLicences(), v -> ScenarioCells.licences(v, orderDate)).forEach(customer::licence);
        return customer.build();
    }

    /**
     * A row that names no licences is not about licences: one licence of every type, valid and
     * unlimited, so whatever the rule set's licence table requires is met.
     */
    private static List<Licence> unlimitedLicences() {
        return Arrays.stream(LicenceType.values())
                .map(t -> new Licence(t, t.name() + "-1", LocalDate.of(2000, 1, 1), null, Set.of())).toList();
    }

    private CreditAccount account(LocalDate orderDate, String currency) {
        Money limit = required("limit", defaults.limit().map(l -> Money.of(l, currency)), v -> Money.of(v, currency));
        Integer term = required("paymentTermDays", defaults.paymentTermDays().isPresent()
                ? Optional.of(defaults.paymentTermDays().getAsInt()) : Optional.empty(), Integer::parseInt);
        if (limit == null || term == null) throw new IllegalArgumentException("the account cannot be built");
        CreditAccount.Builder account = CreditAccount.builder(limit).paymentTermDays(term)
                .frozen(parse("frozen", false, ScenarioCells::bool));
        CreditGrade grade = parse("grade", null, v -> ScenarioCells.enumValue(CreditGrade.class, v));
        if (grade != null) account.grade(grade);
        LocalDate until = parse("limitValidUntil", null, v -> ScenarioCells.date(v, orderDate));
        if (until != null) account.validUntil(until);
        CreditAccount.TemporaryIncrease increase = parse("temporaryIncrease", null,
                v -> ScenarioCells.temporaryIncrease(v, orderDate, currency));
        if (increase != null) account.temporaryIncrease(increase.amount(), increase.validUntil());
        if (!parse("limitCheck", true, ScenarioCells::bool)) account.withoutLimitCheck();
        return account.build();
    }

    private CustomerSnapshot snapshot(Customer customer, CreditAccount account, LocalDate asOf, LocalDate orderDate, String currency) {
        CustomerSnapshot.Builder snapshot = CustomerSnapshot.builder(customer, account, asOf)
                .warningLevel(parse("warningLevel", WarningLevel.GREEN, v -> ScenarioCells.enumValue(WarningLevel.class, v)))
                .deliveredNotInvoiced(parse("deliveredNotInvoiced", Money.zero(currency), v -> ScenarioCells.money(v, currency)))
                .openOrders(parse("openOrders", Money.zero(currency), v -> ScenarioCells.money(v, currency)))
                .financials(new Financials(
                        parse("thirdPartyScore", OptionalInt.empty(), v -> OptionalInt.of(Integer.parseInt(v))),
                        parse("debtToAssets", Optional.empty(), v -> Optional.of(new BigDecimal(v))),
                        parse("currentRatio", Optional.empty(), v -> Optional.of(new BigDecimal(v)))));
        // Shorthand for one open invoice: its amount and how many days past due it is.
        Money open = parse("openReceivables", null, v -> ScenarioCells.money(v, currency));
        if (open != null) {
            LocalDate due = asOf.minusDays(parse("overdueDays", 0, Integer::parseInt));
            snapshot.receivable(Receivable.open("OPEN-" + row.line(), open, due.minusDays(90), due));
        }
        parse("receivables", List.<Receivable>of(), v -> ScenarioCells.receivables(v, orderDate, currency)).forEach(snapshot::receivable);
        parse("bills", List.<dev.creditcontrol.model.AcceptanceBill>of(), v -> ScenarioCells.bills(v, orderDate, currency))
                .forEach(snapshot::acceptanceBill);
        parse("securities", List.<dev.creditcontrol.model.Security>of(), v -> ScenarioCells.securities(v, orderDate, currency))
                .forEach(snapshot::security);
        dev.creditcontrol.model.CreditGroup group = parse("group", null, v -> ScenarioCells.group(v, currency));
        if (group != null) snapshot.group(group);
        return snapshot.build();
    }
}
