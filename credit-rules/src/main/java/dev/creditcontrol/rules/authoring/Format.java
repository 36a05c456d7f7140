package dev.creditcontrol.rules.authoring;

import dev.creditcontrol.model.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The one way amounts, dates and shares are written for people, in every language, message,
 * report and command-line output: amounts with thousands separators, two decimals (the currency's
 * minor unit) and the currency ({@code 1,200,000.00 CNY}); dates ISO ({@code 2026-06-15});
 * shares as percentages with at most one decimal ({@code 95%}, {@code 95.5%}). The same in
 * Chinese and English: finance teams read these forms in both. Thread-safe.
 */
public final class Format {
    private Format() {}

    /** {@code 1,200,000.00 CNY}. */
    public static String money(Money m) {
        return amount(m.amount()) + " " + m.currencyCode();
    }

    /** {@code 1,200,000.00}: grouped by thousands, with the decimals the number has (no DecimalFormat: this runs per message). */
    public static String amount(BigDecimal v) {
        String plain = (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
        int start = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder b = new StringBuilder(plain.length() + (end - start) / 3);
        b.append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) b.append(',');
            b.append(plain.charAt(i));
        }
        return b.append(plain, end, plain.length()).toString();
    }

    /** {@code 2026-06-15}. */
    public static String date(LocalDate d) {
        return d.toString();
    }

    /** A share as a percentage with at most one decimal: 0.955 → {@code 95.5%}, 0.95 → {@code 95%}. */
    public static String percent(BigDecimal share) {
        BigDecimal p = share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
    }

    /** Any value as a message shows it: money, dates and numbers as above, the rest as text; null as {@code none}. */
    public static String value(Object v) {
        if (v == null) return "none";
        if (v instanceof Money m) return money(m);
        if (v instanceof LocalDate d) return date(d);
        if (v instanceof BigDecimal b) return b.abs().compareTo(new BigDecimal("10000")) >= 0 ? amount(b) : b.toPlainString();
        return String.valueOf(v);
    }
}
