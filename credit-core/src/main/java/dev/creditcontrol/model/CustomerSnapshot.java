package dev.creditcontrol.model;

import dev.creditcontrol.decision.WarningLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the host knows about a customer's credit on one date: the customer, the account,
 * its receivables (open and paid), open orders, goods delivered but not yet invoiced, acceptance
 * bills not yet honoured, securities held, and the credit group it shares a limit with.
 * Amounts may be in any currency: a check converts each into the account's currency at the rate
 * in force on the check date (see {@link ExchangeRateSource}); without a rate the check fails
 * with an {@link IllegalArgumentException} naming both currencies and the date.
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
 * @param group                the credit group whose pooled limit also applies, if any
 * @param acceptanceBills      bills the customer paid with, in the order given (unique bill numbers)
 * @param securities           guarantees, deposits and credit insurance held, in the order given
 */
public record CustomerSnapshot(Customer customer, CreditAccount account, LocalDate asOf, List<Receivable> receivables,
                               Money openOrders, Money deliveredNotInvoiced, Financials financials,
                               WarningLevel warningLevel, Optional<CreditGroup> group, List<AcceptanceBill> acceptanceBills,
                               List<Security> securities) {

    /** Validates the snapshot as a whole: unique invoice ids and bill numbers, no invoice or payment after {@code asOf}. */
    public CustomerSnapshot {
        Require.present(customer, "snapshot.customer");
        Require.present(account, "snapshot.account");
        Require.date(asOf, "snapshot.asOf");
        Require.present(financials, "snapshot.financials");
        Require.present(warningLevel, "snapshot.warningLevel");
        Require.noNulls(receivables, "snapshot.receivables");
        receivables = List.copyOf(receivables);
        Require.present(group, "snapshot.group");
        Require.noNulls(acceptanceBills, "snapshot.acceptanceBills");
        acceptanceBills = List.copyOf(acceptanceBills);
        Require.noNulls(securities, "snapshot.securities");
        securities = List.copyOf(securities);
        Require.nonNegative(openOrders, "snapshot.openOrders");
        Require.nonNegative(deliveredNotInvoiced, "snapshot.deliveredNotInvoiced");
        Set<String> bills = new HashSet<>();
        for (AcceptanceBill b : acceptanceBills) {
            if (!bills.add(b.billNumber())) {
                throw new IllegalArgumentException("bill.billNumber '" + b.billNumber() + "' appears twice in the snapshot");
            }
        }
        Set<String> ids = new HashSet<>();
        for (Receivable r : receivables) {
            if (!ids.add(r.invoiceId())) {
                throw new IllegalArgumentException("receivable.invoiceId '" + r.invoiceId() + "' appears twice in the snapshot");
            }
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
        private CreditGroup group;
        private final List<AcceptanceBill> bills = new ArrayList<>();
        private final List<Security> securities = new ArrayList<>();

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

        /** The level of the customer's last assessment (default GREEN). */
        public Builder warningLevel(WarningLevel level) {
            this.warningLevel = Require.present(level, "snapshot.warningLevel");
            return this;
        }

        /** Outside information for the scorecard: third-party score, financial ratios. */
        public Builder financials(Financials financials) {
            this.financials = Require.present(financials, "snapshot.financials");
            return this;
        }

        /** The credit group whose pooled limit also applies (default none). */
        public Builder group(CreditGroup group) {
            this.group = Require.present(group, "snapshot.group");
            return this;
        }

        /** Adds an acceptance bill the customer paid with; unmatured on the check date, it is a payment at risk. */
        public Builder acceptanceBill(AcceptanceBill bill) {
            bills.add(Require.present(bill, "snapshot.acceptanceBill"));
            return this;
        }

        /** Adds a security (guarantee, deposit, credit insurance); valid on the check date, it raises the limit. */
        public Builder security(Security security) {
            securities.add(Require.present(security, "snapshot.security"));
            return this;
        }

        /** Builds the snapshot; throws {@link IllegalArgumentException} naming the field that is wrong. */
        public CustomerSnapshot build() {
            Money zero = Money.zero(account.currencyCode());
            return new CustomerSnapshot(customer, account, asOf, receivables,
                    openOrders == null ? zero : openOrders,
                    deliveredNotInvoiced == null ? zero : deliveredNotInvoiced, financials, warningLevel,
                    Optional.ofNullable(group), bills, securities);
        }
    }
}
