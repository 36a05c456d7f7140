package dev.creditcontrol.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every refusal names the field that was wrong, so a host can tell its user what to fix. */
class ModelValidationTest {
    static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    static Customer hospital() {
        return Customer.builder("H-1", "第一人民医院", CustomerType.HOSPITAL).build();
    }

    static CreditAccount account() {
        return CreditAccount.builder(Money.cny("1000")).build();
    }

    @Test
    void negativeLineAmountNamesTheAmount() {
        assertThatThrownBy(() -> OrderRequest.builder("SO-1", "H-1", DAY).line("S", DeviceClass.I, "22", Money.cny("-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line.amount").hasMessageContaining("-1.00");
    }

    @Test
    void orderWithoutLinesIsRefused() {
        assertThatThrownBy(() -> OrderRequest.builder("SO-1", "H-1", DAY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order.lines");
    }

    @Test
    void orderLinesInTwoCurrenciesAreRefused() {
        assertThatThrownBy(() -> OrderRequest.builder("SO-1", "H-1", DAY)
                .line("A", DeviceClass.I, "22", Money.cny("1"))
                .line("B", DeviceClass.I, "22", Money.of("1", "USD")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currenc");
    }

    @Test
    void blankIdsAreRefused() {
        assertThatThrownBy(() -> OrderRequest.builder(" ", "H-1", DAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderRequest.builder(" ", "H-1", DAY).line("A", DeviceClass.I, "22", Money.cny("1")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order.orderId");
        assertThatThrownBy(() -> Customer.builder("", "x", CustomerType.CLINIC).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer.id");
    }

    @Test
    void blankCategoryIsRefused() {
        assertThatThrownBy(() -> OrderRequest.builder("SO-1", "H-1", DAY).line("A", DeviceClass.I, " ", Money.cny("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line.category");
    }

    @Test
    void paymentMethodDefaultsToCredit() {
        OrderRequest order = OrderRequest.builder("SO-1", "H-1", DAY).line("A", DeviceClass.I, "22", Money.cny("1")).build();
        assertThat(order.paymentMethod()).isEqualTo(PaymentMethod.CREDIT);
    }

    @Test
    void dueDateBeforeIssueDateNamesTheDueDate() {
        assertThatThrownBy(() -> Receivable.open("INV-1", Money.cny("1"), DAY, DAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("due").hasMessageContaining("INV-1");
    }

    @Test
    void dueDateOnTheIssueDateIsAccepted() {
        assertThat(Receivable.open("INV-1", Money.cny("1"), DAY, DAY).due()).isEqualTo(DAY);
    }

    @Test
    void paymentBeforeIssueIsRefused() {
        assertThatThrownBy(() -> Receivable.paid("INV-1", Money.cny("1"), DAY, DAY.plusDays(30), DAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paidOn");
    }

    @Test
    void negativeReceivableIsRefused() {
        assertThatThrownBy(() -> Receivable.open("INV-1", Money.cny("-1"), DAY, DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receivable.amount");
    }

    @Test
    void negativeLimitIsRefused() {
        assertThatThrownBy(() -> CreditAccount.builder(Money.cny("-1")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account.limit");
    }

    @Test
    void negativePaymentTermIsRefused() {
        assertThatThrownBy(() -> CreditAccount.builder(Money.cny("1")).paymentTermDays(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paymentTermDays");
    }

    @Test
    void licenceEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new Licence(LicenceType.BUSINESS_LICENCE, "N", DAY, DAY.minusDays(1), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validUntil");
    }

    @Test
    void licenceIsValidFromItsFirstToItsLastDay() {
        Licence l = new Licence(LicenceType.BUSINESS_LICENCE, "N", DAY, DAY.plusDays(10), Set.of());
        assertThat(l.isValidOn(DAY.minusDays(1))).isFalse();
        assertThat(l.isValidOn(DAY)).isTrue();
        assertThat(l.isValidOn(DAY.plusDays(10))).isTrue();
        assertThat(l.isValidOn(DAY.plusDays(11))).isFalse();
    }

    @Test
    void licenceWithoutExpiryIsValidForever() {
        Licence l = new Licence(LicenceType.BUSINESS_LICENCE, "N", DAY, null, Set.of());
        assertThat(l.isValidOn(LocalDate.of(2999, 1, 1))).isTrue();
        assertThat(l.expiry()).isEmpty();
    }

    @Test
    void emptyScopeCoversEveryCategory() {
        assertThat(new Licence(LicenceType.DEVICE_FILING, "N", DAY, null, Set.of()).covers("99")).isTrue();
        Licence scoped = new Licence(LicenceType.DEVICE_FILING, "N", DAY, null, Set.of("07", " 14 "));
        assertThat(scoped.covers("14")).isTrue();
        assertThat(scoped.covers("22")).isFalse();
    }

    @Test
    void snapshotMayHoldAmountsInOtherCurrenciesWhichAreConvertedWhenChecked() {
        CustomerSnapshot s = CustomerSnapshot.builder(hospital(), account(), DAY)
                .receivable(Receivable.open("INV-1", Money.of("1", "USD"), DAY, DAY)).openOrders(Money.of("1", "EUR")).build();
        assertThat(s.receivables().get(0).amount().currencyCode()).isEqualTo("USD");
        assertThat(s.openOrders().currencyCode()).isEqualTo("EUR");
    }

    @Test
    void duplicateBillNumbersAndMissingPartsAreRefusedNamingTheField() {
        AcceptanceBill bill = new AcceptanceBill("CAB-1", BillType.COMMERCIAL, Money.cny("1"), DAY);
        assertThatThrownBy(() -> CustomerSnapshot.builder(hospital(), account(), DAY).acceptanceBill(bill).acceptanceBill(bill).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bill.billNumber").hasMessageContaining("CAB-1");
        assertThatThrownBy(() -> new AcceptanceBill("CAB-2", BillType.BANK, Money.cny("-1"), DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bill.amount");
        assertThatThrownBy(() -> new AcceptanceBill(" ", BillType.BANK, Money.cny("1"), DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bill.billNumber");
        assertThatThrownBy(() -> new AcceptanceBill("CAB-3", null, Money.cny("1"), DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bill.type");
        assertThatThrownBy(() -> new Security(SecurityType.DEPOSIT, Money.cny("-0.01"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("security.amount");
        assertThatThrownBy(() -> new Security(null, Money.cny("1"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("security.type");
        assertThatThrownBy(() -> new CreditGroup("  ", Money.cny("1"), Money.cny("0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group.groupId");
        assertThatThrownBy(() -> new CreditGroup("G-1", Money.cny("-1"), Money.cny("0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group.limit");
        assertThatThrownBy(() -> new CreditGroup("G-1", Money.cny("1"), Money.cny("-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group.exposureOfOtherMembers");
    }

    @Test
    void duplicateInvoiceIdsAreRefused() {
        assertThatThrownBy(() -> CustomerSnapshot.builder(hospital(), account(), DAY)
                .receivable(Receivable.open("INV-1", Money.cny("1"), DAY, DAY))
                .receivable(Receivable.open("INV-1", Money.cny("2"), DAY, DAY)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invoiceId").hasMessageContaining("INV-1");
    }

    @Test
    void paymentAfterTheSnapshotDateIsRefused() {
        assertThatThrownBy(() -> CustomerSnapshot.builder(hospital(), account(), DAY)
                .receivable(Receivable.paid("INV-1", Money.cny("1"), DAY.minusDays(40), DAY.minusDays(10), DAY.plusDays(1))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paidOn");
    }

    @Test
    void negativeOpenOrdersAreRefused() {
        assertThatThrownBy(() -> CustomerSnapshot.builder(hospital(), account(), DAY).openOrders(Money.cny("-1")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openOrders");
    }

    @Test
    void valuesAreImmutable() {
        Customer c = Customer.builder("H-1", "x", CustomerType.HOSPITAL)
                .licence(new Licence(LicenceType.BUSINESS_LICENCE, "N", DAY, null, Set.of())).build();
        assertThatThrownBy(() -> c.licences().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void temporaryIncreaseAppliesUpToItsLastDay() {
        CreditAccount a = CreditAccount.builder(Money.cny("1000")).temporaryIncrease(Money.cny("500"), DAY).build();
        assertThat(a.limitOn(DAY)).isEqualTo(Money.cny("1500"));
        assertThat(a.limitOn(DAY.plusDays(1))).isEqualTo(Money.cny("1000"));
    }

    @Test
    void limitExpiresTheDayAfterItsLastValidDay() {
        CreditAccount a = CreditAccount.builder(Money.cny("1000")).validUntil(DAY).build();
        assertThat(a.limitExpiredOn(DAY)).isFalse();
        assertThat(a.limitExpiredOn(DAY.plusDays(1))).isTrue();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"H\u200B-001", "H-\u202E001", "\uFEFFH-001", "H-0\u00001", "H-\n001", "H-001\u2028"})
    void idsWithInvisibleOrControlCharactersAreRefusedNamingTheField(String id) {
        assertThatThrownBy(() -> Customer.builder(id, "医院", CustomerType.HOSPITAL).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer.id").hasMessageContaining("U+");
        assertThatThrownBy(() -> Receivable.open(id, Money.cny("1"), DAY, DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receivable.invoiceId");
    }

    @Test
    @org.junit.jupiter.api.Timeout(30) // a guard against the old behaviour (minutes on 1E+50000000), not a speed claim
    void absurdAmountsAreRefusedAtOnceNamingTheField() {
        assertThatThrownBy(() -> Money.of("1E+999999999", "CNY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amount is absurdly large");
        assertThatThrownBy(() -> Money.of("1E+50000000", "CNY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amount is absurdly large");
        assertThatThrownBy(() -> Money.of("1E-999999999", "CNY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decimal places for CNY");
        assertThat(Money.of("0E+999999999", "CNY")).isEqualTo(Money.cny("0"));
        assertThat(Money.of("999999999999999999", "CNY").amount()).isEqualByComparingTo("999999999999999999");
    }

    @Test
    void datesOutsideTheCalendarAnERPUsesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> OrderRequest.builder("SO-1", "H-1", LocalDate.MAX).line("A", DeviceClass.I, "22", Money.cny("1")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order.orderDate").hasMessageContaining("out of range");
        assertThatThrownBy(() -> Receivable.open("I-1", Money.cny("1"), LocalDate.of(1899, 12, 31), DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receivable.issued");
        assertThatThrownBy(() -> new Licence(LicenceType.BUSINESS_LICENCE, "B", DAY, LocalDate.of(3000, 1, 1), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("licence.validUntil");
    }

    @Test
    void anInvoiceIssuedAfterTheSnapshotDateIsRefused() {
        assertThatThrownBy(() -> CustomerSnapshot.builder(hospital(), account(), DAY)
                .receivable(Receivable.open("LATER", Money.cny("1"), DAY.plusDays(1), DAY.plusDays(30))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receivable.issued").hasMessageContaining("LATER");
    }

    @Test
    void financialsThatAreNotNumbersAreRefusedNamingTheField() {
        assertThatThrownBy(() -> Financials.of(50, "zero point five", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("financials.debtToAssets");
        assertThatThrownBy(() -> Financials.of(50, null, "1E+9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("financials.currentRatio");
    }

    @Test
    void computedAmountsAreRoundedToTheCurrencysMinorUnit() {
        assertThat(Money.rounded(new java.math.BigDecimal("83.42"), "JPY")).isEqualTo(Money.of("83", "JPY"));
        assertThat(Money.rounded(new java.math.BigDecimal("83.5"), "JPY")).isEqualTo(Money.of("84", "JPY"));
    }
}
