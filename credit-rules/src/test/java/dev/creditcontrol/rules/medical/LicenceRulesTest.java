package dev.creditcontrol.rules.medical;

import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.PaymentMethod;
import dev.creditcontrol.rules.TestOrders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.creditcontrol.rules.TestOrders.TODAY;
import static dev.creditcontrol.rules.TestOrders.codes;
import static dev.creditcontrol.rules.TestOrders.distributor;
import static dev.creditcontrol.rules.TestOrders.licence;
import static org.assertj.core.api.Assertions.assertThat;

/** licences.drl: missing, not valid, out of scope, expiring; for every payment method. */
class LicenceRulesTest {

    @Test
    void rejectsClassIIIOrderWhenDistributorHasNoClassIIILicence() {
        CreditDecision d = distributor().withOnlyLicences(licence(LicenceType.BUSINESS_LICENCE, null))
                .line(DeviceClass.III, "07", "1000").check();
        assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(codes(d)).containsExactly("LICENCE_MISSING");
        assertThat(d.reasons().get(0).values()).containsEntry("requiredType", "DEVICE_OPERATION_LICENCE");
    }

    @Test
    void rejectsClassIIOrderWhenDistributorHasNoFiling() {
        CreditDecision d = distributor().withOnlyLicences(licence(LicenceType.BUSINESS_LICENCE, null),
                        licence(LicenceType.DEVICE_OPERATION_LICENCE, null))
                .line(DeviceClass.II, "07", "1000").check();
        assertThat(codes(d)).containsExactly("LICENCE_MISSING");
    }

    @Test
    void classIOrderNeedsOnlyTheBusinessLicence() {
        CreditDecision d = distributor().withOnlyLicences(licence(LicenceType.BUSINESS_LICENCE, null))
                .line(DeviceClass.I, "22", "1000").check();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void distributorWithoutABusinessLicenceCannotBuyEvenClassI() {
        CreditDecision d = distributor().withOnlyLicences().line(DeviceClass.I, "22", "1000").check();
        assertThat(codes(d)).containsExactly("LICENCE_MISSING");
    }

    @Test
    void hospitalWithoutItsMedicalInstitutionLicenceIsRefused() {
        CreditDecision d = TestOrders.of(CustomerType.HOSPITAL).withOnlyLicences(licence(LicenceType.BUSINESS_LICENCE, null))
                .line(DeviceClass.II, "07", "1000").check();
        assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(codes(d)).containsExactly("LICENCE_MISSING");
    }

    @Test
    void hospitalNeedsNoDeviceOperationLicenceForClassIII() {
        CreditDecision d = TestOrders.of(CustomerType.CLINIC).line(DeviceClass.III, "07", "1000").check();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void licenceValidOnItsLastDayPasses() {
        CreditDecision d = distributor().withOnlyLicences(licence(LicenceType.BUSINESS_LICENCE, null),
                licence(LicenceType.DEVICE_OPERATION_LICENCE, TODAY, "07")).line(DeviceClass.III, "07", "1000").check();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(codes(d)).containsExactly("LICENCE_EXPIRING");
    }

    @Test
    void rejectsClassIIIOrderWhenLicenceExpiredTheDayBefore() {
        CreditDecision d = distributor().withOnlyLicences(licence(LicenceType.BUSINESS_LICENCE, null),
                licence(LicenceType.DEVICE_OPERATION_LICENCE, TODAY.minusDays(1), "07")).line(DeviceClass.III, "07", "1000").check();
        assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(codes(d)).containsExactly("LICENCE_EXPIRED");
    }

    @Test
    void rejectsWhenTheLicenceDoesNotCoverTheCategory() {
        CreditDecision d = distributor().withOnlyLicences(licence(LicenceType.BUSINESS_LICENCE, null),
                licence(LicenceType.DEVICE_OPERATION_LICENCE, null, "14")).line(DeviceClass.III, "07", "1000").check();
        assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(codes(d)).containsExactly("LICENCE_SCOPE");
        assertThat(d.reasons().get(0).values()).containsEntry("category", "07");
    }

    @Test
    void warnsThirtyDaysBeforeExpiryButNotThirtyOne() {
        CreditDecision at30 = distributor().withOnlyLicences(licence(LicenceType.BUSINESS_LICENCE, null),
                licence(LicenceType.DEVICE_OPERATION_LICENCE, TODAY.plusDays(30))).line(DeviceClass.III, "07", "1").check();
        CreditDecision at31 = distributor().withOnlyLicences(licence(LicenceType.BUSINESS_LICENCE, null),
                licence(LicenceType.DEVICE_OPERATION_LICENCE, TODAY.plusDays(31))).line(DeviceClass.III, "07", "1").check();
        assertThat(at30.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(codes(at30)).containsExactly("LICENCE_EXPIRING");
        assertThat(codes(at31)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PaymentMethod.class)
    void licenceChecksApplyToEveryPaymentMethod(PaymentMethod method) {
        CreditDecision d = distributor().withOnlyLicences(licence(LicenceType.BUSINESS_LICENCE, null))
                .paidBy(method).line(DeviceClass.III, "07", "1000").check();
        assertThat(d.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(codes(d)).containsExactly("LICENCE_MISSING");
    }

    @Test
    void eachUncoveredCategoryIsItsOwnReason() {
        CreditDecision d = distributor().withOnlyLicences(licence(LicenceType.BUSINESS_LICENCE, null),
                        licence(LicenceType.DEVICE_OPERATION_LICENCE, null, "14"))
                .line(DeviceClass.III, "07", "1").line(DeviceClass.III, "14", "1").line(DeviceClass.III, "22", "1").check();
        assertThat(codes(d)).containsExactly("LICENCE_SCOPE", "LICENCE_SCOPE");
    }
}
