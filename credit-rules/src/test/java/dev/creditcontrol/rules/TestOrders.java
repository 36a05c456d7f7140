package dev.creditcontrol.rules;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Reason;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.PaymentMethod;
import dev.creditcontrol.model.Receivable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds one order and snapshot at a time for rule tests; defaults describe a customer in good standing. */
public final class TestOrders {
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    /** Shared by every test: compiling per test would cost a second each. */
    public static final CreditControl DEFAULT = CreditControl.withDefaultRules();

    private CustomerType type = CustomerType.DISTRIBUTOR;
    private final List<Licence> licences = new ArrayList<>();
    private boolean defaultLicences = true;
    private String limit = "1000000";
    private CreditGrade grade = CreditGrade.B;
    private boolean frozen;
    private LocalDate limitValidUntil = TODAY.plusYears(1);
    private final List<Receivable> receivables = new ArrayList<>();
    private String openOrders = "0";
    private final List<Object[]> lines = new ArrayList<>();
    private PaymentMethod payment = PaymentMethod.CREDIT;
    private boolean limitChecked = true;

    public static TestOrders distributor() {
        return new TestOrders();
    }

    public static TestOrders of(CustomerType type) {
        TestOrders t = new TestOrders();
        t.type = type;
        return t;
    }

    public static Licence licence(LicenceType type, LocalDate until, String... scope) {
        return new Licence(type, type.name().substring(0, 3) + "-20190001", LocalDate.of(2019, 1, 1), until, Set.of(scope));
    }

    public TestOrders withOnlyLicences(Licence... held) {
        defaultLicences = false;
        licences.clear();
        licences.addAll(List.of(held));
        return this;
    }

    public TestOrders limit(String limit) {
        this.limit = limit;
        return this;
    }

    public TestOrders grade(CreditGrade grade) {
        this.grade = grade;
        return this;
    }

    /** An account without a grade: the order path assesses one. */
    public TestOrders ungraded() {
        this.grade = null;
        return this;
    }

    public TestOrders frozen() {
        this.frozen = true;
        return this;
    }

    public TestOrders limitValidUntil(LocalDate date) {
        this.limitValidUntil = date;
        return this;
    }

    public TestOrders withoutLimitCheck() {
        this.limitChecked = false;
        return this;
    }

    public TestOrders openInvoice(String amount, int daysOverdue) {
        LocalDate due = TODAY.minusDays(daysOverdue);
        receivables.add(Receivable.open("INV-" + (receivables.size() + 1), Money.cny(amount), due.minusDays(90), due));
        return this;
    }

    public TestOrders openOrders(String amount) {
        this.openOrders = amount;
        return this;
    }

    public TestOrders line(DeviceClass cls, String category, String amount) {
        lines.add(new Object[]{cls, category, amount});
        return this;
    }

    public TestOrders paidBy(PaymentMethod method) {
        this.payment = method;
        return this;
    }

    public CustomerSnapshot snapshot() {
        Customer.Builder c = Customer.builder("C-1", "测试客户", type).since(LocalDate.of(2018, 1, 1));
        if (defaultLicences) {
            c.licence(licence(LicenceType.BUSINESS_LICENCE, null));
            if (type == CustomerType.HOSPITAL || type == CustomerType.CLINIC) {
                c.licence(licence(LicenceType.MEDICAL_INSTITUTION_LICENCE, TODAY.plusYears(3)));
            } else {
                c.licence(licence(LicenceType.DEVICE_OPERATION_LICENCE, TODAY.plusYears(3)));
                c.licence(licence(LicenceType.DEVICE_FILING, null));
            }
        }
        licences.forEach(c::licence);
        CreditAccount.Builder a = CreditAccount.builder(Money.cny(limit)).paymentTermDays(60).validUntil(limitValidUntil).frozen(frozen);
        if (grade != null) a.grade(grade);
        if (!limitChecked) a.withoutLimitCheck();
        CustomerSnapshot.Builder s = CustomerSnapshot.builder(c.build(), a.build(), TODAY).openOrders(Money.cny(openOrders));
        receivables.forEach(s::receivable);
        return s.build();
    }

    public OrderRequest order() {
        OrderRequest.Builder o = OrderRequest.builder("SO-1", "C-1", TODAY).paymentMethod(payment);
        if (lines.isEmpty()) o.line("SKU-1", DeviceClass.I, "22", Money.cny("1000"));
        for (Object[] l : lines) o.line("SKU-" + l[1], (DeviceClass) l[0], (String) l[1], Money.cny((String) l[2]));
        return o.build();
    }

    public CreditDecision check() {
        return checkWith(DEFAULT);
    }

    public CreditDecision checkWith(CreditControl control) {
        return control.checkOrder(order(), snapshot());
    }

    public static List<String> codes(CreditDecision d) {
        return d.reasons().stream().map(Reason::code).toList();
    }

    /** Customer C-9: twelve monthly invoices of 100,000, each paid {@code daysLate} late, and an optional open overdue one. */
    public static CustomerSnapshot paymentHistory(CustomerType type, int daysLate, int openOverdueDays, boolean frozen) {
        Customer.Builder c = Customer.builder("C-9", "客户", type).since(TODAY.minusYears(6))
                .licence(new Licence(LicenceType.BUSINESS_LICENCE, "B", LocalDate.of(2010, 1, 1), null, Set.of()))
                .licence(new Licence(LicenceType.MEDICAL_INSTITUTION_LICENCE, "M", LocalDate.of(2010, 1, 1), null, Set.of()))
                .licence(new Licence(LicenceType.DEVICE_OPERATION_LICENCE, "O", LocalDate.of(2010, 1, 1), null, Set.of()));
        CustomerSnapshot.Builder s = CustomerSnapshot.builder(c.build(),
                CreditAccount.builder(Money.cny("2000000")).frozen(frozen).build(), TODAY);
        for (int m = 1; m <= 12; m++) {
            LocalDate due = TODAY.minusDays(30L * m);
            LocalDate paid = due.plusDays(daysLate);
            s.receivable(paid.isAfter(TODAY) ? Receivable.open("P" + m, Money.cny("100000"), due.minusDays(60), due)
                    : Receivable.paid("P" + m, Money.cny("100000"), due.minusDays(60), due, paid));
        }
        if (openOverdueDays > 0) {
            LocalDate due = TODAY.minusDays(openOverdueDays);
            s.receivable(Receivable.open("OPEN", Money.cny("100000"), due.minusDays(60), due));
        }
        return s.build();
    }
}
