package dev.creditcontrol.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A qualification document held by a customer.
 *
 * @param type       what kind of licence it is
 * @param number     the number printed on it, e.g. {@code 粤穗食药监械经营许20190001号}
 * @param validFrom  first day it is valid
 * @param validUntil last day it is valid (inclusive); {@code null} when it does not expire
 * @param scope      device category codes it covers (e.g. {@code "07"}); empty when not limited
 */
public record Licence(LicenceType type, String number, LocalDate validFrom, LocalDate validUntil, Set<String> scope) {

    /** Validates the fields; the scope is copied and its codes trimmed. */
    public Licence {
        Require.present(type, "licence.type");
        number = Require.text(number, "licence.number");
        Require.date(validFrom, "licence.validFrom");
        if (validUntil != null) Require.date(validUntil, "licence.validUntil");
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("licence.validUntil " + validUntil + " is before licence.validFrom "
                    + validFrom + " (licence " + number + ")");
        }
        Require.noNulls(scope, "licence.scope");
        Set<String> codes = new TreeSet<>();
        for (String code : scope) codes.add(Require.text(code, "licence.scope entry"));
        scope = Set.copyOf(codes);
    }

    /** The last valid day, or empty when the licence does not expire. */
    public Optional<LocalDate> expiry() {
        return Optional.ofNullable(validUntil);
    }

    /** Whether the licence is valid on {@code date}: {@code validFrom <= date <= validUntil}. */
    public boolean isValidOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
    }

    /** Whether the scope covers the device category: an empty scope covers every category. */
    public boolean covers(String category) {
        return scope.isEmpty() || scope.contains(category);
    }
}
