package dev.creditcontrol.rules.analyst;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scenario format's CSV layer, on commons-csv: strict UTF-8 in, header names matched without
 * regard to case, one {@link Row} of named cells per record; and the printer for writing.
 */
final class ScenarioCsv {
    /** Every column, in the order a written file uses. */
    static final List<String> COLUMNS = List.of("case", "orderId", "orderDate", "asOf", "customerId",
            "customerName", "customerType", "since", "licences", "limit", "currency", "temporaryIncrease", "grade", "frozen",
            "limitValidUntil", "paymentTermDays", "limitCheck", "openReceivables", "overdueDays", "receivables",
            "deliveredNotInvoiced", "openOrders", "bills", "securities", "group", "rates", "thirdPartyScore", "debtToAssets", "currentRatio", "warningLevel",
            "previousScore", "previousGrade",
            "checkpoint", "shipmentId", "lines", "payment", "requestedBy", "release",
            "expectedOutcome", "expectedReasons", "expectedApproval", "expectedBlocked", "expectedGrade", "expectedLevel", "expectedDunningLevel", "expectedProvision", "expectedNotices", "bad",
            "note");

    private static final Map<String, String> BY_LOWER_CASE = COLUMNS.stream()
            .collect(Collectors.toMap(c -> c.toLowerCase(Locale.ROOT), Function.identity()));

    private ScenarioCsv() {}

    /** One record: its line in the file and its non-empty cells by canonical column name. */
    record Row(String file, long line, Map<String, String> cells) {
        String cell(String column) {
            return cells.getOrDefault(column, "");
        }

        String where() {
            return file + ":" + line;
        }
    }

    /**
     * Reads a file as strict UTF-8. A byte sequence that is not UTF-8 (a GBK file saved by Excel,
     * typically) is an error naming the line, not a page of mojibake.
     */
    static String readText(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + file, e);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1 + lineOfFirstBadByte(bytes);
            throw new ScenarioFormatException(file.toString(), List.of(file + ":" + line
                    + ": the file is not UTF-8 (probably GBK/GB18030, as Excel saves \"CSV\" on Chinese Windows);"
                    + " save it as \"CSV UTF-8\" or convert it: iconv -f GB18030 -t UTF-8"));
        }
    }

    /** The 0-based line of the first byte that does not decode as UTF-8. */
    private static int lineOfFirstBadByte(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = 0;
        int line = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    utf8.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }

    /** Parses CSV text into rows; unknown or missing required columns are reported at line 1. */
    static List<Row> parse(String name, Reader reader, List<String> required) {
        List<String> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setCommentMarker('#').get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String header : parser.getHeaderNames()) {
                String known = BY_LOWER_CASE.get(header.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT));
                if (known == null) problems.add(name + ":1: unknown column '" + header + "'; columns are " + COLUMNS);
                else columns.put(known, header);
            }
            for (String r : required) {
                if (!columns.containsKey(r)) problems.add(name + ":1: the required column '" + r + "' is missing");
            }
            if (!problems.isEmpty()) throw new ScenarioFormatException(name, problems);
            for (CSVRecord record : parser) {
                Map<String, String> cells = new LinkedHashMap<>();
                columns.forEach((column, header) -> {
                    if (record.isSet(header) && !record.get(header).isBlank()) cells.put(column, record.get(header).strip());
                });
                rows.add(new Row(name, parser.getCurrentLineNumber(), cells));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ScenarioFormatException(name, List.of(name + ": not readable as CSV: " + e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof ScenarioFormatException sfe) throw sfe;
            throw new ScenarioFormatException(name, List.of(name + ": " + e.getMessage()));
        }
        return rows;
    }

    static List<Row> parse(String name, String text, List<String> required) {
        return parse(name, new StringReader(text), required);
    }

    /** A printer writing the header row first. */
    static CSVPrinter printer(Writer writer) throws IOException {
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
    }
}
