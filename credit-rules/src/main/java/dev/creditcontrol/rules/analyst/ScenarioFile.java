package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.decision.ApprovalLevel;
import dev.creditcontrol.decision.Outcome;
import dev.creditcontrol.decision.WarningLevel;
import dev.creditcontrol.model.CreditAccount;
import dev.creditcontrol.model.CreditGrade;
import dev.creditcontrol.model.Customer;
import dev.creditcontrol.model.CustomerSnapshot;
import dev.creditcontrol.model.CustomerType;
import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Financials;
import dev.creditcontrol.model.Licence;
import dev.creditcontrol.model.LicenceType;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderLine;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.PaymentMethod;
import dev.creditcontrol.model.Receivable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and writes scenario tables: CSV with a header row, one case per row, editable in a
 * spreadsheet. Only {@code customerType} and {@code lines} are required; every other column has
 * a default (see the analyst guide). Dates are ISO ({@code 2026-06-15}) or days relative to the
 * order date ({@code +30}, {@code -1}). Multi-valued cells separate entries with {@code ;} and
 * the parts of an entry with {@code :}.
 */
public final class ScenarioFile {
    /** The order date of rows that give none. */
    public static final LocalDate DEFAULT_ORDER_DATE = LocalDate.of(2026, 6, 15);

    /** Every column, in the order {@link #write} uses. */
    public static final List<String> COLUMNS = List.of("case", "orderId", "orderDate", "asOf", "customerId",
            "customerName", "customerType", "since", "licences", "limit", "currency", "grade", "frozen",
            "limitValidUntil", "paymentTermDays", "limitCheck", "openReceivables", "overdueDays", "receivables",
            "deliveredNotInvoiced", "openOrders", "thirdPartyScore", "debtToAssets", "currentRatio", "lines", "payment", "expectedOutcome", "expectedReasons",
            "expectedApproval", "expectedGrade", "expectedLevel", "bad", "note");

    private static final Map<String, String> BY_LOWER_CASE = COLUMNS.stream()
            .collect(Collectors.toMap(c -> c.toLowerCase(Locale.ROOT), Function.identity()));

    private ScenarioFile() {}

