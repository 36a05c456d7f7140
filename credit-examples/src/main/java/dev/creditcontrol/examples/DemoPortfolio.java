package dev.creditcontrol.examples;

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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic but realistic portfolio of a medical-device seller in Guangdong: tertiary and
 * county hospitals, clinics, distributors and agents, with licences in real formats,
 * receivable histories, and a handful of problem accounts. Deterministic: the same seed gives
 * the same portfolio.
 */
public final class DemoPortfolio {
    /** The business day the demo runs on. */
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    /** A device the seller sells: class and category (2017 分类目录 codes). */
    public record Device(String sku, String name, DeviceClass deviceClass, String category, BigDecimal unitPrice) {}

    public static final List<Device> CATALOGUE = List.of(
            new Device("US-7000", "彩色多普勒超声诊断仪", DeviceClass.III, "06", new BigDecimal("680000")),
            new Device("MR-1500", "磁共振成像系统", DeviceClass.III, "06", new BigDecimal("5200000")),
            new Device("PM-300", "多参数病人监护仪", DeviceClass.II, "07", new BigDecimal("28000")),
            new Device("ECG-12", "十二导心电图机", DeviceClass.II, "07", new BigDecimal("16500")),
            new Device("VT-900", "有创呼吸机", DeviceClass.III, "08", new BigDecimal("185000")),
            new Device("SY-5ML", "一次性使用无菌注射器(箱)", DeviceClass.III, "14", new BigDecimal("900")),
            new Device("MK-N95", "医用防护口罩(箱)", DeviceClass.II, "14", new BigDecimal("1200")),
            new Device("SC-11", "手术刀片(盒)", DeviceClass.I, "02", new BigDecimal("150")),
            new Device("GL-200", "生化分析仪", DeviceClass.II, "22", new BigDecimal("320000")));

    /** A customer and its snapshot on {@link #TODAY}. */
    public record Account(CustomerSnapshot snapshot, String profile) {
        public Customer customer() {
            return snapshot.customer();
        }
    }

    private final List<Account> accounts = new ArrayList<>();
    private final Random random;

    private DemoPortfolio(long seed) {
        this.random = new Random(seed);
        String[] cities = {"广州", "深圳", "佛山", "东莞", "珠海", "中山", "惠州", "江门", "湛江", "韶关", "清远", "肇庆"};
        String[] cityCodes = {"穗", "深", "佛", "莞", "珠", "中", "惠", "江", "湛", "韶", "清", "肇"};
        int n = 0;
        for (int i = 0; i < 6; i++) add(hospital(++n, cities[i] + "市第一人民医院", "tertiary", 30_000_000), cityCodes[i]);
        String[][] counties = {{"广州市从化区人民医院", "穗"}, {"广州市增城区人民医院", "穗"}, {"佛山市南海区人民医院", "佛"},
                {"佛山市顺德区人民医院", "佛"}, {"博罗县人民医院", "惠"}, {"台山市人民医院", "江"}, {"廉江市人民医院", "湛"},
                {"乳源瑶族自治县人民医院", "韶"}};
        for (String[] county : counties) add(hospital(++n, county[0], "county", 5_000_000), county[1]);
        for (int i = 0; i < 10; i++) add(clinic(++n, cities[i % cities.length] + new String[]{"康宁", "仁爱", "安康", "惠民", "益生"}[i % 5] + "门诊部"), cityCodes[i % cityCodes.length]);
        for (int i = 0; i < 18; i++) add(trader(++n, CustomerType.DISTRIBUTOR, cities[i % cities.length] + new String[]{"康健", "华瑞", "联众", "百汇", "瑞康", "国邦"}[i % 6] + "医疗器械有限公司", cityCodes[i % cityCodes.length], i), cityCodes[i % cityCodes.length]);
        for (int i = 0; i < 10; i++) add(trader(++n, CustomerType.AGENT, cities[(i + 3) % cities.length] + new String[]{"恒信", "众和", "嘉华", "泰康", "永盛"}[i % 5] + "医疗科技代理有限公司", cityCodes[(i + 3) % cityCodes.length], 100 + i), cityCodes[(i + 3) % cityCodes.length]);
    }

    /** The demo portfolio (52 customers). */
    public static DemoPortfolio create() {
        return new DemoPortfolio(20260615L);
    }

    public List<Account> accounts() {
        return List.copyOf(accounts);
    }

    /** The customer with the most receivables (the benchmark's customer: 20 invoices). */
    public Account busiest() {
        return accounts.stream().max((a, b) -> Integer.compare(a.snapshot().receivables().size(), b.snapshot().receivables().size())).orElseThrow();
    }

    private record Draft(Customer customer, CreditAccount account, String profile, int invoices, int worstDaysLate,
                         BigDecimal invoiceSize) {}

