package dev.creditcontrol.rules.medical;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.Checkpoint;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.decision.Release;
import dev.creditcontrol.decision.WarningLevel;
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
import dev.creditcontrol.model.ShipmentRequest;
import dev.creditcontrol.rules.TestOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.Set;

import static dev.creditcontrol.rules.TestOrders.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Warnings that act, per-line reasons, the shipment checkpoint and structured releases. */
class LifecycleRulesTest {
    static final Licence BUSINESS = new Licence(LicenceType.BUSINESS_LICENCE, "B-1", LocalDate.of(2015, 1, 1), null, Set.of());

    static Customer distributor(Licence... more) {
        Customer.Builder c = Customer.builder("D-1", "经销商", CustomerType.DISTRIBUTOR).licence(BUSINESS);
        for (Licence l : more) c.licence(l);
        return c.build();
    }

    static CustomerSnapshot.Builder snapshot(String limit, String openOrders, WarningLevel level) {
        return CustomerSnapshot.builder(distributor(new Licence(LicenceType.DEVICE_FILING, "F-1", LocalDate.of(2015, 1, 1), null, Set.of()),
                        new Licence(LicenceType.DEVICE_OPERATION_LICENCE, "L-1", LocalDate.of(2015, 1, 1), TODAY.plusYears(2), Set.of("07"))),
                CreditAccount.builder(Money.cny(limit)).grade(CreditGrade.B).build(), TODAY)
                .openOrders(Money.cny(openOrders)).warningLevel(level);
    }

    static OrderRequest.Builder order(String amount, PaymentMethod pm) {
        return OrderRequest.builder("SO-1", "D-1", TODAY).line("PUMP-1", DeviceClass.II, "07", Money.cny(amount)).paymentMethod(pm);
    }

    static ShipmentRequest.Builder shipment(String amount) {
        return ShipmentRequest.builder("DN-1", "SO-1", "D-1", TODAY).line("PUMP-1", DeviceClass.II, "07", Money.cny(amount));
    }

    static CreditDecision check(OrderRequest o, CustomerSnapshot s) {
        return TestOrders.DEFAULT.checkOrder(o, s);
    }

    @ParameterizedTest
    @EnumSource(value = PaymentMethod.class, names = {"CREDIT", "CASH_ON_DELIVERY"})
    void aRedWarningFreezesCreditOrdersAndShipments(PaymentMethod pm) {
        CustomerSnapshot red = snapshot("1000000", "0", WarningLevel.RED).build();
        CreditDecision d = check(order("1000", pm).build(), red);
        assertThat(d.outcome()).isEqualTo(Outcome.FREEZE);
        assertThat(d.reasons("RED_WARNING")).singleElement().satisfies(r -> assertThat(r.values()).containsEntry("warningLevel", "RED"));
        CreditDecision s = TestOrders.DEFAULT.checkShipment(shipment("1000").paymentMethod(pm).build(), red);
        assertThat(s.outcome()).isEqualTo(Outcome.FREEZE);
        assertThat(s.checkpoint()).isEqualTo(Checkpoint.SHIPMENT);
        assertThat(s.shipmentId()).contains("DN-1");
    }

    @Test
    void aPrepaidOrderIsNotHeldForAWarning() {
        assertThat(check(order("1000", PaymentMethod.PREPAYMENT).build(), snapshot("1000000", "0", WarningLevel.RED).build()).outcome())
                .isEqualTo(Outcome.APPROVE);
        assertThat(check(order("1000", PaymentMethod.PREPAYMENT).build(), snapshot("1000000", "0", WarningLevel.ORANGE).build()).outcome())
                .isEqualTo(Outcome.APPROVE);
    }

