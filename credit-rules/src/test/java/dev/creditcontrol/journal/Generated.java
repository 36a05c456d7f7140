package dev.creditcontrol.journal;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.Release;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.model.AcceptanceBill;
import dev.creditcontrol.model.BillType;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CreditGroup;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.ExchangeRateSource;
import dev.creditcontrol.model.Financials;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.PaymentMethod;
import dev.creditcontrol.model.Receivable;
import dev.creditcontrol.model.Security;
import dev.creditcontrol.model.SecurityType;
import dev.creditcontrol.model.ShipmentRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Generated model values for property tests of the JSON form and the journal: every field exercised. */
final class Generated {
    static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    static final List<String> CURRENCIES = List.of("CNY", "CNY", "CNY", "USD", "JPY", "EUR");
    /** Units of CNY per unit of each currency: any pair converts through CNY, on any date. */
    private static final Map<String, BigDecimal> IN_CNY = Map.of("CNY", BigDecimal.ONE, "USD", new BigDecimal("7.10"),
            "JPY", new BigDecimal("0.047"), "EUR", new BigDecimal("7.8333"));
    static final ExchangeRateSource RATES = (from, to, on) -> Optional.of(IN_CNY.get(from).divide(IN_CNY.get(to), MathContext.DECIMAL64));

    private Generated() {}

