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
    void snapshotInAnotherCurrencyThanTheLimitIsRefused() {
        assertThatThrownBy(() -> CustomerSnapshot.builder(hospital(), account(), DAY)
                .receivable(Receivable.open("INV-1", Money.of("1", "USD"), DAY, DAY)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currenc").hasMessageContaining("INV-1");
        assertThatThrownBy(() -> CustomerSnapshot.builder(hospital(), account(), DAY).openOrders(Money.of("1", "USD")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openOrders");
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
}
