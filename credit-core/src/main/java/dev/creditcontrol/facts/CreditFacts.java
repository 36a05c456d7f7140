package dev.creditcontrol.facts;

import dev.creditcontrol.decision.Checkpoint;
import dev.creditcontrol.model.AcceptanceBill;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGroup;
import dev.creditcontrol.model.ExchangeRates;
import dev.creditcontrol.model.Security;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderLine;
import dev.creditcontrol.model.CreditRequest;
import dev.creditcontrol.model.PaymentMethod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The derived facts for one order: computed once, in Java, before rules run, every amount in the
 * credit account's currency.
 *
 * @param order         the order and account
 * @param exposure      exposure against the limit
 * @param overdue       overdue receivables
 * @param licenceChecks one check per (required licence type, device category)
 * @param group         the credit group's pooled limit, when the snapshot names a group
 */
public record CreditFacts(OrderFacts order, Exposure exposure, Overdue overdue, List<LicenceCheck> licenceChecks,
                          Optional<GroupExposure> group) {

    /** Copies the list. */
    public CreditFacts {
        licenceChecks = List.copyOf(licenceChecks);
        java.util.Objects.requireNonNull(group, "group");
    }

    /**
     * Derives the facts with the rule set's policy (licence table, windows), first checking that
     * order and snapshot belong together.
     *
     * @throws IllegalArgumentException naming the field when the order is for another customer or
     *                                  in another currency than the account
     */
    public static CreditFacts derive(CreditRequest order, CustomerSnapshot snapshot, FactPolicy policy) {
        if (snapshot == null) throw new IllegalArgumentException("snapshot is required but was null");
        if (order == null) throw new IllegalArgumentException("order is required but was null");
        return derive(order, snapshot, policy, Converter.of(ExchangeRates.none(), snapshot.account().currencyCode(), order.checkDate()));
    }

    /**
     * Derives the facts, converting every amount into the account's currency with {@code converter}
     * (the account's currency, the check date and the host's rates).
     *
     * @throws IllegalArgumentException naming the field when the order is for another customer, or
     *                                  an amount's currency has no rate on the check date (naming both currencies and the date)
     */
    public static CreditFacts derive(CreditRequest order, CustomerSnapshot snapshot, FactPolicy policy, Converter converter) {
        if (order == null) throw new IllegalArgumentException("order is required but was null");
        if (snapshot == null) throw new IllegalArgumentException("snapshot is required but was null");
        if (policy == null) throw new IllegalArgumentException("policy is required but was null");
        if (converter == null) throw new IllegalArgumentException("converter is required but was null");
        boolean shipment = order instanceof dev.creditcontrol.model.ShipmentRequest;
        String kind = shipment ? "shipment" : "order";
        if (!order.customerId().equals(snapshot.customer().id())) {
            throw new IllegalArgumentException(kind + ".customerId '" + order.customerId()
                    + "' does not match the snapshot's customer.id '" + snapshot.customer().id() + "'");
        }
        CreditAccount account = snapshot.account();
        LocalDate date = order.checkDate();
        if (!converter.currency().equals(account.currencyCode()) || !converter.on().equals(date)) {
            throw new IllegalArgumentException("converter must convert into the account's currency " + account.currencyCode()
                    + " on the check date " + date + ", not into " + converter.currency() + " on " + converter.on());
        }
        boolean creditSale = order.paymentMethod() == PaymentMethod.CREDIT;
        Money total = order.total();
        if (!total.currencyCode().equals(converter.currency())) {
            total = converter.convert(total, "line.amount (" + kind + " " + order.orderId() + ")");
        }
        OrderFacts orderFacts = new OrderFacts(order.orderId(), order.customerId(), snapshot.customer().type(), date,
                order.paymentMethod(), creditSale, total, order.total(), account.frozen(), account.grade().orElse(null),
                account.limitExpiredOn(date), account.validUntil().orElse(null),
                java.time.temporal.ChronoUnit.DAYS.between(snapshot.asOf(), date),
                shipment ? Checkpoint.SHIPMENT : Checkpoint.ORDER, snapshot.warningLevel(), account.paymentTermDays());
        Overdue overdue = overdue(snapshot, ReceivableLedger.scan(snapshot, policy, false, converter));
        // A shipment's order is already in the snapshot's open orders: it adds no exposure.
        Money zero = Money.zero(account.currencyCode());
        Money thisOrder = creditSale && !shipment ? total : zero;
        Exposure exposure = Exposure.of(account.limitOn(date), securityCover(snapshot, policy, converter, date, zero),
                account.limitChecked(), creditSale, overdue.openAmount(),
                converter.convert(snapshot.deliveredNotInvoiced(), "snapshot.deliveredNotInvoiced"),
                converter.convert(snapshot.openOrders(), "snapshot.openOrders"),
                billsAtRisk(snapshot, policy, converter, date, zero), thisOrder);
        return new CreditFacts(orderFacts, exposure, overdue, licenceChecks(order, snapshot, policy.licences()),
                group(snapshot, converter, creditSale, exposure.after()));
    }

    /** The same facts with the order judged on {@code grade} (the assessed grade of an ungraded account). */
    public CreditFacts withGrade(CreditGrade grade) {
        return new CreditFacts(order.withGrade(grade), exposure, overdue, licenceChecks, group);
    }

    /** All facts as a flat list, in a fixed order, for insertion into a rule session. */
    public List<Object> all() {
        List<Object> all = new ArrayList<>(4 + licenceChecks.size());
        all.add(order);
        all.add(exposure);
        all.add(overdue);
        all.addAll(licenceChecks);
        group.ifPresent(all::add);
        return all;
    }

    /**
     * Acceptance bills not matured on {@code date}, each converted and times its type's share
     * ({@code zero} when there are none). The order path and the assessment both use it, so a bill
     * never counts in one and not the other.
     */
    static Money billsAtRisk(CustomerSnapshot snapshot, FactPolicy policy, Converter converter, LocalDate date, Money zero) {
        if (snapshot.acceptanceBills().isEmpty()) return zero;
        BigDecimal sum = BigDecimal.ZERO;
        for (AcceptanceBill b : snapshot.acceptanceBills()) {
            if (!b.unmaturedOn(date)) continue;
            sum = sum.add(converter.convert(b.amount(), "bill.amount (bill " + b.billNumber() + ")").amount()
                    .multiply(policy.billShare(b.type())));
        }
        return converter.money(sum);
    }

    /** What the securities valid on {@code date} add to the limit: amount × coverage share, converted ({@code zero} when none). */
    static Money securityCover(CustomerSnapshot snapshot, FactPolicy policy, Converter converter, LocalDate date, Money zero) {
        if (snapshot.securities().isEmpty()) return zero;
        BigDecimal sum = BigDecimal.ZERO;
        for (Security s : snapshot.securities()) {
            if (!s.validOn(date)) continue;
            sum = sum.add(converter.convert(s.amount(), "security.amount (" + s.type() + ")").amount()
                    .multiply(policy.securityShare(s.type())));
        }
        return converter.money(sum);
    }

    /** The group's pooled limit against its exposure after the order, when the snapshot names a group. */
    static Optional<GroupExposure> group(CustomerSnapshot snapshot, Converter converter, boolean creditSale, Money customerAfter) {
        if (snapshot.group().isEmpty()) return Optional.empty();
        CreditGroup g = snapshot.group().get();
        return Optional.of(GroupExposure.of(g.groupId(), creditSale, converter.convert(g.limit(), "group.limit (group " + g.groupId() + ")"),
                converter.convert(g.exposureOfOtherMembers(), "group.exposureOfOtherMembers (group " + g.groupId() + ")"),
                customerAfter));
    }

    private static Overdue overdue(CustomerSnapshot snapshot, ReceivableLedger l) {
        BigDecimal share = l.open.signum() == 0 ? BigDecimal.ZERO.setScale(4)
                : l.overdue.divide(l.open, 4, RoundingMode.HALF_UP);
        String currency = snapshot.account().currencyCode();
        return new Overdue(snapshot.customer().type(), snapshot.asOf(), l.openItems, l.overdueItems,
                Math.toIntExact(l.oldestDaysOverdue), Money.of(l.open, currency), Money.of(l.overdue, currency), share);
    }

    private record Requirement(LicenceType type, String category) {}

    private static List<LicenceCheck> licenceChecks(CreditRequest order, CustomerSnapshot snapshot,
                                                    LicenceRequirements requirements) {
        Map<Requirement, List<OrderLine>> lines = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            for (LicenceType type : requirements.required(snapshot.customer().type(), line.deviceClass())) {
                lines.computeIfAbsent(new Requirement(type, line.category()), k -> new ArrayList<>()).add(line);
            }
        }
        List<LicenceCheck> checks = new ArrayList<>(lines.size());
        lines.forEach((req, reqLines) -> checks.add(check(req, reqLines,
                snapshot.customer().licences(req.type()), order.checkDate())));
        return checks;
    }

    private static LicenceCheck check(Requirement req, List<OrderLine> lines, List<Licence> held, LocalDate date) {
        DeviceClass highest = lines.stream().map(OrderLine::deviceClass).max(Comparator.naturalOrder()).orElseThrow();
        List<String> skus = lines.stream().map(OrderLine::sku).distinct().toList();
        // The licence that serves best: valid and covering, the one lasting longest; else valid; else any.
        Comparator<Licence> lastsLonger = Comparator.comparing(l -> l.expiry().orElse(LocalDate.MAX));
        Optional<Licence> covering = held.stream().filter(l -> l.isValidOn(date) && l.covers(req.category())).max(lastsLonger);
        Optional<Licence> valid = held.stream().filter(l -> l.isValidOn(date)).max(lastsLonger);
        Optional<Licence> any = held.stream().max(lastsLonger);
        LicenceStatus status = covering.isPresent() ? LicenceStatus.VALID
                : valid.isPresent() ? LicenceStatus.OUT_OF_SCOPE
                : any.isPresent() ? LicenceStatus.NOT_VALID
                : LicenceStatus.MISSING;
        Optional<Licence> best = covering.or(() -> valid).or(() -> any);
        LocalDate until = best.flatMap(Licence::expiry).orElse(null);
        long days = until == null ? -1 : ChronoUnit.DAYS.between(date, until);
        return new LicenceCheck(req.type(), req.category(), highest, skus, status,
                best.map(Licence::number).orElse(null), until, days);
    }
}