    private void add(Draft d, String cityCode) {
        CustomerSnapshot.Builder s = CustomerSnapshot.builder(d.customer(), d.account(), TODAY);
        int term = d.account().paymentTermDays();
        for (int i = 0; i < d.invoices(); i++) {
            LocalDate issued = TODAY.minusDays(20L + i * 17L);
            LocalDate due = issued.plusDays(term);
            Money amount = Money.of(d.invoiceSize().multiply(BigDecimal.valueOf(80 + random.nextInt(40))).divide(BigDecimal.valueOf(100)).setScale(2, java.math.RoundingMode.HALF_UP), "CNY");
            String id = "INV-" + d.customer().id() + "-" + (i + 1);
            boolean old = due.isBefore(TODAY.minusDays(Math.max(d.worstDaysLate(), 0)));
            boolean slow = d.worstDaysLate() > 40;
            // A slow payer's recent invoices are still unpaid; anyone else's due invoices are mostly settled.
            if (due.isBefore(TODAY) && (old || !slow)) {
                // Good payers settle most invoices on time; slow ones seldom do.
                boolean onTime = random.nextInt(100) < (d.worstDaysLate() > 40 ? 20 : 85);
                LocalDate paid = onTime ? due : due.plusDays(1 + random.nextInt(Math.max(d.worstDaysLate(), 0) / 2 + 10));
                s.receivable(paid.isAfter(TODAY) ? Receivable.open(id, amount, issued, due) : Receivable.paid(id, amount, issued, due, paid));
            } else {
                s.receivable(Receivable.open(id, amount, issued, due));
            }
        }
        s.openOrders(Money.of(d.invoiceSize().multiply(BigDecimal.valueOf(random.nextInt(3))), "CNY"));
        s.deliveredNotInvoiced(Money.of(d.invoiceSize().divide(BigDecimal.valueOf(2)).setScale(2, java.math.RoundingMode.HALF_UP), "CNY"));
        accounts.add(new Account(s.build(), d.profile()));
    }

    private Draft hospital(int n, String name, String tier, long limit) {
        String id = "H-" + String.format("%03d", n);
        String profile = n == 3 ? "medical institution licence expired" : n == 9 ? "limit expired" : n == 11 ? "slow payer (120 days)" : tier + " hospital";
        LocalDate licenceUntil = n == 3 ? TODAY.minusDays(12) : n == 5 ? TODAY.plusDays(21) : TODAY.plusYears(3);
        Customer c = Customer.builder(id, name, CustomerType.HOSPITAL).since(TODAY.minusYears(3 + n % 9))
                .licence(businessLicence(n))
                .licence(new Licence(LicenceType.MEDICAL_INSTITUTION_LICENCE, String.format("PDY%05dX440100%02dA1001", 10000 + n, n),
                        LocalDate.of(2021, 7, 1), licenceUntil, Set.of()))
                .build();
        CreditAccount a = CreditAccount.builder(Money.of(BigDecimal.valueOf(limit), "CNY")).paymentTermDays(180)
                .validUntil(n == 9 ? TODAY.minusDays(30) : TODAY.plusYears(1)).grade(n % 4 == 0 ? CreditGrade.B : CreditGrade.A).build();
        int late = n == 11 ? 120 : 20 + random.nextInt(40);
        return new Draft(c, a, profile, 20 - n % 5, late, BigDecimal.valueOf(limit / 40));
    }

    private Draft clinic(int n, String name) {
        String id = "C-" + String.format("%03d", n);
        String profile = n == 17 ? "frozen (collections)" : n == 20 ? "zero limit: prepay only" : "clinic";
        Customer c = Customer.builder(id, name, CustomerType.CLINIC).since(TODAY.minusYears(1 + n % 5))
                .licence(businessLicence(n))
                .licence(new Licence(LicenceType.MEDICAL_INSTITUTION_LICENCE, String.format("PDY%05dX440100%02dD2192", 20000 + n, n % 100),
                        LocalDate.of(2022, 3, 1), TODAY.plusYears(2), Set.of()))
                .build();
        CreditAccount a = CreditAccount.builder(Money.of(n == 20 ? BigDecimal.ZERO : BigDecimal.valueOf(300_000), "CNY")).paymentTermDays(60)
                .validUntil(TODAY.plusYears(1)).grade(CreditGrade.B).frozen(n == 17).build();
        return new Draft(c, a, profile, 6, n == 17 ? 150 : 10 + random.nextInt(30), BigDecimal.valueOf(20_000));
    }