    static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars('-', '_', ' ').ofMinLength(1).ofMaxLength(12)
                        .filter(s -> !s.isBlank()),
                Arbitraries.of("第一人民医院", "广州康健医疗器械有限公司", "Clínica São José", "\"quoted\" \\ name", "集团-1"));
    }

    static Arbitrary<Money> money(String currency, long maxUnits) {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        long scale = (long) Math.pow(10, digits);
        return Arbitraries.longs().between(0, maxUnits * scale).map(n -> Money.of(BigDecimal.valueOf(n, digits), currency));
    }

    static Arbitrary<Money> anyMoney(long maxUnits) {
        return Arbitraries.of(CURRENCIES).flatMap(c -> money(c, maxUnits));
    }

    static Arbitrary<LocalDate> dateAround(int daysBefore, int daysAfter) {
        return Arbitraries.integers().between(-daysBefore, daysAfter).map(DAY::plusDays);
    }

    static Arbitrary<Licence> licence() {
        return Combinators.combine(Arbitraries.of(LicenceType.class), text(), dateAround(3000, 0),
                        Arbitraries.integers().between(0, 4000).injectNull(0.3), Arbitraries.of("07", "14", "22", "06").set().ofMaxSize(3))
                .as((type, number, from, days, scope) -> new Licence(type, number, from, days == null ? null : from.plusDays(days), scope));
    }

    static Arbitrary<Customer> customer() {
        return Combinators.combine(text(), text(), Arbitraries.of(CustomerType.class), dateAround(5000, 0).injectNull(0.3),
                licence().list().ofMaxSize(3)).as((id, name, type, since, licences) -> {
                    Customer.Builder b = Customer.builder(id, name, type);
                    if (since != null) b.since(since);
                    licences.forEach(b::licence);
                    return b.build();
                });
    }

    static Arbitrary<CreditAccount> account(String currency) {
        return Combinators.combine(money(currency, 50_000_000), money(currency, 1_000_000).injectNull(0.7),
                Arbitraries.integers().between(0, 365), dateAround(300, 900).injectNull(0.3),
                Arbitraries.of(CreditGrade.class).injectNull(0.3), Arbitraries.of(true, false, false, false),
                Arbitraries.of(true, true, true, false)).as((limit, increase, term, until, grade, frozen, checked) -> {
                    CreditAccount.Builder b = CreditAccount.builder(limit).paymentTermDays(term).frozen(frozen);
                    if (increase != null) b.temporaryIncrease(increase, DAY.plusDays(term));
                    if (until != null) b.validUntil(until);
                    if (grade != null) b.grade(grade);
                    if (!checked) b.withoutLimitCheck();
                    return b.build();
                });
    }

    static Arbitrary<Receivable> receivable(int i) {
        return Combinators.combine(anyMoney(2_000_000), Arbitraries.integers().between(0, 700), Arbitraries.integers().between(0, 180),
                Arbitraries.integers().between(-1, 400)).as((amount, age, term, paidAfter) -> {
                    LocalDate issued = DAY.minusDays(age);
                    LocalDate due = issued.plusDays(term);
                    LocalDate paid = paidAfter < 0 ? null : due.plusDays(paidAfter - 30L);
                    if (paid != null && (paid.isAfter(DAY) || paid.isBefore(issued))) paid = null;
                    return paid == null ? Receivable.open("INV-" + i, amount, issued, due)
                            : Receivable.paid("INV-" + i, amount, issued, due, paid);
                });
    }

    private record Position(Customer customer, CreditAccount account, List<Receivable> receivables, Money openOrders, Money dni) {}

    private record Extras(Financials financials, WarningLevel level, CreditGroup group, List<Object[]> bills, List<Security> securities) {}

    static Arbitrary<CustomerSnapshot> snapshot() {
        Arbitrary<Position> position = Arbitraries.of(CURRENCIES).flatMap(currency -> Combinators.combine(customer(), account(currency),
                Arbitraries.integers().between(0, 20).flatMap(n -> Combinators.combine(
                        java.util.stream.IntStream.range(0, n).mapToObj(Generated::receivable).toList()).as(l -> l)),
                anyMoney(1_000_000), anyMoney(1_000_000)).as(Position::new));
        Arbitrary<Extras> extras = Combinators.combine(
                Combinators.combine(Arbitraries.integers().between(0, 100).injectNull(0.5),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(2).injectNull(0.5),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.TEN).ofScale(2).injectNull(0.5))
                        .as((score, debt, ratio) -> new Financials(score == null ? OptionalInt.empty() : OptionalInt.of(score),
                                Optional.ofNullable(debt), Optional.ofNullable(ratio))),
                Arbitraries.of(WarningLevel.class),
                Combinators.combine(text(), anyMoney(90_000_000), anyMoney(50_000_000)).as(CreditGroup::new).injectNull(0.6),
                Combinators.combine(Arbitraries.of(BillType.class), anyMoney(500_000), dateAround(30, 180))
                        .as((t, a, m) -> new Object[] {t, a, m}).list().ofMaxSize(2),
                Combinators.combine(Arbitraries.of(SecurityType.class), anyMoney(500_000), dateAround(30, 400).injectNull(0.3))
                        .as(Security::new).list().ofMaxSize(2)).as(Extras::new);
        return Combinators.combine(position, extras).as((p, x) -> {
            CustomerSnapshot.Builder b = CustomerSnapshot.builder(p.customer(), p.account(), DAY).openOrders(p.openOrders())
                    .deliveredNotInvoiced(p.dni()).financials(x.financials()).warningLevel(x.level());
            p.receivables().forEach(b::receivable);
            if (x.group() != null) b.group(x.group());
            for (int i = 0; i < x.bills().size(); i++) {
                Object[] bill = x.bills().get(i);
                b.acceptanceBill(new AcceptanceBill("CAB-" + i, (BillType) bill[0], (Money) bill[1], (LocalDate) bill[2]));
            }
            x.securities().forEach(b::security);
            return b.build();
        });
    }

    /** An order of the snapshot's customer, in any currency, possibly with a requester and a release. */
    static Arbitrary<OrderRequest> orderFor(CustomerSnapshot s) {
        return Arbitraries.of(CURRENCIES).flatMap(currency -> Combinators.combine(text(),
                Combinators.combine(text(), Arbitraries.of(DeviceClass.class), Arbitraries.of("07", "14", "22", "06"),
                        money(currency, 3_000_000)).as((sku, cls, cat, amount) -> new Object[] {sku, cls, cat, amount})
                        .list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(PaymentMethod.class), text().injectNull(0.5), release(currency).injectNull(0.6))
                .as((id, lines, payment, by, release) -> {
                    OrderRequest.Builder b = OrderRequest.builder(id, s.customer().id(), DAY).paymentMethod(payment);
                    lines.forEach(l -> b.line((String) l[0], (DeviceClass) l[1], (String) l[2], (Money) l[3]));
                    if (by != null) b.requestedBy(by);
                    if (release != null) b.release(release);
                    return b.build();
                }));
    }

    static Arbitrary<Release> release(String currency) {
        return Combinators.combine(text(), Arbitraries.of(ApprovalLevel.class), text(), money(currency, 5_000_000), dateAround(10, 30))
                .as(Release::new);
    }

    static ShipmentRequest shipmentOf(OrderRequest o, String shipmentId) {
        ShipmentRequest.Builder b = ShipmentRequest.builder(shipmentId, o.orderId(), o.customerId(), o.orderDate())
                .paymentMethod(o.paymentMethod());
        o.lines().forEach(l -> b.line(l.sku(), l.deviceClass(), l.category(), l.amount()));
        o.requestedBy().ifPresent(b::requestedBy);
        o.release().ifPresent(b::release);
        return b.build();
    }

}
