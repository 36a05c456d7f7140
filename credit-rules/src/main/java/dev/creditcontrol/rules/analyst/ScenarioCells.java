package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.model.AcceptanceBill;
import dev.creditcontrol.model.BillType;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGroup;
import dev.creditcontrol.model.ExchangeRates;
import dev.creditcontrol.model.Security;
import dev.creditcontrol.model.SecurityType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderLine;
import dev.creditcontrol.model.Receivable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The grammar inside scenario cells, both ways. Dates are ISO ({@code 2026-06-15}) or days
 * relative to the order date ({@code +30}, {@code -1}). Multi-valued cells separate entries with
 * {@code ;} and the parts of an entry with {@code :}; a licence scope separates codes with {@code |}.
 * An amount is a number in the row's currency, or a number and a currency code ({@code 15000 USD}).
 */
final class ScenarioCells {
    private ScenarioCells() {}

    static LocalDate date(String value, LocalDate orderDate) {
        if (value.startsWith("+") || value.startsWith("-")) {
            try {
                return orderDate.plusDays(Long.parseLong(value));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw new IllegalArgumentException("not a number of days from the order date");
            }
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (YYYY-MM-DD, or +N / -N days from the order date)");
        }
    }

    static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Set<String> codes(String value) {
        if (value.equals("-") || value.equalsIgnoreCase("none")) return Set.of();
        return new LinkedHashSet<>(Arrays.asList(value.split("[\\s;,]+")));
    }

    static String codes(Set<String> codes) {
        return codes.isEmpty() ? "none" : String.join(" ", codes);
    }

    /** {@code 1000.50} in {@code currency}, or {@code 1000.50 USD} in the currency named. */
    static Money money(String value, String currency) {
        String[] p = value.strip().split("\\s+");
        if (p.length > 2) throw new IllegalArgumentException("an amount is a number, optionally followed by a currency code: '" + value + "'");
        return Money.of(p[0], p.length == 2 ? p[1] : currency);
    }

    /** The amount, with its currency code when it is not {@code currency}. */
    static String money(Money m, String currency) {
        return m.amount().toPlainString() + (m.currencyCode().equals(currency) ? "" : " " + m.currencyCode());
    }

    /** {@code FROM:TO:rate[:effectiveFrom]; ...}: exchange rates, in force from 1900-01-01 unless a date is given. */
    static ExchangeRates rates(String value, LocalDate orderDate) {
        ExchangeRates.Builder rates = ExchangeRates.builder();
        for (String entry : entries(value)) {
            String[] p = entry.split(":");
            if (p.length < 3 || p.length > 4) throw new IllegalArgumentException("a rate is FROM:TO:rate[:effectiveFrom], not '" + entry + "'");
            rates.rate(p[0].strip(), p[1].strip(), p.length == 4 ? date(p[3].strip(), orderDate) : LocalDate.of(1900, 1, 1), p[2].strip());
        }
        return rates.build();
    }

    /** {@code groupId:limit:exposureOfOtherMembers} in {@code currency}. */
    static CreditGroup group(String value, String currency) {
        String[] p = value.split(":");
        if (p.length != 3) throw new IllegalArgumentException("a group is groupId:limit:exposureOfOtherMembers, not '" + value + "'");
        return new CreditGroup(p[0].strip(), money(p[1], currency), money(p[2], currency));
    }

    static String group(CreditGroup g, String currency) {
        return safe(g.groupId()) + ":" + money(g.limit(), currency) + ":" + money(g.exposureOfOtherMembers(), currency);
    }

    /** {@code number:BANK|COMMERCIAL:amount:matures; ...}: acceptance bills, amounts in {@code currency}. */
    static List<AcceptanceBill> bills(String value, LocalDate orderDate, String currency) {
        List<AcceptanceBill> bills = new ArrayList<>();
        for (String entry : entries(value)) {
            String[] p = entry.split(":");
            if (p.length != 4) throw new IllegalArgumentException("a bill is number:TYPE:amount:matures, not '" + entry + "'");
            bills.add(new AcceptanceBill(p[0].strip(), enumValue(BillType.class, p[1]), money(p[2], currency), date(p[3].strip(), orderDate)));
        }
        return bills;
    }

    static String bills(List<AcceptanceBill> bills, String currency) {
        return bills.stream().map(b -> safe(b.billNumber()) + ":" + b.type() + ":" + money(b.amount(), currency) + ":" + b.matures())
                .collect(Collectors.joining("; "));
    }

    /** {@code TYPE:amount[:validUntil]; ...}: securities, amounts in {@code currency}; without a date they do not expire. */
    static List<Security> securities(String value, LocalDate orderDate, String currency) {
        List<Security> securities = new ArrayList<>();
        for (String entry : entries(value)) {
            String[] p = entry.split(":");
            if (p.length < 2 || p.length > 3) throw new IllegalArgumentException("a security is TYPE:amount[:validUntil], not '" + entry + "'");
            securities.add(new Security(enumValue(SecurityType.class, p[0]), money(p[1], currency),
                    p.length == 3 && !p[2].isBlank() ? date(p[2].strip(), orderDate) : null));
        }
        return securities;
    }

    static String securities(List<Security> securities, String currency) {
        return securities.stream().map(s -> s.type() + ":" + money(s.amount(), currency) + s.expiry().map(d -> ":" + d).orElse(""))
                .collect(Collectors.joining("; "));
    }

