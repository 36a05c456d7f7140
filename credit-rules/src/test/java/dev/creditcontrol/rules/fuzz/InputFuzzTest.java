package dev.creditcontrol.rules.fuzz;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Financials;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.PaymentMethod;
import dev.creditcontrol.model.Receivable;
import dev.creditcontrol.rules.CreditControl;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzed input, from plausible to absurd: every input is either refused with an
 * {@link IllegalArgumentException} naming the field, or accepted and then evaluated by
 * {@code checkOrder} and {@code assess} without any exception and without {@code ENGINE_ERROR}.
 */
class InputFuzzTest {
    private static final CreditControl CONTROL = CreditControl.withDefaultRules();
    /** The fields messages name: the model's field paths, or the check's own arguments. */
    private static final Pattern NAMES_A_FIELD = Pattern.compile(
            "\\b(order|line|snapshot|receivable|licence|customer|account|amount|currencyCode|financials|event|ruleSetVersion)[.\\s\\[]"
                    + "|\\bno rule set is in force on\\b");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    /** One fuzzed case, as raw parts; building the model from them is part of the test. */
    record Raw(String customerId, String orderCustomerId, String name, CustomerType type, String currency, String lineCurrency,
               String limit, String lineAmount, String sku, String category, DeviceClass cls, PaymentMethod payment,
               LocalDate orderDate, LocalDate asOf, LocalDate licenceUntil, Optional<CreditGrade> grade,
               List<RawReceivable> receivables, String debtToAssets, Integer score, String openOrders) {}

    /** An invoice issued {@code issuedBefore} days before the snapshot date (negative: after it, which must be refused). */
    record RawReceivable(String id, String amount, int issuedBefore, int dueAfter, Integer paidAfterDue) {}

