package dev.creditcontrol.facts;

import dev.creditcontrol.decision.Checkpoint;
import dev.creditcontrol.model.CreditAccount;
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
 * The derived facts for one order: computed once, in Java, before rules run.
 *
 * @param order         the order and account
 * @param exposure      exposure against the limit
 * @param overdue       overdue receivables
 * @param licenceChecks one check per (required licence type, device category)
 */
public record CreditFacts(OrderFacts order, Exposure exposure, Overdue overdue, List<LicenceCheck> licenceChecks) {

    /** Copies the list. */
    public CreditFacts {
        licenceChecks = List.copyOf(licenceChecks);
    }

    /**
     * Derives the facts with the rule set's policy (licence table, windows), first checking that
     * order and snapshot belong together.
     *
     * @throws IllegalArgumentException naming the field when the order is for another customer or
     *                                  in another currency than the account
     */
    public static CreditFacts derive(CreditRequest order, CustomerSnapshot snapshot, FactPolicy policy) {
        if (order == null) throw new IllegalArgumentException("order is required but was null");
        if (snapshot == null) throw new IllegalArgumentException("snapshot is required but was null");
        if (policy == null) throw new IllegalArgumentException("policy is required but was null");
        boolean shipment = order instanceof dev.creditcontrol.model.ShipmentRequest;
        String kind = shipment ? "shipment" : "order";
        if (!order.customerId().equals(snapshot.customer().id())) {
            throw new IllegalArgumentException(kind + ".customerId '" + order.customerId()
                    + "' does not match the snapshot's customer.id '" + snapshot.customer().id() + "'");
        }
        CreditAccount account = snapshot.account();
        if (!order.currencyCode().equals(account.currencyCode())) {
            throw new IllegalArgumentException("line.amount is in " + order.currencyCode() + " but the credit limit is in "
                    + account.currencyCode() + ": currency mismatch, amounts in different currencies cannot be compared (order "
                    + order.orderId() + ")");
        }
        LocalDate date = order.checkDate();
        boolean creditSale = order.paymentMethod() == PaymentMethod.CREDIT;
        Money total = order.total();
        OrderFacts orderFacts = new OrderFacts(order.orderId(), order.customerId(), snapshot.customer().type(), date,
                order.paymentMethod(), creditSale, total, account.frozen(), account.grade().orElse(null),
                account.limitExpiredOn(date), account.validUntil().orElse(null),
                java.time.temporal.ChronoUnit.DAYS.between(snapshot.asOf(), date),
                shipment ? Checkpoint.SHIPMENT : Checkpoint.ORDER, snapshot.warningLevel());
        Overdue overdue = overdue(snapshot, ReceivableLedger.scan(snapshot, policy, false));
        // A shipment's order is already in the snapshot's open orders: it adds no exposure.
        return new CreditFacts(orderFacts, exposure(order, snapshot, creditSale, !shipment, total, overdue.openAmount()), overdue,
                licenceChecks(order, snapshot, policy.licences()));
    }

    /** The same facts with the order judged on {@code grade} (the assessed grade of an ungraded account). */
    public CreditFacts withGrade(CreditGrade grade) {
        return new CreditFacts(order.withGrade(grade), exposure, overdue, licenceChecks);
    }

    /** All facts as a flat list, in a fixed order, for insertion into a rule session. */
    public List<Object> all() {
        List<Object> all = new ArrayList<>(3 + licenceChecks.size());
        all.add(order);
        all.add(exposure);
        all.add(overdue);
        all.addAll(licenceChecks);
        return all;
    }

    /** Exposure from the open amount the ledger summed: this runs on every check. */
    private static Exposure exposure(CreditRequest order, CustomerSnapshot snapshot, boolean creditSale, boolean addsExposure,
                                     Money total, Money openReceivables) {
        CreditAccount account = snapshot.account();
        Money thisOrder = creditSale && addsExposure ? total : Money.zero(account.currencyCode());
        return Exposure.of(account.limitOn(order.checkDate()), account.limitChecked(), creditSale, openReceivables,
                snapshot.deliveredNotInvoiced(), snapshot.openOrders(), thisOrder);
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