    /** {@code CLASS:category:amount[:sku]; ...} in {@code currency}. */
    static List<OrderLine> lines(String value, String currency) {
        List<OrderLine> lines = new ArrayList<>();
        for (String entry : entries(value)) {
            String[] p = entry.split(":");
            if (p.length < 3 || p.length > 4) throw new IllegalArgumentException("a line is CLASS:category:amount[:sku], not '" + entry + "'");
            DeviceClass cls = enumValue(DeviceClass.class, p[0]);
            String sku = p.length == 4 ? p[3].strip() : "SKU-" + (lines.size() + 1);
            lines.add(new OrderLine(sku, cls, p[1].strip(), money(p[2], currency)));
        }
        return lines;
    }

    static String lines(List<OrderLine> lines, String currency) {
        return lines.stream().map(l -> l.deviceClass() + ":" + safe(l.category()) + ":" + money(l.amount(), currency)
                + ":" + safe(l.sku())).collect(Collectors.joining("; "));
    }

    /** {@code TYPE[:validUntil|none[:scope|scope[:validFrom[:number]]]]; ...}, or {@code none}. */
    static List<Licence> licences(String value, LocalDate orderDate) {
        if (value.equalsIgnoreCase("none")) return List.of();
        List<Licence> licences = new ArrayList<>();
        for (String entry : entries(value)) {
            String[] p = entry.split(":", -1);
            if (p.length > 5) {
                throw new IllegalArgumentException("a licence is TYPE[:validUntil[:scope|scope[:validFrom[:number]]]], not '" + entry + "'");
            }
            LicenceType type = enumValue(LicenceType.class, p[0]);
            LocalDate until = p.length > 1 && !p[1].isBlank() && !p[1].strip().equalsIgnoreCase("none") ? date(p[1].strip(), orderDate) : null;
            Set<String> scope = p.length > 2 && !p[2].isBlank()
                    ? Arrays.stream(p[2].split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet())
                    : Set.of();
            LocalDate from = p.length > 3 && !p[3].isBlank() ? date(p[3].strip(), orderDate) : LocalDate.of(2000, 1, 1);
            String number = p.length > 4 && !p[4].isBlank() ? p[4].strip() : type.name() + "-" + (licences.size() + 1);
            licences.add(new Licence(type, number, from, until, scope));
        }
        return licences;
    }

    static String licences(List<Licence> licences) {
        if (licences.isEmpty()) return "none";
        return licences.stream().map(l -> l.type().name() + ":" + (l.validUntil() == null ? "none" : l.validUntil()) + ":"
                + new TreeSet<>(l.scope()).stream().map(ScenarioCells::safe).collect(Collectors.joining("|")) + ":"
                + l.validFrom() + ":" + safe(l.number())).collect(Collectors.joining("; "));
    }

    /** {@code id:amount:issued:due[:paidOn]; ...} in {@code currency}. */
    static List<Receivable> receivables(String value, LocalDate orderDate, String currency) {
        List<Receivable> receivables = new ArrayList<>();
        for (String entry : entries(value)) {
            String[] p = entry.split(":");
            if (p.length < 4 || p.length > 5) throw new IllegalArgumentException("a receivable is id:amount:issued:due[:paidOn], not '" + entry + "'");
            Money amount = money(p[1], currency);
            LocalDate issued = date(p[2].strip(), orderDate);
            LocalDate due = date(p[3].strip(), orderDate);
            receivables.add(p.length == 5
                    ? Receivable.paid(p[0].strip(), amount, issued, due, date(p[4].strip(), orderDate))
                    : Receivable.open(p[0].strip(), amount, issued, due));
        }
        return receivables;
    }

    static String receivables(List<Receivable> receivables, String currency) {
        return receivables.stream().map(r -> safe(r.invoiceId()) + ":" + money(r.amount(), currency) + ":" + r.issued()
                + ":" + r.due() + r.paidOn().map(p -> ":" + p).orElse("")).collect(Collectors.joining("; "));
    }

    /** {@code approvedBy:LEVEL:upTo:validUntil[:reason]}: an approval granted earlier, {@code upTo} in {@code currency}. */
    static dev.creditcontrol.decision.Release release(String value, LocalDate orderDate, String currency) {
        String[] p = value.split(":", 5);
        if (p.length < 4) throw new IllegalArgumentException("a release is approvedBy:LEVEL:upTo:validUntil[:reason], not '" + value + "'");
        return new dev.creditcontrol.decision.Release(p[0].strip(), enumValue(dev.creditcontrol.decision.ApprovalLevel.class, p[1]),
                p.length == 5 ? p[4].strip() : "", money(p[2], currency), date(p[3].strip(), orderDate));
    }

    static String release(dev.creditcontrol.decision.Release r, String currency) {
        return safe(r.approvedBy()) + ":" + r.level() + ":" + money(r.upTo(), currency) + ":" + r.validUntil()
                + (r.reason().isEmpty() ? "" : ":" + r.reason().replace(";", ","));
    }

    /** {@code amount:validUntil}: a temporary increase of the limit, in the account's currency. */
    static CreditAccount.TemporaryIncrease temporaryIncrease(String value, LocalDate orderDate, String currency) {
        String[] p = value.split(":");
        if (p.length != 2) throw new IllegalArgumentException("a temporary increase is amount:validUntil, not '" + value + "'");
        return new CreditAccount.TemporaryIncrease(Money.of(p[0].strip(), currency), date(p[1].strip(), orderDate));
    }

    static String temporaryIncrease(CreditAccount.TemporaryIncrease t) {
        return t.amount().amount().toPlainString() + ":" + t.validUntil();
    }

    private static List<String> entries(String value) {
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Text written inside a cell must not hold the separators, or it would not read back the same. */
    static String safe(String text) {
        if (text.contains(":") || text.contains(";") || text.contains("|")) {
            throw new IllegalArgumentException("'" + text + "' contains ':', ';' or '|', which the scenario format uses as separators");
        }
        return text;
    }
}
