package dev.creditcontrol.model;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Optional outside information a host may supply for the scorecard: a third-party credit score
 * and financial ratios from the customer's statements. Each is absent unless given.
 *
 * @param thirdPartyScore a bureau or rating-agency score, 0 to 100 (higher is safer)
 * @param debtToAssets    total liabilities / total assets (leverage), not negative
 * @param currentRatio    current assets / current liabilities, not negative
 */
public record Financials(OptionalInt thirdPartyScore, Optional<BigDecimal> debtToAssets, Optional<BigDecimal> currentRatio) {

    private static final Financials NONE = new Financials(OptionalInt.empty(), Optional.empty(), Optional.empty());

    public Financials {
        Require.present(thirdPartyScore, "financials.thirdPartyScore");
        thirdPartyScore.ifPresent(s -> {
            if (s < 0 || s > 100) throw new IllegalArgumentException("financials.thirdPartyScore must be 0..100: " + s);
        });
        Require.present(debtToAssets, "financials.debtToAssets");
        debtToAssets.ifPresent(d -> nonNegative(d, "financials.debtToAssets"));
        Require.present(currentRatio, "financials.currentRatio");
        currentRatio.ifPresent(d -> nonNegative(d, "financials.currentRatio"));
    }

    private static void nonNegative(BigDecimal value, String field) {
        if (value.signum() < 0) throw new IllegalArgumentException(field + " must not be negative: " + value);
        // a ratio is a small number; an exponent in the millions would make every comparison slow
        if (value.precision() - value.scale() > 6 || value.scale() > 12) {
            throw new IllegalArgumentException(field + " is out of range (0 to 999999, at most 12 decimals): " + value);
        }
    }

    /** No outside information. */
    public static Financials none() {
        return NONE;
    }

    /** Outside information, each part optional. */
    public static Financials of(Integer thirdPartyScore, String debtToAssets, String currentRatio) {
        return new Financials(thirdPartyScore == null ? OptionalInt.empty() : OptionalInt.of(thirdPartyScore),
                Optional.ofNullable(debtToAssets).map(v -> ratio(v, "financials.debtToAssets")),
                Optional.ofNullable(currentRatio).map(v -> ratio(v, "financials.currentRatio")));
    }

    private static BigDecimal ratio(String text, String field) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a decimal number: '" + text + "'", e);
        }
        return value;
    }
}
