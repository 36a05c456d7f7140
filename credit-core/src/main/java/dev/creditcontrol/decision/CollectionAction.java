package dev.creditcontrol.decision;

import dev.creditcontrol.model.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A notice to send about one open invoice: a reminder before it falls due (level 0) or a dunning
 * notice once it is past due (levels 1 to 4), in the tone the rule set gives the level and grade.
 *
 * @param invoiceId    the invoice
 * @param dunningLevel 0 reminder before due; 1 to 4 dunning, rising with days past due
 * @param tone         how the notice speaks
 * @param message      a ready notice naming the invoice, its open amount and its due date
 * @param amount       the open amount (in the invoice's currency)
 * @param due          the due date
 * @param rule         the rule that chose the tone
 */
public record CollectionAction(String invoiceId, int dunningLevel, Tone tone, String message, Money amount, LocalDate due,
                               String rule) {
    /** Validates the fields. */
    public CollectionAction {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(rule, "rule");
        if (dunningLevel < 0) throw new IllegalArgumentException("dunningLevel must not be negative: " + dunningLevel);
    }
}
