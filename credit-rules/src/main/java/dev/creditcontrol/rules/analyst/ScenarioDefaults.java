package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.model.Money;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;

/**
 * What a scenario row means when it leaves a cell empty: the order date, the currency, the credit
 * limit and the payment term. Stated by the analyst in {@code defaults.properties} beside the
 * scenario files (keys {@code orderDate}, {@code currency}, {@code limit}, {@code paymentTermDays}),
 * never assumed by the tool: a row that leaves a cell empty without a default is an error.
 *
 * @param orderDate       the order date of rows that give none
 * @param currency        the currency of rows that give none
 * @param limit           the credit limit of rows that give none, in the row's currency
 * @param paymentTermDays the payment term of rows that give none
 */
public record ScenarioDefaults(Optional<LocalDate> orderDate, Optional<String> currency, Optional<String> limit,
                               OptionalInt paymentTermDays) {
    /** The file beside scenario files that holds their defaults. */
    public static final String FILE = "defaults.properties";
    private static final Set<String> KEYS = Set.of("orderDate", "currency", "limit", "paymentTermDays");

    /** No defaults: every row must give every value it needs. */
    public static final ScenarioDefaults NONE = new ScenarioDefaults(Optional.empty(), Optional.empty(), Optional.empty(),
            OptionalInt.empty());

    /** Checks the fields. */
    public ScenarioDefaults {
        if (orderDate == null || currency == null || limit == null || paymentTermDays == null) {
            throw new IllegalArgumentException("scenario defaults must be Optional.empty(), not null");
        }
        currency.ifPresent(c -> Money.of("0", c)); // an unknown currency fails here, naming it
        limit.ifPresent(l -> {
            try {
                if (new java.math.BigDecimal(l).signum() < 0) throw new IllegalArgumentException("limit must not be negative: " + l);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("limit is not an amount: '" + l + "'");
            }
        });
    }

    /** The defaults in {@code defaults.properties} beside {@code scenarioFile}, or {@link #NONE} when there is none. */
    public static ScenarioDefaults beside(Path scenarioFile) {
        Path parent = scenarioFile.toAbsolutePath().getParent();
        Path file = parent == null ? null : parent.resolve(FILE);
        if (file == null || !Files.isRegularFile(file)) return NONE;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads defaults from properties text; {@code name} is used in messages. */
    public static ScenarioDefaults read(String name, Reader reader) {
        Properties p = new Properties();
        try {
            p.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ScenarioFormatException(name, List.of(name + ": " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) problems.add(name + ": unknown key '" + key + "'; keys are " + KEYS);
        }
        Optional<LocalDate> date = Optional.empty();
        OptionalInt term = OptionalInt.empty();
        try {
            if (p.containsKey("orderDate")) date = Optional.of(LocalDate.parse(p.getProperty("orderDate").strip()));
        } catch (DateTimeParseException e) {
            problems.add(name + ": orderDate is not a date (YYYY-MM-DD): '" + p.getProperty("orderDate") + "'");
        }
        try {
            if (p.containsKey("paymentTermDays")) term = OptionalInt.of(Integer.parseInt(p.getProperty("paymentTermDays").strip()));
        } catch (NumberFormatException e) {
            problems.add(name + ": paymentTermDays is not a whole number: '" + p.getProperty("paymentTermDays") + "'");
        }
        if (!problems.isEmpty()) throw new ScenarioFormatException(name, problems);
        try {
            return new ScenarioDefaults(date, Optional.ofNullable(p.getProperty("currency")).map(String::strip),
                    Optional.ofNullable(p.getProperty("limit")).map(String::strip), term);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(name, List.of(name + ": " + e.getMessage()));
        }
    }
}