    /** Reads a scenario file; every bad cell is reported at once. */
    public static List<Scenario> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + file, e);
        }
    }

    /** Reads scenarios from CSV text; {@code name} is used in messages. */
    public static List<Scenario> read(String name, Reader reader) {
        return parse(name, reader, false).stream().map(Parsed::scenario).toList();
    }

    /**
     * Reads a labelled history for {@link dev.creditcontrol.rules.analyst.ScorecardCalibrator}: the
     * scenario format with a {@code bad} column (true when the customer later defaulted or paid
     * very late) on every row. Each row's snapshot is the customer as of its {@code asOf} date.
     */
    public static List<LabelledSnapshot> readLabelled(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader, true).stream()
                    .map(p -> new LabelledSnapshot(p.scenario().snapshot(), p.bad())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labelled history " + file, e);
        }
    }

    private record Parsed(Scenario scenario, Boolean bad) {}

    private static List<Parsed> parse(String name, Reader reader, boolean labelled) {
        List<String> problems = new ArrayList<>();
        List<Parsed> scenarios = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setCommentMarker('#').get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, String> columns = new TreeMap<>();
            for (String header : parser.getHeaderNames()) {
                String known = BY_LOWER_CASE.get(header.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT));
                if (known == null) problems.add(name + ":1: unknown column '" + header + "'; columns are " + COLUMNS);
                else columns.put(known, header);
            }
            for (String required : labelled ? List.of("customerType", "lines", "bad") : List.of("customerType", "lines")) {
                if (!columns.containsKey(required)) problems.add(name + ":1: the required column '" + required + "' is missing");
            }
            if (!problems.isEmpty()) throw new ScenarioFormatException(name, problems);
            for (CSVRecord record : parser) {
                Row row = new Row(name, record, columns, problems);
                Scenario s = row.scenario();
                Boolean bad = row.parse("bad", null, ScenarioFile::bool);
                if (labelled && bad == null && row.cell("bad").isEmpty()) {
                    problems.add(name + ":" + row.line + ": column 'bad' is empty: a labelled history needs true or false on every row");
                }
                if (s != null) scenarios.add(new Parsed(s, bad));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + name, e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof ScenarioFormatException sfe) throw sfe;
            problems.add(name + ": " + e.getMessage());
        }
        if (!problems.isEmpty()) throw new ScenarioFormatException(name, problems);
        return scenarios;
    }

    /** One CSV row being parsed; problems are collected per cell, not thrown. */
    private static final class Row {
        private final String file;
        private final CSVRecord record;
        private final Map<String, String> columns;
        private final List<String> problems;
        private final long line;
        private int before;

        Row(String file, CSVRecord record, Map<String, String> columns, List<String> problems) {
            this.file = file;
            this.record = record;
            this.columns = columns;
            this.problems = problems;
            this.line = record.getParser().getCurrentLineNumber();
        }

        String cell(String column) {
            String header = columns.get(column);
            if (header == null || !record.isSet(header)) return "";
            return record.get(header).strip();
        }

        <T> T parse(String column, T fallback, Function<String, T> parser) {
            String value = cell(column);
            if (value.isEmpty()) return fallback;
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                problems.add(file + ":" + line + ": column '" + column + "': " + message(e) + " (value '" + value + "')");
                return fallback;
            }
        }

        Scenario scenario() {
            before = problems.size();
            String name = cell("case").isEmpty() ? "row " + line : cell("case");
            LocalDate orderDate = parse("orderDate", DEFAULT_ORDER_DATE, v -> date(v, DEFAULT_ORDER_DATE));
            LocalDate asOf = parse("asOf", orderDate, v -> date(v, orderDate));
            String customerId = parse("customerId", "C-" + line, v -> v);
            CustomerType type = parse("customerType", null, v -> CustomerType.valueOf(v.toUpperCase(Locale.ROOT)));
            if (type == null && cell("customerType").isEmpty()) problems.add(file + ":" + line + ": column 'customerType' is empty");
            List<OrderLine> lines = parse("lines", List.of(), ScenarioFile::lines);
            if (lines.isEmpty() && cell("lines").isEmpty()) problems.add(file + ":" + line + ": column 'lines' is empty");
            if (problems.size() > before) return null;
            try {
                Customer.Builder customer = Customer.builder(customerId, parse("customerName", customerId, v -> v), type);
                LocalDate since = parse("since", null, v -> date(v, orderDate));
                if (since != null) customer.since(since);
                parse("licences", defaultLicences(type), v -> licences(v, orderDate)).forEach(customer::licence);
                String currency = parse("currency", "CNY", v -> v.toUpperCase(Locale.ROOT));
                CreditAccount.Builder account = CreditAccount.builder(parse("limit", Money.of("1000000", currency), v -> Money.of(v, currency)))
                        .paymentTermDays(parse("paymentTermDays", 90, Integer::parseInt))
                        .frozen(parse("frozen", false, ScenarioFile::bool));
                CreditGrade grade = parse("grade", null, v -> CreditGrade.valueOf(v.toUpperCase(Locale.ROOT)));
                if (grade != null) account.grade(grade);
                LocalDate limitUntil = parse("limitValidUntil", null, v -> date(v, orderDate));
                if (limitUntil != null) account.validUntil(limitUntil);
                if (!parse("limitCheck", true, ScenarioFile::bool)) account.withoutLimitCheck();
                CustomerSnapshot.Builder snapshot = CustomerSnapshot.builder(customer.build(), account.build(), asOf)
                        .deliveredNotInvoiced(parse("deliveredNotInvoiced", Money.zero(currency), v -> Money.of(v, currency)))
                        .openOrders(parse("openOrders", Money.zero(currency), v -> Money.of(v, currency)))
                        .financials(new Financials(
                                parse("thirdPartyScore", OptionalInt.empty(), v -> OptionalInt.of(Integer.parseInt(v))),
                                parse("debtToAssets", Optional.empty(), v -> Optional.of(new BigDecimal(v))),
                                parse("currentRatio", Optional.empty(), v -> Optional.of(new BigDecimal(v)))));
                Money open = parse("openReceivables", null, v -> Money.of(v, currency));
                if (open != null) {
                    LocalDate due = asOf.minusDays(parse("overdueDays", 0, Integer::parseInt));
                    snapshot.receivable(Receivable.open("OPEN-" + line, open, due.minusDays(90), due));
                }
                parse("receivables", List.<Receivable>of(), v -> receivables(v, orderDate, currency)).forEach(snapshot::receivable);
                OrderRequest.Builder order = OrderRequest.builder(parse("orderId", "SO-" + line, v -> v), customerId, orderDate)
                        .paymentMethod(parse("payment", PaymentMethod.CREDIT, v -> PaymentMethod.valueOf(v.toUpperCase(Locale.ROOT))));
                for (OrderLine l : lines) {
                    order.line(l.sku(), l.deviceClass(), l.category(),
                            l.amount().currencyCode().equals(currency) ? l.amount() : Money.of(l.amount().amount(), currency));
                }
                Optional<Outcome> outcome = Optional.ofNullable(parse("expectedOutcome", null, v -> Outcome.valueOf(v.toUpperCase(Locale.ROOT))));
                Optional<Set<String>> reasons = Optional.ofNullable(parse("expectedReasons", null, ScenarioFile::codes));
                Optional<ApprovalLevel> approval = Optional.ofNullable(parse("expectedApproval", null,
                        v -> ApprovalLevel.valueOf(v.toUpperCase(Locale.ROOT).replace(' ', '_'))));
                Optional<CreditGrade> expectedGrade = Optional.ofNullable(parse("expectedGrade", null,
                        v -> CreditGrade.valueOf(v.toUpperCase(Locale.ROOT))));
                Optional<WarningLevel> expectedLevel = Optional.ofNullable(parse("expectedLevel", null,
                        v -> WarningLevel.valueOf(v.toUpperCase(Locale.ROOT))));
                if (problems.size() > before) return null;
                return new Scenario(name, file + ":" + line, order.build(), snapshot.build(), outcome, reasons, approval,
                        expectedGrade, expectedLevel);
            } catch (IllegalArgumentException e) {
                problems.add(file + ":" + line + ": " + message(e));
                return null;
            }
        }
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static LocalDate date(String value, LocalDate orderDate) {
        if (value.startsWith("+") || value.startsWith("-")) return orderDate.plusDays(Long.parseLong(value));
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

    static Set<String> codes(String value) {
        if (value.equals("-") || value.equalsIgnoreCase("none")) return Set.of();
        return new LinkedHashSet<>(Arrays.asList(value.split("[\\s;,]+")));
    }

    /** {@code CLASS:category:amount[:sku]; ...} */
    static List<OrderLine> lines(String value) {
        List<OrderLine> lines = new ArrayList<>();
        for (String entry : entries(value)) {
            String[] p = entry.split(":");
            if (p.length < 3 || p.length > 4) throw new IllegalArgumentException("a line is CLASS:category:amount[:sku], not '" + entry + "'");
            DeviceClass cls = DeviceClass.valueOf(p[0].strip().toUpperCase(Locale.ROOT));
            String sku = p.length == 4 ? p[3].strip() : "SKU-" + (lines.size() + 1);
            lines.add(new OrderLine(sku, cls, p[1].strip(), Money.of(p[2].strip(), "CNY")));
        }
        return lines;
    }

    /** {@code TYPE[:validUntil|none[:scope|scope[:validFrom[:number]]]]; ...}, or {@code none}. */
    static List<Licence> licences(String value, LocalDate orderDate) {
        if (value.equalsIgnoreCase("none")) return List.of();
        List<Licence> licences = new ArrayList<>();
        for (String entry : entries(value)) {
            String[] p = entry.split(":", -1);
            if (p.length > 5) throw new IllegalArgumentException("a licence is TYPE[:validUntil[:scope|scope[:validFrom[:number]]]], not '" + entry + "'");
            LicenceType type = LicenceType.valueOf(p[0].strip().toUpperCase(Locale.ROOT));
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

    /**
     * A row that names no licences is not about licences: one licence of every type, valid and
     * unlimited, so whatever the rule set's licence table requires is met.
     */
    static List<Licence> defaultLicences(CustomerType type) {
        if (type == null) return List.of();
        return Arrays.stream(LicenceType.values()).map(t -> new Licence(t, t.name() + "-1", LocalDate.of(2000, 1, 1), null, Set.of())).toList();
    }

    /** {@code id:amount:issued:due[:paidOn]; ...} */
    static List<Receivable> receivables(String value, LocalDate orderDate, String currency) {
        List<Receivable> receivables = new ArrayList<>();
        for (String entry : entries(value)) {
            String[] p = entry.split(":");
            if (p.length < 4 || p.length > 5) throw new IllegalArgumentException("a receivable is id:amount:issued:due[:paidOn], not '" + entry + "'");
            Money amount = Money.of(p[1].strip(), currency);
            LocalDate issued = date(p[2].strip(), orderDate);
            LocalDate due = date(p[3].strip(), orderDate);
            receivables.add(p.length == 5
                    ? Receivable.paid(p[0].strip(), amount, issued, due, date(p[4].strip(), orderDate))
                    : Receivable.open(p[0].strip(), amount, issued, due));
        }
        return receivables;
    }

    private static List<String> entries(String value) {
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Writes cases in full form (every licence, receivable and line spelled out), so that a
     * host can record real orders with their snapshots for {@link DecisionDiff}.
     */
    public static void write(Path file, List<Scenario> cases) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(writer, cases);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes cases as CSV text. */
    public static void write(Writer writer, List<Scenario> cases) throws IOException {
        try (CSVPrinter printer = printer(writer)) {
            for (Scenario s : cases) printer.printRecord(row(s));
        }
    }

    private static CSVPrinter printer(Writer writer) throws IOException {
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
    }

    /** Writes a labelled history (the scenario format with the {@code bad} column filled in). */
    public static void writeLabelled(Writer writer, List<LabelledSnapshot> history) throws IOException {
        try (CSVPrinter printer = printer(writer)) {
            int n = 0;
            for (LabelledSnapshot h : history) {
                // The order is only there because the format needs one; calibration reads the snapshot.
                OrderRequest placeholder = OrderRequest.builder("OBS-" + (++n), h.snapshot().customer().id(), h.snapshot().asOf())
                        .line("NONE", DeviceClass.I, "00", Money.zero(h.snapshot().account().currencyCode()))
                        .paymentMethod(PaymentMethod.PREPAYMENT).build();
                List<String> row = new ArrayList<>(row(new Scenario("obs " + n, "", placeholder, h.snapshot(),
                        Optional.empty(), Optional.empty(), Optional.empty())));
                row.set(COLUMNS.indexOf("bad"), String.valueOf(h.bad()));
                printer.printRecord(row);
            }
        }
    }

    private static List<String> row(Scenario s) {
        OrderRequest o = s.order();
        CustomerSnapshot snap = s.snapshot();
        Customer c = snap.customer();
        CreditAccount a = snap.account();
        Financials f = snap.financials();
        String licences = c.licences().isEmpty() ? "none" : c.licences().stream().map(l -> safe(l.type().name()) + ":"
                + (l.validUntil() == null ? "none" : l.validUntil()) + ":" + String.join("|", new java.util.TreeSet<>(l.scope())) + ":"
                + l.validFrom() + ":" + safe(l.number())).collect(Collectors.joining("; "));
        String receivables = snap.receivables().stream().map(r -> safe(r.invoiceId()) + ":" + r.amount().amount().toPlainString()
                + ":" + r.issued() + ":" + r.due() + r.paidOn().map(p -> ":" + p).orElse("")).collect(Collectors.joining("; "));
        String lines = o.lines().stream().map(l -> l.deviceClass() + ":" + safe(l.category()) + ":"
                + l.amount().amount().toPlainString() + ":" + safe(l.sku())).collect(Collectors.joining("; "));
        return List.of(s.name(), o.orderId(), o.orderDate().toString(), snap.asOf().toString(), c.id(), c.name(),
                c.type().name(), c.since().map(LocalDate::toString).orElse(""), licences, a.limit().amount().toPlainString(),
                a.currencyCode(), a.grade().map(Enum::name).orElse(""), String.valueOf(a.frozen()),
                a.validUntil().map(LocalDate::toString).orElse(""), String.valueOf(a.paymentTermDays()),
                String.valueOf(a.limitChecked()), "", "", receivables, snap.deliveredNotInvoiced().amount().toPlainString(),
                snap.openOrders().amount().toPlainString(),
                f.thirdPartyScore().isPresent() ? String.valueOf(f.thirdPartyScore().getAsInt()) : "",
                f.debtToAssets().map(BigDecimal::toPlainString).orElse(""), f.currentRatio().map(BigDecimal::toPlainString).orElse(""),
                lines, o.paymentMethod().name(),
                s.expectedOutcome().map(Enum::name).orElse(""),
                s.expectedReasons().map(r -> r.isEmpty() ? "none" : String.join(" ", r)).orElse(""),
                s.expectedApproval().map(Enum::name).orElse(""), s.expectedGrade().map(Enum::name).orElse(""),
                s.expectedLevel().map(Enum::name).orElse(""), "", "");
    }

    private static String safe(String text) {
        if (text.contains(":") || text.contains(";") || text.contains("|")) {
            throw new IllegalArgumentException("'" + text + "' contains ':', ';' or '|', which the scenario format uses as separators");
        }
        return text;
    }
}
