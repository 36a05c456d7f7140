package dev.creditcontrol.examples;

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
import dev.creditcontrol.model.Receivable;
import dev.creditcontrol.rules.CreditControl;

import java.time.LocalDate;
import java.util.Set;

/** The README's first example, kept here so that the build compiles it and a test runs it. */
public final class ReadmeExample {

    public static String run() {
        // tag::example[]
        CreditControl control = CreditControl.withDefaultRules();          // once at start-up; thread-safe
        LocalDate today = LocalDate.of(2026, 6, 15);

        Customer hospital = Customer.builder("H-001", "第一人民医院", CustomerType.HOSPITAL)
                .licence(new Licence(LicenceType.MEDICAL_INSTITUTION_LICENCE, "PDY00001X44010011A1001",
                        LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1), Set.of()))
                .build();
        CreditAccount account = CreditAccount.builder(Money.cny("1000000")).paymentTermDays(60).grade(CreditGrade.A).build();
        CustomerSnapshot snapshot = CustomerSnapshot.builder(hospital, account, today)
                .receivable(Receivable.open("INV-1", Money.cny("850000"), today.minusDays(60), today.plusDays(120)))
                .build();
        OrderRequest order = OrderRequest.builder("SO-1", "H-001", today)
                .line("PM-300", DeviceClass.II, "07", Money.cny("100000"))
                .build();

        CreditDecision decision = control.checkOrder(order, snapshot);
        // decision.outcome() == APPROVE, with reason CREDIT_LIMIT_NEAR: exposure 950000 is 95% of the limit
        // end::example[]
        return decision.outcome() + " " + decision.reasons().stream().map(Reason::code).toList();
    }

    public static void main(String[] args) {
        System.out.println(run());
    }

    private ReadmeExample() {}
}
