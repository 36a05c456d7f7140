package dev.creditcontrol.model;

import dev.creditcontrol.decision.WarningLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the host knows about a customer's credit on one date: the customer, the account,
 * its receivables (open and paid), open orders and goods delivered but not yet invoiced.
 * All amounts are in the account's currency.
 *
 * @param customer             the customer
 * @param account              the credit account
 * @param asOf                 the date the snapshot describes; overdue days are counted to it
 * @param receivables          invoices, open and paid, in the order given
 * @param openOrders           value of accepted orders not yet delivered
 * @param deliveredNotInvoiced value of goods delivered but not yet invoiced
 * @param financials           outside information for the scorecard ({@link Financials#none()} when the host has none)
 * @param warningLevel         the level of the customer's last assessment ({@code GREEN} when none): RED freezes
 *                             credit, ORANGE sends credit orders for approval
 */
public record CustomerSnapshot(Customer customer, CreditAccount account, LocalDate asOf, List<Receivable> receivables,
                               Money openOrders, Money deliveredNotInvoiced, Financials financials,
                               WarningLevel warningLevel) {

    /** Validates the snapshot as a whole: one currency, unique invoice ids, no payment after {@code asOf}. */
    public CustomerSnapshot {
        Require.present(customer, "snapshot.customer");
        Require.present(account, "snapshot.account");
        Require.date(asOf, "snapshot.asOf");
        Require.present(financials, "snapshot.financials");
        Require.present(warningLevel, "snapshot.warningLevel");
        Require.noNulls(receivables, "snapshot.receivables");
        receivables = List.copyOf(receivables);
        String currency = account.currencyCode();
        Require.nonNegative(openOrders, "snapshot.openOrders");
        Require.sameCurrency(openOrders, currency, "snapshot.openOrders");
        Require.nonNegative(deliveredNotInvoiced, "snapshot.deliveredNotInvoiced");
        Require.sameCurrency(deliveredNotInvoiced, currency, "snapshot.deliveredNotInvoiced");
        Set<String> ids = new HashSet<>();
        for (Receivable r : receivables) {
            if (!ids.add(r.invoiceId())) {
                throw new IllegalArgumentException("receivable.invoiceId '" + r.invoiceId() + "' appears twice in the snapshot");
            }
            Require.sameCurrency(r.amount(), currency, "receivable.amount (invoice " + r.invoiceId() + ")");
            if (r.issued().isAfter(asOf)) {
                throw new IllegalArgumentException("receivable.issued " + r.issued() + " is after snapshot.asOf " + asOf
                        + " (invoice " + r.invoiceId() + "): a snapshot cannot hold a later invoice");
            }
            if (r.paidOn().isPresent() && r.paidOn().get().isAfter(asOf)) {
                throw new IllegalArgumentException("receivable.paidOn " + r.paidOn().get() + " is after snapshot.asOf "
                        + asOf + " (invoice " + r.invoiceId() + "): a snapshot cannot know a later payment");
            }
        }
    }

    /** Starts a snapshot of a customer and account on a date. */
    public static Builder builder(Customer customer, CreditAccount account, LocalDate asOf) {
        return new Builder(customer, account, asOf);
    }

    /** Builds a {@link CustomerSnapshot}; not thread-safe. */
    public static final class Builder {
        private final Customer customer;
        private final CreditAccount account;
        private final LocalDate asOf;
        private final List<Receivable> receivables = new ArrayList<>();
        private Money openOrders;
        private Money deliveredNotInvoiced;
        private Financials financials = Financials.none();
        private WarningLevel warningLevel = WarningLevel.GREEN;

        private Builder(Customer customer, CreditAccount account, LocalDate asOf) {
            this.customer = Require.present(customer, "snapshot.customer");
            this.account = Require.present(account, "snapshot.account");
            this.asOf = Require.present(asOf, "snapshot.asOf");
        }

        /** Adds an invoice, open or paid. */
        public Builder receivable(Receivable receivable) {
            receivables.add(Require.present(receivable, "snapshot.receivable"));
            return this;
        }

        /** Value of accepted orders not yet delivered (default zero). */
        public Builder openOrders(Money amount) {
            this.openOrders = Require.present(amount, "snapshot.openOrders");
            return this;
        }

        /** Value of goods delivered but not yet invoiced (default zero). */
        public Builder deliveredNotInvoiced(Money amount) {
            this.deliveredNotInvoiced = Require.present(amount, "snapshot.deliveredNotInvoiced");
            return this;
        }

        /** Outside information for the scorecard: third-party score, financial ratios. */
        /** The level of the customer's last assessment (default GREEN). */
        public Builder warningLevel(WarningLevel level) {
            this.warningLevel = Require.present(level, "snapshot.warningLevel");
            return this;
        }

        public Builder financials(Financials financials) {
            this.financials = Require.present(financials, "snapshot.financials");
            return this;
        }

        /** Builds the snapshot; throws {@link IllegalArgumentException} naming the field that is wrong. */
        public CustomerSnapshot build() {
            Money zero = Money.zero(account.currencyCode());
            return new CustomerSnapshot(customer, account, asOf, receivables,
                    openOrders == null ? zero : openOrders,
                    deliveredNotInvoiced == null ? zero : deliveredNotInvoiced, financials, warningLevel);
        }
    }
}
