package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.ExchangeRates;
import dev.creditcontrol.decision.CreditAssessment;
import dev.creditcontrol.decision.CreditDecision;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.ShipmentRequest;
import dev.creditcontrol.rules.CreditControl;

import java.util.Optional;
import java.util.Set;

/**
 * One row of a scenario table: an order, the customer's snapshot, and what the analyst expects.
 * Rows without expectations are recorded cases, for {@link DecisionDiff}.
 *
 * @param name             the row's {@code case} column, or its line number
 * @param source           {@code file:line}, for messages
 * @param order            the order
 * @param snapshot         the customer snapshot
 * @param expectedOutcome  expected outcome, if given
 * @param expectedReasons  expected reason codes (as a set), if given; an empty set expects none
 * @param expectedApproval expected approval level, if given
 * @param expectedGrade    expected grade of the customer's assessment, if given
 * @param expectedLevel    expected early-warning level of the customer's assessment, if given
 * @param shipment         when the row is checked at the shipment checkpoint, the shipment (of {@code order}'s lines)
 * @param expectedBlocked  expected blocked SKUs (the lines a refusal names), if given; an empty set expects none
 * @param rates            the exchange rates the row is checked with, if it gives any (else the engine's own)
 * @param review           what the row expects of the customer's receivables review
 * @param previous         the customer's previous assessment, for the warnings that compare with it, if given
 */
