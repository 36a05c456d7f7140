package dev.creditcontrol.facts;

import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.Receivable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's open receivables on the snapshot date, derived once in Java: the items the
 * collection rules see, and per aging band the open amount, the invoice count and the provision
 * (each item's amount in the account's currency × the rate of its whole years since issue,
 * rounded half-up to the minor unit per item, then summed).
 *
 * @param items      the open invoices, in snapshot order
 * @param labels     the aging bands in order
 * @param amounts    open amount per band (account currency)
 * @param invoices   open invoices per band
 * @param provisions provision per band (account currency)
 */
public record ReceivablesFacts(List<CollectionItem> items, List<String> labels, List<Money> amounts, List<Integer> invoices,
                               List<Money> provisions) {
    /** Copies the lists. */
    public ReceivablesFacts {
        items = List.copyOf(items);
        labels = List.copyOf(labels);
        amounts = List.copyOf(amounts);
        invoices = List.copyOf(invoices);
        provisions = List.copyOf(provisions);
    }

    /**
     * Derives the facts with the rule set's collection policy, converting with {@code converter}
     * (the account's currency, on the snapshot date).
     *
     * @throws IllegalArgumentException when an amount's currency has no rate on the snapshot date
     */
    public static ReceivablesFacts derive(CustomerSnapshot snapshot, CollectionPolicy policy, Converter converter) {
        if (snapshot == null) throw new IllegalArgumentException("snapshot is required but was null");
        if (policy == null) throw new IllegalArgumentException("policy is required but was null");
        String currency = snapshot.account().currencyCode();
        LocalDate asOf = snapshot.asOf();
        if (!converter.currency().equals(currency) || !converter.on().equals(asOf)) {
            throw new IllegalArgumentException("converter must convert into " + currency + " on " + asOf);
        }
        List<String> labels = policy.labels();
        int n = labels.size();
        BigDecimal[] amounts = new BigDecimal[n];
        BigDecimal[] provisions = new BigDecimal[n];
        int[] counts = new int[n];
        java.util.Arrays.fill(amounts, BigDecimal.ZERO);
        java.util.Arrays.fill(provisions, BigDecimal.ZERO);
        int digits = Money.zero(currency).amount().scale();
        String grade = CollectionItem.gradeName(snapshot.account().grade().orElse(null));
        List<CollectionItem> items = new ArrayList<>();
        for (Receivable r : snapshot.receivables()) {
            if (!r.isOpen()) continue;
            Money converted = converter.convert(r.amount(), "receivable.amount (invoice " + r.invoiceId() + ")");
            long past = Math.max(0, ChronoUnit.DAYS.between(r.due(), asOf));
            int bucket = policy.bucket(past);
            amounts[bucket] = amounts[bucket].add(converted.amount());
            counts[bucket]++;
            BigDecimal rate = policy.provisionRate(ChronoUnit.YEARS.between(r.issued(), asOf));
            provisions[bucket] = provisions[bucket].add(converted.amount().multiply(rate).setScale(Math.max(digits, 0), RoundingMode.HALF_UP));
            items.add(new CollectionItem(r.invoiceId(), r.amount(), converted, r.issued(), r.due(), past,
                    ChronoUnit.DAYS.between(asOf, r.due()), policy.level(past), snapshot.customer().type(), grade));
        }
        List<Money> amountList = new ArrayList<>(n);
        List<Money> provisionList = new ArrayList<>(n);
        List<Integer> countList = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            amountList.add(Money.of(amounts[i], currency));
            provisionList.add(Money.of(provisions[i], currency));
            countList.add(counts[i]);
        }
        return new ReceivablesFacts(items, labels, amountList, countList, provisionList);
    }
}
