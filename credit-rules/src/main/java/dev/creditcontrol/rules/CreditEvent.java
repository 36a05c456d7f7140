package dev.creditcontrol.rules;

import dev.creditcontrol.model.Money;

import java.util.Objects;

/**
 * Something that happened to a customer and may call for a new assessment
 * ({@link CreditControl#needsReassessment}).
 */
public sealed interface CreditEvent {
    /** The customer it happened to. */
    String customerId();

    /** An order was placed; large ones (relative to the recommended limit) call for a review. */
    record LargeOrder(String customerId, Money amount) implements CreditEvent {
        public LargeOrder {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** An invoice went past due. */
    record NewOverdueItem(String customerId, String invoiceId) implements CreditEvent {
        public NewOverdueItem {
            Objects.requireNonNull(customerId, "customerId");
        }
    }

    /** A licence was added, renewed, changed or withdrawn. */
    record LicenceChanged(String customerId) implements CreditEvent {
        public LicenceChanged {
            Objects.requireNonNull(customerId, "customerId");
        }
    }

    /** The credit limit or its terms changed. */
    record LimitChanged(String customerId) implements CreditEvent {
        public LimitChanged {
            Objects.requireNonNull(customerId, "customerId");
        }
    }
}
