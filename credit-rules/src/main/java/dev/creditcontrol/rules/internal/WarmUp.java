package dev.creditcontrol.rules.internal;

import dev.creditcontrol.facts.AssessmentFacts;
import dev.creditcontrol.facts.Converter;
import dev.creditcontrol.facts.CreditFacts;
import dev.creditcontrol.model.AcceptanceBill;
import dev.creditcontrol.model.BillType;
import dev.creditcontrol.model.CreditGroup;
import dev.creditcontrol.model.ExchangeRates;
import dev.creditcontrol.model.Security;
import dev.creditcontrol.model.SecurityType;
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

    static List<CreditFacts> samples(LocalDate date, FactPolicy policy, String currency) {
        Licence business = new Licence(LicenceType.BUSINESS_LICENCE, "WARMUP-B", date.minusYears(5), null, Set.of());
        Licence classIII = new Licence(LicenceType.DEVICE_OPERATION_LICENCE, "WARMUP-III", date.minusYears(2),
                date.plusDays(10), Set.of("07"));
        Licence institution = new Licence(LicenceType.MEDICAL_INSTITUTION_LICENCE, "WARMUP-M", date.minusYears(5),
                date.plusYears(5), Set.of());
        Customer hospital = Customer.builder("WARMUP-H", "warm-up hospital", CustomerType.HOSPITAL)
                .licence(business).licence(institution).build();
        Customer distributor = Customer.builder("WARMUP-D", "warm-up distributor", CustomerType.DISTRIBUTOR)
                .licence(business).licence(classIII).build();
        CreditAccount account = CreditAccount.builder(Money.of("1000000", currency)).validUntil(date.plusYears(1)).build();
        CustomerSnapshot h = CustomerSnapshot.builder(hospital, account, date)
                .receivable(Receivable.open("W1", Money.of("500000", currency), date.minusDays(200), date.minusDays(100)))
                .build();
        // a group, a bill and a security, so the rules on them are warm too
        CustomerSnapshot d = CustomerSnapshot.builder(distributor, account, date)
                .group(new CreditGroup("WARMUP-G", Money.of("3000000", currency), Money.of("2500000", currency)))
                .acceptanceBill(new AcceptanceBill("WARMUP-CAB", BillType.COMMERCIAL, Money.of("100000", currency), date.plusDays(30)))
                .security(new Security(SecurityType.BANK_GUARANTEE, Money.of("100000", currency), date.plusDays(30))).build();
        OrderRequest toHospital = OrderRequest.builder("WARMUP-1", "WARMUP-H", date)
                .line("S1", DeviceClass.II, "07", Money.of("450000", currency)).build();
        OrderRequest toDistributor = OrderRequest.builder("WARMUP-2", "WARMUP-D", date)
                .line("S1", DeviceClass.III, "07", Money.of("1200000", currency))
                .line("S2", DeviceClass.II, "14", Money.of("1000", currency)).build();
        return List.of(CreditFacts.derive(toHospital, h, policy), CreditFacts.derive(toDistributor, d, policy));
    }

    /** Samples are in the rule set's own currency (CNY when it declares none), so no rate is needed. */
    static String currency(CompiledRuleSet ruleSet) {
        return ruleSet.parameters().currency().orElse("CNY");
    }

    static AssessmentFacts assessmentSample(LocalDate date, FactPolicy policy, String currency) {
        Licence business = new Licence(LicenceType.BUSINESS_LICENCE, "WARMUP-B", date.minusYears(5), null, Set.of());
        Customer agent = Customer.builder("WARMUP-A", "warm-up agent", CustomerType.AGENT).licence(business).build();
        CustomerSnapshot.Builder s = CustomerSnapshot.builder(agent,
                CreditAccount.builder(Money.of("1000000", currency)).build(), date);
        for (int m = 1; m <= 12; m++) {
            LocalDate due = date.minusDays(30L * m);
            s.receivable(Receivable.paid("W" + m, Money.of("50000", currency), due.minusDays(60), due, due.plusDays(m % 3 * 20L)));
        }
        return AssessmentFacts.derive(s.build(), policy);
    }

    /**
     * Runs the samples; the first failure ends the warm-up and is thrown (a rule that loops or
     * overruns would only do it again, and a warm-up must not take a deadline per round).
     */
    static void run(CompiledRuleSet ruleSet, Limits limits) {
        FactPolicy policy = ruleSet.policy().facts();
        String currency = currency(ruleSet);
        LocalDate date = ruleSet.info().effectiveFrom();
        List<CreditFacts> samples = samples(date, policy, currency);
        AssessmentFacts customer = assessmentSample(date, policy, currency);
        Converter converter = Converter.of(ExchangeRates.none(), currency, date);
        for (int i = 0; i < ROUNDS; i++) {
            for (CreditFacts facts : samples) ruleSet.evaluate(facts, limits, converter);
            ruleSet.assess(customer, limits, converter);
        }
    }
}