    @Test
    void anOrangeWarningSendsACreditOrderToTheCreditManagerButNotItsShipment() {
        CustomerSnapshot orange = snapshot("1000000", "0", WarningLevel.ORANGE).build();
        CreditDecision d = check(order("1000", PaymentMethod.CREDIT).build(), orange);
        assertThat(d.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(d.requiredApproval()).contains(ApprovalLevel.CREDIT_MANAGER);
        assertThat(d.hasReason("ORANGE_WARNING")).isTrue();
        assertThat(TestOrders.DEFAULT.checkShipment(shipment("1000").build(), orange).outcome()).isEqualTo(Outcome.APPROVE);
        // cash on delivery is credit until the cash is in
        assertThat(check(order("1000", PaymentMethod.CASH_ON_DELIVERY).build(), orange).hasReason("ORANGE_WARNING")).isTrue();
        assertThat(check(order("1000", PaymentMethod.CREDIT).build(), snapshot("1000000", "0", WarningLevel.GREEN).build()).outcome())
                .isEqualTo(Outcome.APPROVE);
    }

    @Test
    void aMixedOrderBlocksOnlyTheLineItsLicenceDoesNotCover() {
        CustomerSnapshot s = CustomerSnapshot.builder(distributor(new Licence(LicenceType.DEVICE_FILING, "F-1", LocalDate.of(2015, 1, 1), null, Set.of())),
                CreditAccount.builder(Money.cny("1000000")).grade(CreditGrade.B).build(), TODAY).build();
        OrderRequest mixed = OrderRequest.builder("SO-1", "D-1", TODAY).line("PUMP-1", DeviceClass.II, "07", Money.cny("1000"))
                .line("STENT-1", DeviceClass.III, "07", Money.cny("5000")).line("STENT-2", DeviceClass.III, "07", Money.cny("5000")).build();
        CreditDecision d = check(mixed, s);
        assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(d.blockedSkus()).containsExactlyInAnyOrder("STENT-1", "STENT-2");
        assertThat(d.reasons("LICENCE_MISSING")).singleElement().satisfies(r -> assertThat(r.skus()).containsExactly("STENT-1", "STENT-2"));
        OrderRequest split = OrderRequest.builder("SO-1", "D-1", TODAY).line("PUMP-1", DeviceClass.II, "07", Money.cny("1000")).build();
        assertThat(check(split, s).outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void aShipmentAddsNoExposureIsJudgedOnTheShipDateAndIgnoresTheGradeMaximum() {
        // 95,000 open (the shipment's order among them) on a 100,000 limit: the shipment itself is within the limit
        CreditDecision within = TestOrders.DEFAULT.checkShipment(shipment("10000").build(), snapshot("100000", "95000", WarningLevel.GREEN).build());
        assertThat(within.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(within.hasReason("CREDIT_LIMIT_NEAR")).isTrue();
        assertThat(check(order("10000", PaymentMethod.CREDIT).build(), snapshot("100000", "95000", WarningLevel.GREEN).build()).outcome())
                .isEqualTo(Outcome.ESCALATE);
        // over the limit already: the same matrix as orders
        CreditDecision over = TestOrders.DEFAULT.checkShipment(shipment("10000").build(), snapshot("100000", "110000", WarningLevel.GREEN).build());
        assertThat(over.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(over.requiredApproval()).contains(ApprovalLevel.CREDIT_MANAGER);
        // grade B allows 2,000,000 in one order; a larger shipment of an accepted order is not held for it
        assertThat(TestOrders.DEFAULT.checkShipment(shipment("2500000").build(), snapshot("100000000", "2500000", WarningLevel.GREEN).build())
                .hasReason("ORDER_VALUE_ABOVE_GRADE_MAX")).isFalse();
        // licences on the ship date: the class III licence lapses on 2028-06-15
        ShipmentRequest late = ShipmentRequest.builder("DN-2", "SO-1", "D-1", TODAY.plusYears(2).plusDays(1))
                .line("STENT-1", DeviceClass.III, "07", Money.cny("1000")).build();
        CustomerSnapshot then = CustomerSnapshot.builder(snapshot("1000000", "1000", WarningLevel.GREEN).build().customer(),
                CreditAccount.builder(Money.cny("1000000")).grade(CreditGrade.B).build(), TODAY.plusYears(2).plusDays(1))
                .openOrders(Money.cny("1000")).build();
        CreditDecision lapsed = TestOrders.DEFAULT.checkShipment(late, then);
        assertThat(lapsed.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(lapsed.hasReason("LICENCE_EXPIRED")).isTrue();
        assertThat(lapsed.blockedSkus()).containsExactly("STENT-1");
    }

    static Release release(String by, ApprovalLevel level, String upTo, LocalDate until) {
        return new Release(by, level, "paid by year end", Money.cny(upTo), until);
    }

    /** 105,000 open on a 100,000 limit plus a 10,000 order: 15% over, the credit manager's to release. */
    static CreditDecision released(String requestedBy, Release r, String amount) {
        return check(order(amount, PaymentMethod.CREDIT).requestedBy(requestedBy).release(r).build(),
                snapshot("100000", "105000", WarningLevel.GREEN).build());
    }

    @Test
    void aReleaseThatHoldsTurnsTheEscalationIntoAnApprovalKeepingEveryReason() {
        CreditDecision d = released("sales.wang", release("credit.li", ApprovalLevel.CREDIT_MANAGER, "10000", TODAY), "10000");
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(d.requiredApproval()).isEmpty();
        assertThat(d.hasReason("CREDIT_LIMIT_EXCEEDED")).isTrue();
        assertThat(d.reasons("RELEASED")).singleElement().satisfies(r -> assertThat(r.values()).containsEntry("approvedBy", "credit.li"));
    }

    @Test
    void aReleaseIsNotAppliedWhenAConditionFailsAndTheMessageSaysWhich() {
        assertThat(notApplied(released("sales.wang", release("s.zhao", ApprovalLevel.SALES_MANAGER, "10000", TODAY), "10000")))
                .contains("sales manager").contains("needs credit manager");
        assertThat(notApplied(released("sales.wang", release("credit.li", ApprovalLevel.CREDIT_MANAGER, "10000", TODAY), "10000.01")))
                .contains("above the released").contains("re-check on a value increase");
        assertThat(notApplied(released("sales.wang", release("credit.li", ApprovalLevel.CREDIT_MANAGER, "10000", TODAY.minusDays(1)), "10000")))
                .contains("valid until " + TODAY.minusDays(1));
        assertThat(notApplied(released(" Credit.LI ", release("credit.li", ApprovalLevel.CREDIT_MANAGER, "10000", TODAY), "10000")))
                .contains("four eyes");
    }

    private static String notApplied(CreditDecision d) {
        assertThat(d.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(d.hasReason("RELEASED")).isFalse();
        return d.reasons("RELEASE_NOT_APPLIED").get(0).message();
    }

    @Test
    void aReleaseNeverChangesARejectOrAFreeze() {
        CustomerSnapshot frozen = CustomerSnapshot.builder(snapshot("1000000", "0", WarningLevel.GREEN).build().customer(),
                CreditAccount.builder(Money.cny("1000000")).grade(CreditGrade.B).frozen(true).build(), TODAY).build();
        CreditDecision d = check(order("1000", PaymentMethod.CREDIT).requestedBy("sales.wang")
                .release(release("cfo", ApprovalLevel.FINANCE_DIRECTOR, "99999999", TODAY)).build(), frozen);
        assertThat(d.outcome()).isEqualTo(Outcome.FREEZE);
        assertThat(d.reasons("RELEASE_NOT_APPLIED").get(0).message()).contains("FREEZE, which no release changes");
    }

    @Test
    void badReleasesAndShipmentsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> release("credit.li", ApprovalLevel.CREDIT_MANAGER, "-1", TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("release.upTo");
        assertThatThrownBy(() -> release("  ", ApprovalLevel.CREDIT_MANAGER, "1", TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("release.approvedBy");
        Release usd = new Release("credit.li", ApprovalLevel.CREDIT_MANAGER, "", Money.of("10", "USD"), TODAY);
        assertThatThrownBy(() -> order("1", PaymentMethod.CREDIT).release(usd).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("release.upTo is in USD");
        assertThatThrownBy(() -> ShipmentRequest.builder("DN-1", "SO-1", "D-1", TODAY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shipment.lines");
        ShipmentRequest other = ShipmentRequest.builder("DN-1", "SO-1", "SOMEONE-ELSE", TODAY).line("A", DeviceClass.I, "22", Money.cny("1")).build();
        assertThatThrownBy(() -> TestOrders.DEFAULT.checkShipment(other, snapshot("1000", "0", WarningLevel.GREEN).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shipment.customerId");
    }
}