    private Draft trader(int n, CustomerType type, String name, String cityCode, int k) {
        String prefix = type == CustomerType.DISTRIBUTOR ? "D-" : "A-";
        String id = prefix + String.format("%03d", n);
        int year = 2019 + k % 5;
        String profile;
        Set<String> classIIIScope = Set.of("06", "07", "08", "14");
        LocalDate classIIIUntil = LocalDate.of(year + 8, 12, 31);
        boolean hasClassIII = true;
        boolean frozen = false;
        CreditGrade grade = CreditGrade.B;
        long limit = 2_000_000;
        int late = 5 + random.nextInt(20);
        switch (k % 9) {
            case 1 -> { profile = "class III licence expired"; classIIIUntil = TODAY.minusDays(40); }
            case 2 -> { profile = "class III scope without imaging (06)"; classIIIScope = Set.of("07", "08", "14"); }
            case 3 -> { profile = "near its limit"; limit = 900_000; }
            case 4 -> { profile = "overdue 45 days"; late = 45; grade = CreditGrade.C; }
            case 5 -> { profile = "class II filing only"; hasClassIII = false; }
            case 6 -> { profile = k >= 100 ? "grade D: prepayment only" : "severely overdue"; grade = k >= 100 ? CreditGrade.D : CreditGrade.C; late = k >= 100 ? late : 110; }
            case 7 -> { profile = k % 2 == 0 ? "frozen (bad debt)" : "licence expires in 9 days"; frozen = k % 2 == 0; if (!frozen) classIIIUntil = TODAY.plusDays(9); }
            default -> profile = type == CustomerType.DISTRIBUTOR ? "distributor in good standing" : "agent in good standing";
        }
        Customer.Builder c = Customer.builder(id, name, type).since(TODAY.minusYears(1 + k % 7)).licence(businessLicence(n));
        if (hasClassIII) {
            c.licence(new Licence(LicenceType.DEVICE_OPERATION_LICENCE,
                    "粤" + cityCode + "食药监械经营许" + year + String.format("%04d", n) + "号", LocalDate.of(year, 1, 1), classIIIUntil, classIIIScope));
        }
        c.licence(new Licence(LicenceType.DEVICE_FILING, "粤" + cityCode + "食药监械经营备" + year + String.format("%04d", n) + "号",
                LocalDate.of(year, 1, 1), null, Set.of("02", "06", "07", "08", "14", "22")));
        CreditAccount a = CreditAccount.builder(Money.of(BigDecimal.valueOf(limit), "CNY")).paymentTermDays(90)
                .validUntil(TODAY.plusMonths(6 + k % 12)).grade(grade).frozen(frozen).build();
        BigDecimal size = BigDecimal.valueOf(limit / (k % 9 == 3 ? 12 : 25));
        return new Draft(c.build(), a, profile, 8 + k % 6, late, size);
    }

    private static Licence businessLicence(int n) {
        return new Licence(LicenceType.BUSINESS_LICENCE, String.format("91440%03dMA5C%05dX", 100 + n % 20, 30000 + n * 7),
                LocalDate.of(2012, 1, 1).plusDays(n * 40L), null, Set.of());
    }

    /** The day's orders: one or two per customer, in a fixed pseudo-random mix of devices and payment methods. */
    public List<OrderRequest> ordersOfTheDay() {
        return orders("SO-20260615-", 615, 1, 2);
    }

    /** A longer history of orders, {@code perCustomer} per customer, to record as cases for a decision diff. */
    public List<OrderRequest> recordedOrders(int perCustomer) {
        return orders("SO-HIST-", 2026, perCustomer, perCustomer);
    }

    private List<OrderRequest> orders(String idPrefix, long seed, int perCustomer, int perHospital) {
        Random r = new Random(seed);
        List<OrderRequest> orders = new ArrayList<>();
        int seq = 1;
        for (Account a : accounts) {
            int count = a.customer().type() == CustomerType.HOSPITAL ? perHospital : perCustomer;
            for (int i = 0; i < count; i++) {
                OrderRequest.Builder o = OrderRequest.builder(idPrefix + String.format("%03d", seq++), a.customer().id(), TODAY);
                int lines = 1 + r.nextInt(2);
                for (int l = 0; l < lines; l++) {
                    Device d = CATALOGUE.get(r.nextInt(CATALOGUE.size()));
                    if (d.sku().equals("MR-1500") && a.customer().type() != CustomerType.HOSPITAL) d = CATALOGUE.get(0);
                    int qty = d.unitPrice().compareTo(BigDecimal.valueOf(100_000)) > 0 ? 1 : 1 + r.nextInt(20);
                    o.line(d.sku(), d.deviceClass(), d.category(), Money.of(d.unitPrice().multiply(BigDecimal.valueOf(qty)), "CNY"));
                }
                String profile = a.profile();
                boolean prepaid = profile.startsWith("grade D") || profile.startsWith("zero limit") || r.nextInt(12) == 0;
                o.paymentMethod(prepaid ? PaymentMethod.PREPAYMENT : PaymentMethod.CREDIT);
                orders.add(o.build());
            }
        }
        return orders;
    }

    /** The account of a customer id. */
    public Account account(String customerId) {
        return accounts.stream().filter(a -> a.customer().id().equals(customerId)).findFirst().orElseThrow();
    }
}