    static Arbitrary<String> ids() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(12)),
                Tuple.of(1, Arbitraries.of("H-001", "第一人民医院", " ", "", "A\u200BB", "A\u202EB", "\uFEFFA", "A\u0000", "A\nB",
                        "\uD800", "X\u2028")),
                Tuple.of(1, Arbitraries.strings().ofMinLength(0).ofMaxLength(6)));
    }

    static Arbitrary<String> amounts(int validWeight) {
        return Arbitraries.frequencyOf(
                Tuple.of(validWeight, Arbitraries.bigDecimals().between(java.math.BigDecimal.ZERO, new java.math.BigDecimal("9999999"))
                        .ofScale(2).map(java.math.BigDecimal::toPlainString)),
                Tuple.of(validWeight, Arbitraries.of("0", "1000", "83", "2000000", "999999999999", "1E+3")),
                Tuple.of(1, Arbitraries.of("-5", "0.001", "1E+999999999", "1E+50000000", "1e-999999999", "0E+999999999", "abc",
                        " 12 ", "99999999999999999999", "83.42", "1.5", "NaN", "", "1_000")));
    }

    static Arbitrary<LocalDate> dates() {
        return Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.integers().between(-400, 400).map(DAY::plusDays)),
                Tuple.of(1, Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(1899, 12, 31), LocalDate.of(3000, 1, 1),
                        LocalDate.of(2025, 12, 31), LocalDate.EPOCH)));
    }

    static Arbitrary<String> currencies() {
        return Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.just("CNY")),
                Tuple.of(6, Arbitraries.of("JPY", "KRW", "USD", "EUR", "BHD")),
                Tuple.of(1, Arbitraries.of("XXX", "ABC", "", "cny")));
    }

    @Provide
    Arbitrary<Raw> cases() {
        Arbitrary<RawReceivable> receivable = Combinators.combine(ids(), amounts(400),
                Arbitraries.frequencyOf(Tuple.of(200, Arbitraries.integers().between(0, 800)),
                        Tuple.of(1, Arbitraries.of(-1, -100_000, Integer.MAX_VALUE))),
                Arbitraries.frequencyOf(Tuple.of(300, Arbitraries.integers().between(0, 200)), Tuple.of(1, Arbitraries.just(-1))),
                Arbitraries.integers().between(-10, 200).injectNull(0.5))
                .as(RawReceivable::new);
        Arbitrary<List<RawReceivable>> receivables = receivable.list().ofMaxSize(25).uniqueElements(RawReceivable::id);
        var a = Combinators.combine(ids(), ids(), Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.of("第一人民医院", "Clinic 7")),
                        Tuple.of(1, ids())), Arbitraries.of(CustomerType.class), currencies(), currencies(),
                amounts(10), amounts(10)).as((id, orderId, name, type, cur, lineCur, limit, lineAmount) ->
                new Object[]{id, orderId, name, type, cur, lineCur, limit, lineAmount});
        var b = Combinators.combine(ids(), Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.of("07", "22", "06")),
                        Tuple.of(1, Arbitraries.of(" ", "", "0\u200B7"))), Arbitraries.of(DeviceClass.class),
                Arbitraries.of(PaymentMethod.class), dates(), dates(), dates(), Arbitraries.of(CreditGrade.class).optional())
                .as((sku, cat, cls, pay, od, asOf, lic, grade) -> new Object[]{sku, cat, cls, pay, od, asOf, lic, grade});
        var c = Combinators.combine(receivables, Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.of("0.5", "0.71")),
                        Tuple.of(1, Arbitraries.of("-1", "x", "1E+9"))).injectNull(0.5),
                Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.integers().between(0, 100)),
                        Tuple.of(1, Arbitraries.of(-1, 101, Integer.MIN_VALUE))).injectNull(0.5), amounts(10))
                .as((rs, dta, score, open) -> new Object[]{rs, dta, score, open});
        return Combinators.combine(a, b, c).as(InputFuzzTest::raw);
    }

    @SuppressWarnings("unchecked")
    private static Raw raw(Object[] a, Object[] b, Object[] c) {
        return new Raw((String) a[0], (String) a[1], (String) a[2], (CustomerType) a[3], (String) a[4], (String) a[5],
                (String) a[6], (String) a[7], (String) b[0], (String) b[1], (DeviceClass) b[2], (PaymentMethod) b[3],
                (LocalDate) b[4], (LocalDate) b[5], (LocalDate) b[6], (Optional<CreditGrade>) b[7],
                (List<RawReceivable>) c[0], (String) c[1], (Integer) c[2], (String) c[3]);
    }

    /** Builds the model, as a host would, with the shape of the case; the order id is a fixed good one. */
    private static Object[] build(Raw r) {
        Customer customer = Customer.builder(r.customerId(), r.name(), r.type())
                .licence(new Licence(LicenceType.BUSINESS_LICENCE, "B-1", LocalDate.of(2000, 1, 1), null, Set.of()))
                .licence(new Licence(r.type() == CustomerType.HOSPITAL || r.type() == CustomerType.CLINIC
                        ? LicenceType.MEDICAL_INSTITUTION_LICENCE : LicenceType.DEVICE_OPERATION_LICENCE, "L-1",
                        LocalDate.of(2000, 1, 1), r.licenceUntil(), Set.of(r.category())))
                .build();
        CreditAccount.Builder account = CreditAccount.builder(Money.of(r.limit(), r.currency())).paymentTermDays(90);
        r.grade().ifPresent(account::grade);
        CustomerSnapshot.Builder snapshot = CustomerSnapshot.builder(customer, account.build(), r.asOf())
                .openOrders(Money.of(r.openOrders(), r.currency()))
                .financials(Financials.of(r.score(), r.debtToAssets(), null));
        for (RawReceivable x : r.receivables()) {
            LocalDate issued = plus(r.asOf(), -(long) x.issuedBefore());
            LocalDate due = plus(issued, x.dueAfter());
            LocalDate paid = x.paidAfterDue() == null ? null : plus(due, x.paidAfterDue());
            // a host records only payments it has seen: most paid dates fall on or before the snapshot
            if (paid != null && paid.isAfter(r.asOf()) && x.issuedBefore() % 7 != 0) paid = r.asOf();
            snapshot.receivable(paid == null ? Receivable.open(x.id(), Money.of(x.amount(), r.currency()), issued, due)
                    : Receivable.paid(x.id(), Money.of(x.amount(), r.currency()), issued, due, paid));
        }
        OrderRequest order = OrderRequest.builder("SO-FUZZ", r.orderCustomerId(), r.orderDate())
                .line(r.sku(), r.cls(), r.category(), Money.of(r.lineAmount(), r.lineCurrency()))
                .paymentMethod(r.payment()).build();
        return new Object[]{order, snapshot.build()};
    }

    /** The host's own date arithmetic, kept inside the calendar (the extremes are what the library must refuse). */
    private static LocalDate plus(LocalDate date, long days) {
        try {
            return date.plusDays(days);
        } catch (java.time.DateTimeException e) {
            return date;
        }
    }

    @Property(tries = 3000)
    void everyInputIsRefusedNamingAFieldOrDecidedWithoutAnEngineError(@ForAll("cases") Raw raw) {
        Object[] built;
        try {
            built = build(raw);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as("refusal names a field").containsPattern(NAMES_A_FIELD);
            Statistics.label("case").collect("model refused");
            return;
        }
        OrderRequest order = (OrderRequest) built[0];
        CustomerSnapshot snapshot = (CustomerSnapshot) built[1];
        try {
            CreditDecision d = CONTROL.checkOrder(order, snapshot);
            assertThat(d.hasReason("ENGINE_ERROR")).as("accepted input never ends in ENGINE_ERROR: %s", d.reasons()).isFalse();
            Statistics.label("case").collect("decided " + d.outcome());
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as("refusal names a field").containsPattern(NAMES_A_FIELD);
            Statistics.label("case").collect("check refused");
        }
        try {
            CONTROL.assess(snapshot);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as("refusal names a field").containsPattern(NAMES_A_FIELD);
        }
    }

    /** The same with the customer ids aligned, so that most cases reach the rules. */
    @Property(tries = 3000)
    void alignedInputIsDecidedWithoutAnEngineError(@ForAll("cases") Raw raw) {
        Raw aligned = new Raw(raw.customerId(), raw.customerId(), raw.name(), raw.type(), raw.currency(), raw.currency(),
                raw.limit(), raw.lineAmount(), raw.sku(), raw.category(), raw.cls(), raw.payment(), raw.orderDate(),
                raw.orderDate().isAfter(LocalDate.of(2999, 1, 1)) ? raw.asOf() : raw.orderDate(), raw.licenceUntil(),
                raw.grade(), new ArrayList<>(raw.receivables()), raw.debtToAssets(), raw.score(), raw.openOrders());
        everyInputIsRefusedNamingAFieldOrDecidedWithoutAnEngineError(aligned);
        // the fuzz is only worth something if a good share of it reaches the rules: about 31% does
        // (26-28% APPROVE, 4-5% REJECT over fresh seeds, 3,000 tries: one standard deviation is 0.85%),
        // so 20% fails only when the generator stops reaching them, not by the draw of a seed
        Statistics.label("case").coverage(c -> {
            c.checkQuery(v -> v.get(0).toString().startsWith("decided")).percentage(p -> p >= 20);
            c.check("decided APPROVE").percentage(p -> p < 95);
        });
    }
}
