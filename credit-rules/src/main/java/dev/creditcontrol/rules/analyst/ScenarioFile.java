package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.model.DeviceClass;
import dev.creditcontrol.model.Money;
import dev.creditcontrol.model.OrderRequest;
import dev.creditcontrol.model.PaymentMethod;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes scenario tables: CSV (UTF-8) with a header row, one case per row, editable in
 * a spreadsheet. {@code customerType} and {@code lines} are required; {@code orderDate},
 * {@code currency}, {@code limit} and {@code paymentTermDays} come from the row or from the
 * {@link ScenarioDefaults} in {@code defaults.properties} beside the file; every other column may
 * be left empty (see the analyst guide). A written file spells every value out and reads back
 * equal.
 *
 * <p>The work is split by job: {@code ScenarioCsv} reads and prints CSV, {@code ScenarioCells} is
 * the grammar inside cells, {@code ScenarioBuilder} builds model objects from a row with its
 * defaults, {@code ScenarioWriter} turns a scenario into cells.
 */
public final class ScenarioFile {
    /** Every column, in the order {@link #write} uses. */
    public static final List<String> COLUMNS = ScenarioCsv.COLUMNS;

    private ScenarioFile() {}

    /**
     * Reads a scenario file, with the defaults beside it; every bad cell is reported at once.
     *
     * @throws ScenarioFormatException naming file and line of each problem (a file that is not
     *                                 UTF-8 included)
     */
    public static List<Scenario> read(Path file) {
        return read(file.toString(), new StringReader(ScenarioCsv.readText(file)), ScenarioDefaults.beside(file));
    }

    /** Reads scenarios from CSV text; {@code name} is used in messages. */
    public static List<Scenario> read(String name, Reader reader, ScenarioDefaults defaults) {
        return parse(name, reader, defaults, false).stream().map(Labelled::scenario).toList();
    }

    /**
     * Reads a labelled history for {@link ScorecardCalibrator}: the scenario format with a
     * {@code bad} column (true when the customer later defaulted or paid very late) on every row.
     * Each row's snapshot is the customer as of its {@code asOf} date.
     */
    public static List<LabelledSnapshot> readLabelled(Path file) {
        return parse(file.toString(), new StringReader(ScenarioCsv.readText(file)), ScenarioDefaults.beside(file), true).stream()
                .map(p -> new LabelledSnapshot(p.scenario().snapshot(), p.bad().orElseThrow())).toList();
    }

    private record Labelled(Scenario scenario, Optional<Boolean> bad) {}

    private static List<Labelled> parse(String name, Reader reader, ScenarioDefaults defaults, boolean labelled) {
        List<ScenarioCsv.Row> rows = ScenarioCsv.parse(name, reader,
                labelled ? List.of("customerType", "lines", "bad") : List.of("customerType", "lines"));
        List<String> problems = new ArrayList<>();
        List<Labelled> scenarios = new ArrayList<>(rows.size());
        for (ScenarioCsv.Row row : rows) {
            Optional<Scenario> s = ScenarioBuilder.build(row, defaults, problems);
            Optional<Boolean> bad = ScenarioBuilder.label(row, labelled, problems);
            s.ifPresent(scenario -> scenarios.add(new Labelled(scenario, bad)));
        }
        if (!problems.isEmpty()) throw new ScenarioFormatException(name, problems);
        return scenarios;
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
        try (CSVPrinter printer = ScenarioCsv.printer(writer)) {
            for (Scenario s : cases) printer.printRecord(ScenarioWriter.cells(s, Optional.empty()));
        }
    }

    /** Writes a labelled history (the scenario format with the {@code bad} column filled in). */
    public static void writeLabelled(Writer writer, List<LabelledSnapshot> history) throws IOException {
        try (CSVPrinter printer = ScenarioCsv.printer(writer)) {
            int n = 0;
            for (LabelledSnapshot h : history) {
                // The order is only there because the format needs one; calibration reads the snapshot.
                OrderRequest placeholder = OrderRequest.builder("OBS-" + (++n), h.snapshot().customer().id(), h.snapshot().asOf())
                        .line("NONE", DeviceClass.I, "00", Money.zero(h.snapshot().account().currencyCode()))
                        .paymentMethod(PaymentMethod.PREPAYMENT).build();
                Scenario row = new Scenario("obs " + n, "", placeholder, h.snapshot(), Optional.empty(), Optional.empty(), Optional.empty());
                printer.printRecord(ScenarioWriter.cells(row, Optional.of(h.bad())));
            }
        }
    }
}
