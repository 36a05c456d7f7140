package dev.creditcontrol.facts;

import dev.creditcontrol.model.CreditAccount;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditFactsTest {
    static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    static Licence licence(LicenceType type, LocalDate until, String... scope) {
        return new Licence(type, type + "-1", LocalDate.of(2020, 1, 1), until, Set.of(scope));
    }

    static Customer distributor(Licence... licences) {
        Customer.Builder b = Customer.builder("D-1", "经销商", CustomerType.DISTRIBUTOR);
        for (Licence l : licences) b.licence(l);
        return b.build();
    }

    static CustomerSnapshot.Builder snapshot(Customer c, String limit) {
        return CustomerSnapshot.builder(c, CreditAccount.builder(Money.cny(limit)).build(), DAY);
    }

    static OrderRequest order(String customerId, DeviceClass cls, String category, String amount, PaymentMethod pm) {
        return OrderRequest.builder("SO-1", customerId, DAY).line("SKU-1", cls, category, Money.cny(amount)).paymentMethod(pm).build();
    }

    @Test
    void exposureAddsOpenReceivablesDeliveredNotInvoicedOpenOrdersAndThisOrder() {
        CustomerSnapshot s = snapshot(distributor(), "1000")
                .receivable(Receivable.open("I1", Money.cny("100"), DAY.minusDays(10), DAY.plusDays(20)))
                .receivable(Receivable.paid("I2", Money.cny("999"), DAY.minusDays(90), DAY.minusDays(60), DAY.minusDays(61)))
                .deliveredNotInvoiced(Money.cny("20")).openOrders(Money.cny("3")).build();
        Exposure e = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "400", PaymentMethod.CREDIT), s, TestPolicy.STANDARD).exposure();
        assertThat(e.openReceivables()).isEqualTo(Money.cny("100"));
        assertThat(e.before()).isEqualTo(Money.cny("123"));
        assertThat(e.thisOrder()).isEqualTo(Money.cny("400"));
        assertThat(e.after()).isEqualTo(Money.cny("523"));
        assertThat(e.utilizationAfter()).isEqualByComparingTo("0.523");
        assertThat(e.exceedsLimit()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = PaymentMethod.class, names = {"PREPAYMENT", "CASH_ON_DELIVERY"})
    void ordersNotOnCreditAddNoExposure(PaymentMethod method) {
        CustomerSnapshot s = snapshot(distributor(), "100").openOrders(Money.cny("50")).build();
        CreditFacts f = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "400", method), s, TestPolicy.STANDARD);
        assertThat(f.exposure().thisOrder()).isEqualTo(Money.cny("0"));
        assertThat(f.exposure().after()).isEqualTo(Money.cny("50"));
        assertThat(f.exposure().creditSale()).isFalse();
        assertThat(f.order().creditSale()).isFalse();
    }

    @Test
    void exposureExactlyAtTheLimitDoesNotExceedIt() {
        CustomerSnapshot s = snapshot(distributor(), "1000").build();
        assertThat(CreditFacts.derive(order("D-1", DeviceClass.I, "22", "1000", PaymentMethod.CREDIT), s, TestPolicy.STANDARD).exposure().exceedsLimit()).isFalse();
        assertThat(CreditFacts.derive(order("D-1", DeviceClass.I, "22", "1000.01", PaymentMethod.CREDIT), s, TestPolicy.STANDARD).exposure().exceedsLimit()).isTrue();
    }

    @Test
    void shareOfLimitComparisonsAreExact() {
        CustomerSnapshot s = snapshot(distributor(), "1000").build();
        Exposure at90 = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "900", PaymentMethod.CREDIT), s, TestPolicy.STANDARD).exposure();
        Exposure above90 = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "900.01", PaymentMethod.CREDIT), s, TestPolicy.STANDARD).exposure();
        assertThat(at90.aboveShareOfLimit(new BigDecimal("0.90"))).isFalse();
        assertThat(above90.aboveShareOfLimit(new BigDecimal("0.90"))).isTrue();
        Exposure over5 = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "1050", PaymentMethod.CREDIT), s, TestPolicy.STANDARD).exposure();
        Exposure overMore = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "1050.01", PaymentMethod.CREDIT), s, TestPolicy.STANDARD).exposure();
        assertThat(over5.overLimitAtMost(new BigDecimal("0.05"))).isTrue();
        assertThat(overMore.overLimitAtMost(new BigDecimal("0.05"))).isFalse();
        assertThat(overMore.overLimit()).isEqualTo(Money.cny("50.01"));
    }

    @Test
    void zeroLimitHasNoUtilizationAndAnyCreditExceedsIt() {
        Exposure e = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "0.01", PaymentMethod.CREDIT),
                snapshot(distributor(), "0").build(), TestPolicy.STANDARD).exposure();
        assertThat(e.zeroLimit()).isTrue();
        assertThat(e.exceedsLimit()).isTrue();
        assertThat(e.utilizationAfter()).isNull();
        assertThat(e.overLimitAtMost(new BigDecimal("100"))).isFalse();
    }

    @Test
    void temporaryIncreaseRaisesTheLimitInForce() {
        CreditAccount account = CreditAccount.builder(Money.cny("1000")).temporaryIncrease(Money.cny("500"), DAY).build();
        CustomerSnapshot s = CustomerSnapshot.builder(distributor(), account, DAY).build();
        Exposure e = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "1200", PaymentMethod.CREDIT), s, TestPolicy.STANDARD).exposure();
        assertThat(e.limit()).isEqualTo(Money.cny("1500"));
        assertThat(e.exceedsLimit()).isFalse();
    }

    @Test
    void overdueCountsDaysOfTheOldestOpenItemOnTheSnapshotDate() {
        CustomerSnapshot s = snapshot(distributor(), "1000")
                .receivable(Receivable.open("I1", Money.cny("100"), DAY.minusDays(100), DAY.minusDays(40)))
                .receivable(Receivable.open("I2", Money.cny("300"), DAY.minusDays(60), DAY.minusDays(5)))
                .receivable(Receivable.open("I3", Money.cny("600"), DAY.minusDays(10), DAY))
                .receivable(Receivable.paid("I4", Money.cny("50"), DAY.minusDays(300), DAY.minusDays(200), DAY.minusDays(1)))
                .build();
        Overdue o = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "1", PaymentMethod.CREDIT), s, TestPolicy.STANDARD).overdue();
        assertThat(o.daysOverdue()).isEqualTo(40);
        assertThat(o.overdueItems()).isEqualTo(2);
        assertThat(o.openItems()).isEqualTo(3);
        assertThat(o.overdueAmount()).isEqualTo(Money.cny("400"));
        assertThat(o.overdueShare()).isEqualByComparingTo("0.4");
    }

    @Test
    void itemDueOnTheSnapshotDateIsNotOverdue() {
        CustomerSnapshot s = snapshot(distributor(), "1000")
                .receivable(Receivable.open("I1", Money.cny("100"), DAY.minusDays(30), DAY)).build();
        Overdue o = CreditFacts.derive(order("D-1", DeviceClass.I, "22", "1", PaymentMethod.CREDIT), s, TestPolicy.STANDARD).overdue();
        assertThat(o.daysOverdue()).isZero();
        assertThat(o.overdueAmount()).isEqualTo(Money.cny("0"));
    }

    @Test
    void distributorNeedsBusinessLicenceAndClassIIIOperationLicenceForClassIII() {
        CreditFacts f = CreditFacts.derive(order("D-1", DeviceClass.III, "07", "1", PaymentMethod.CREDIT),
                snapshot(distributor(licence(LicenceType.BUSINESS_LICENCE, null)), "1000").build(), TestPolicy.STANDARD);
        assertThat(f.licenceChecks()).extracting(LicenceCheck::requiredType, LicenceCheck::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LicenceType.BUSINESS_LICENCE, LicenceStatus.VALID),
                org.assertj.core.groups.Tuple.tuple(LicenceType.DEVICE_OPERATION_LICENCE, LicenceStatus.MISSING));
    }

    @Test
    void distributorNeedsAFilingForClassIIAndOnlyABusinessLicenceForClassI() {
        assertThat(TestPolicy.LICENCES.required(CustomerType.AGENT, DeviceClass.II))
                .containsExactly(LicenceType.BUSINESS_LICENCE, LicenceType.DEVICE_FILING);
        assertThat(TestPolicy.LICENCES.required(CustomerType.OTHER, DeviceClass.I)).containsExactly(LicenceType.BUSINESS_LICENCE);
    }

    @ParameterizedTest
    @EnumSource(DeviceClass.class)
    void hospitalsAndClinicsNeedTheirMedicalInstitutionLicenceForEveryClass(DeviceClass cls) {
        assertThat(TestPolicy.LICENCES.required(CustomerType.HOSPITAL, cls)).containsExactly(LicenceType.MEDICAL_INSTITUTION_LICENCE);
        assertThat(TestPolicy.LICENCES.required(CustomerType.CLINIC, cls)).containsExactly(LicenceType.MEDICAL_INSTITUTION_LICENCE);
    }

    @Test
    void licenceIsValidOnItsLastDayAndNotTheDayAfter() {
        LicenceCheck lastDay = onlyCheck(licence(LicenceType.DEVICE_OPERATION_LICENCE, DAY, "07"));
        LicenceCheck dayAfter = onlyCheck(licence(LicenceType.DEVICE_OPERATION_LICENCE, DAY.minusDays(1), "07"));
        assertThat(lastDay.status()).isEqualTo(LicenceStatus.VALID);
        assertThat(lastDay.daysToExpiry()).isZero();
        assertThat(dayAfter.status()).isEqualTo(LicenceStatus.NOT_VALID);
    }

    @Test
    void licenceNotYetInForceIsNotValid() {
        Licence future = new Licence(LicenceType.DEVICE_OPERATION_LICENCE, "N", DAY.plusDays(1), null, Set.of("07"));
        assertThat(onlyCheck(future).status()).isEqualTo(LicenceStatus.NOT_VALID);
    }

    @Test
    void licenceNotCoveringTheCategoryIsOutOfScope() {
        LicenceCheck c = onlyCheck(licence(LicenceType.DEVICE_OPERATION_LICENCE, null, "14"));
        assertThat(c.status()).isEqualTo(LicenceStatus.OUT_OF_SCOPE);
        assertThat(c.outOfScope()).isTrue();
    }

    @Test
    void aValidCoveringLicenceWinsOverAnExpiredOne() {
        LicenceCheck c = onlyCheck(licence(LicenceType.DEVICE_OPERATION_LICENCE, DAY.minusDays(100), "07"),
                licence(LicenceType.DEVICE_OPERATION_LICENCE, DAY.plusDays(400), "07"));
        assertThat(c.status()).isEqualTo(LicenceStatus.VALID);
        assertThat(c.daysToExpiry()).isEqualTo(400);
    }

    @Test
    void expiryWarningWindowIsInclusive() {
        assertThat(onlyCheck(licence(LicenceType.DEVICE_OPERATION_LICENCE, DAY.plusDays(30), "07")).expiresWithin(30)).isTrue();
        assertThat(onlyCheck(licence(LicenceType.DEVICE_OPERATION_LICENCE, DAY.plusDays(31), "07")).expiresWithin(30)).isFalse();
        assertThat(onlyCheck(licence(LicenceType.DEVICE_OPERATION_LICENCE, null, "07")).expiresWithin(30)).isFalse();
    }

    @Test
    void linesOfOneCategoryShareOneCheck() {
        OrderRequest o = OrderRequest.builder("SO-1", "D-1", DAY)
                .line("A", DeviceClass.III, "07", Money.cny("1"))
                .line("B", DeviceClass.III, "07", Money.cny("1"))
                .line("C", DeviceClass.III, "14", Money.cny("1")).build();
        CreditFacts f = CreditFacts.derive(o, snapshot(distributor(), "1000").build(), TestPolicy.STANDARD);
        assertThat(f.licenceChecks()).filteredOn(c -> c.requiredType() == LicenceType.DEVICE_OPERATION_LICENCE)
                .extracting(LicenceCheck::category, LicenceCheck::skus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("07", java.util.List.of("A", "B")),
                        org.assertj.core.groups.Tuple.tuple("14", java.util.List.of("C")));
    }

    @Test
    void orderForAnotherCustomerIsRefused() {
        assertThatThrownBy(() -> CreditFacts.derive(order("X-9", DeviceClass.I, "22", "1", PaymentMethod.CREDIT),
                snapshot(distributor(), "1000").build(), TestPolicy.STANDARD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerId").hasMessageContaining("X-9");
    }

    @Test
    void orderInAnotherCurrencyWithoutARateIsRefusedNamingBothCurrenciesAndTheDate() {
        OrderRequest usd = OrderRequest.builder("SO-1", "D-1", DAY).line("A", DeviceClass.I, "22", Money.of("1", "USD")).build();
        assertThatThrownBy(() -> CreditFacts.derive(usd, snapshot(distributor(), "1000").build(), TestPolicy.STANDARD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD").hasMessageContaining("CNY")
                .hasMessageContaining(DAY.toString()).hasMessageContaining("line.amount");
    }

    private static LicenceCheck onlyCheck(Licence... held) {
        CreditFacts f = CreditFacts.derive(order("D-1", DeviceClass.III, "07", "1", PaymentMethod.CREDIT),
                snapshot(distributor(held), "1000").build(), TestPolicy.STANDARD);
        return f.licenceChecks().stream().filter(c -> c.requiredType() == LicenceType.DEVICE_OPERATION_LICENCE).findFirst().orElseThrow();
    }
}
