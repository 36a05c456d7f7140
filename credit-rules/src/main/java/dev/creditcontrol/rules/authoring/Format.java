package dev.creditcontrol.rules.authoring;

import dev.creditcontrol.model.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The one way amounts, dates and shares are written for people, in every language, message,
 * report and command-line output: amounts with thousands separators, two decimals (the currency's
 * minor unit) and the currency ({@code 1,200,000.00 CNY}); dates ISO ({@code 2026-06-15});
 * shares as percentages with at most one decimal ({@code 95%}, {@code 95.5%}). The same in
 * Chinese and English: finance teams read these forms in both. Thread-safe.
 */
public final class Format {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Format() {}

    /** {@code 1,200,000.00 CNY}. */
    public static String money(Money m) {
        return amount(m.amount()) + " " + m.currencyCode();
    }

    /** {@code 1,200,000.00}: grouped, with the decimals the number has. */
    public static String amount(BigDecimal v) {
        DecimalFormat f = new DecimalFormat("#,##0", SYMBOLS);
        f.setMinimumFractionDigits(Math.max(v.scale(), 0));
        f.setMaximumFractionDigits(Math.max(v.scale(), 0));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
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