public record Scenario(String name, String source, OrderRequest order, CustomerSnapshot snapshot,
                       Optional<Outcome> expectedOutcome, Optional<Set<String>> expectedReasons,
                       Optional<ApprovalLevel> expectedApproval, Optional<CreditGrade> expectedGrade,
                       Optional<WarningLevel> expectedLevel, Optional<ShipmentRequest> shipment,
                       Optional<Set<String>> expectedBlocked, Optional<ExchangeRates> rates, Review review,
                       Optional<Previous> previous) {

    /**
     * The previous assessment a row compares with: its score and grade (its level is the row's
     * {@code warningLevel}, the level the host recorded from it).
     *
     * @param score the previous score
     * @param grade the previous grade
     */
    public record Previous(int score, CreditGrade grade) {
        public Previous {
            if (score < 0 || score > 100) throw new IllegalArgumentException("previousScore must be 0..100, not " + score);
            if (grade == null) throw new IllegalArgumentException("previousGrade is required with previousScore");
        }
    }

    /** A row without a previous assessment. */
    public Scenario(String name, String source, OrderRequest order, CustomerSnapshot snapshot,
                    Optional<Outcome> expectedOutcome, Optional<Set<String>> expectedReasons,
                    Optional<ApprovalLevel> expectedApproval, Optional<CreditGrade> expectedGrade,
                    Optional<WarningLevel> expectedLevel, Optional<ShipmentRequest> shipment,
                    Optional<Set<String>> expectedBlocked, Optional<ExchangeRates> rates, Review review) {
        this(name, source, order, snapshot, expectedOutcome, expectedReasons, expectedApproval, expectedGrade, expectedLevel,
                shipment, expectedBlocked, rates, review, Optional.empty());
    }

    /**
     * What a row expects of the receivables review ({@code CreditControl.reviewReceivables}).
     *
     * @param dunningLevel the customer's dunning level
     * @param provision    the provision, as an amount in the account's currency (e.g. {@code 3500.00})
     * @param notices      the notices as {@code invoiceId:TONE}, e.g. {@code INV-1:GENTLE}; empty expects none
     */
    public record Review(Optional<Integer> dunningLevel, Optional<java.math.BigDecimal> provision, Optional<Set<String>> notices) {
        /** No expectation. */
        public static final Review NONE = new Review(Optional.empty(), Optional.empty(), Optional.empty());

        /** Whether the row expects anything of the review. */
        public boolean any() {
            return dunningLevel.isPresent() || provision.isPresent() || notices.isPresent();
        }
    }

    /** A row without expectations of the receivables review. */
    public Scenario(String name, String source, OrderRequest order, CustomerSnapshot snapshot,
                    Optional<Outcome> expectedOutcome, Optional<Set<String>> expectedReasons,
                    Optional<ApprovalLevel> expectedApproval, Optional<CreditGrade> expectedGrade,
                    Optional<WarningLevel> expectedLevel, Optional<ShipmentRequest> shipment,
                    Optional<Set<String>> expectedBlocked, Optional<ExchangeRates> rates) {
        this(name, source, order, snapshot, expectedOutcome, expectedReasons, expectedApproval, expectedGrade, expectedLevel,
                shipment, expectedBlocked, rates, Review.NONE);
    }

    /** A row checked with the engine's own exchange rates. */
    public Scenario(String name, String source, OrderRequest order, CustomerSnapshot snapshot,
                    Optional<Outcome> expectedOutcome, Optional<Set<String>> expectedReasons,
                    Optional<ApprovalLevel> expectedApproval, Optional<CreditGrade> expectedGrade,
                    Optional<WarningLevel> expectedLevel, Optional<ShipmentRequest> shipment,
                    Optional<Set<String>> expectedBlocked) {
        this(name, source, order, snapshot, expectedOutcome, expectedReasons, expectedApproval, expectedGrade, expectedLevel,
                shipment, expectedBlocked, Optional.empty(), Review.NONE);
    }

    /** A row with every expectation but the blocked lines. */
    public Scenario(String name, String source, OrderRequest order, CustomerSnapshot snapshot,
                    Optional<Outcome> expectedOutcome, Optional<Set<String>> expectedReasons,
                    Optional<ApprovalLevel> expectedApproval, Optional<CreditGrade> expectedGrade,
                    Optional<WarningLevel> expectedLevel, Optional<ShipmentRequest> shipment) {
        this(name, source, order, snapshot, expectedOutcome, expectedReasons, expectedApproval, expectedGrade, expectedLevel,
                shipment, Optional.empty());
    }

    /** A row checked at the order checkpoint. */
    public Scenario(String name, String source, OrderRequest order, CustomerSnapshot snapshot,
                    Optional<Outcome> expectedOutcome, Optional<Set<String>> expectedReasons,
                    Optional<ApprovalLevel> expectedApproval, Optional<CreditGrade> expectedGrade,
                    Optional<WarningLevel> expectedLevel) {
        this(name, source, order, snapshot, expectedOutcome, expectedReasons, expectedApproval, expectedGrade, expectedLevel,
                Optional.empty());
    }

    /** Checks the row with {@code control}: its shipment at the shipment checkpoint, else its order; pinned when a version is given. */
    public CreditDecision check(CreditControl engine, Optional<String> version) {
        CreditControl control = withRates(engine);
        if (shipment.isPresent()) {
            return version.isPresent() ? control.checkShipment(shipment.get(), snapshot, version.get())
                    : control.checkShipment(shipment.get(), snapshot);
        }
        return version.isPresent() ? control.checkOrder(order, snapshot, version.get()) : control.checkOrder(order, snapshot);
    }

    /** Assesses the row's customer with {@code engine} (and the row's rates), pinned when a version is given. */
    public CreditAssessment assess(CreditControl engine, Optional<String> version) {
        CreditControl control = withRates(engine);
        Optional<CreditAssessment> before = previous.map(p -> new CreditAssessment(snapshot.customer().id(), snapshot.asOf(), p.score(),
                p.grade(), snapshot.warningLevel(), Set.of(), dev.creditcontrol.model.Money.zero(snapshot.account().currencyCode()), false,
                dev.creditcontrol.model.Money.zero(snapshot.account().currencyCode()), 0, dev.creditcontrol.model.PaymentMethod.PREPAYMENT,
                java.util.List.of(), java.util.List.of(), "scenario", "previous", java.time.Instant.EPOCH));
        return version.isPresent() ? control.assess(snapshot, before, version.get()) : control.assess(snapshot, before);
    }

    /** Reviews the row's customer's receivables with {@code engine} (and the row's rates). */
    public dev.creditcontrol.decision.ReceivablesReview review(CreditControl engine) {
        return withRates(engine).reviewReceivables(snapshot);
    }

    private CreditControl withRates(CreditControl engine) {
        return rates.isPresent() ? engine.withExchangeRates(rates.get()) : engine;
    }

    /** A row with expectations about the order's decision only. */
    public Scenario(String name, String source, OrderRequest order, CustomerSnapshot snapshot,
                    Optional<Outcome> expectedOutcome, Optional<Set<String>> expectedReasons,
                    Optional<ApprovalLevel> expectedApproval) {
        this(name, source, order, snapshot, expectedOutcome, expectedReasons, expectedApproval, Optional.empty(), Optional.empty());
    }

    /** Whether the row says what it expects. */
    public boolean hasExpectations() {
        return expectedOutcome.isPresent() || expectedReasons.isPresent() || expectedApproval.isPresent()
                || expectedGrade.isPresent() || expectedLevel.isPresent() || expectedBlocked.isPresent() || review.any();
    }
}
