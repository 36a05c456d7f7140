package dev.creditcontrol.rules.internal;

import dev.creditcontrol.facts.AssessmentFacts;
import dev.creditcontrol.facts.CreditFacts;
import dev.creditcontrol.facts.FactPolicy;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.Receivable;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Runs a freshly compiled rule set over a few synthetic orders, so the JIT has compiled the
 * evaluation path before the first real check (a cold JVM is 3-4x slower otherwise).
 */
final class WarmUp {
    private static final int ROUNDS = 50;

    private WarmUp() {}

    static List<CreditFacts> samples(LocalDate date, FactPolicy policy) {
        Licence business = new Licence(LicenceType.BUSINESS_LICENCE, "WARMUP-B", date.minusYears(5), null, Set.of());
        Licence classIII = new Licence(LicenceType.DEVICE_OPERATION_LICENCE, "WARMUP-III", date.minusYears(2),
                date.plusDays(10), Set.of("07"));
        Licence institution = new Licence(LicenceType.MEDICAL_INSTITUTION_LICENCE, "WARMUP-M", date.minusYears(5),
                date.plusYears(5), Set.of());
        Customer hospital = Customer.builder("WARMUP-H", "warm-up hospital", CustomerType.HOSPITAL)
                .licence(business).licence(institution).build();
        Customer distributor = Customer.builder("WARMUP-D", "warm-up distributor", CustomerType.DISTRIBUTOR)
                .licence(business).licence(classIII).build();
        CreditAccount account = CreditAccount.builder(Money.cny("1000000")).validUntil(date.plusYears(1)).build();
        CustomerSnapshot h = CustomerSnapshot.builder(hospital, account, date)
                .receivable(Receivable.open("W1", Money.cny("500000"), date.minusDays(200), date.minusDays(100)))
                .build();
        CustomerSnapshot d = CustomerSnapshot.builder(distributor, account, date).build();
        OrderRequest toHospital = OrderRequest.builder("WARMUP-1", "WARMUP-H", date)
                .line("S1", DeviceClass.II, "07", Money.cny("450000")).build();
        OrderRequest toDistributor = OrderRequest.builder("WARMUP-2", "WARMUP-D", date)
                .line("S1", DeviceClass.III, "07", Money.cny("1200000"))
                .line("S2", DeviceClass.II, "14", Money.cny("1000")).build();
        return List.of(CreditFacts.derive(toHospital, h, policy), CreditFacts.derive(toDistributor, d, policy));
    }

    static AssessmentFacts assessmentSample(LocalDate date, FactPolicy policy) {
        Licence business = new Licence(LicenceType.BUSINESS_LICENCE, "WARMUP-B", date.minusYears(5), null, Set.of());
        Customer agent = Customer.builder("WARMUP-A", "warm-up agent", CustomerType.AGENT).licence(business).build();
        CustomerSnapshot.Builder s = CustomerSnapshot.builder(agent,
                CreditAccount.builder(Money.cny("1000000")).build(), date);
        for (int m = 1; m <= 12; m++) {
            LocalDate due = date.minusDays(30L * m);
            s.receivable(Receivable.paid("W" + m, Money.cny("50000"), due.minusDays(60), due, due.plusDays(m % 3 * 20L)));
        }
        return AssessmentFacts.derive(s.build(), policy);
    }

    /**
     * Runs the samples; the first failure ends the warm-up and is thrown (a rule that loops or
     * overruns would only do it again, and a warm-up must not take a deadline per round).
     */
    static void run(CompiledRuleSet ruleSet, Limits limits) {
        FactPolicy policy = ruleSet.policy().facts();
        List<CreditFacts> samples = samples(ruleSet.info().effectiveFrom(), policy);
        AssessmentFacts customer = assessmentSample(ruleSet.info().effectiveFrom(), policy);
        for (int i = 0; i < ROUNDS; i++) {
            for (CreditFacts facts : samples) ruleSet.evaluate(facts, limits);
            ruleSet.assess(customer, limits);
        }
    }
}
