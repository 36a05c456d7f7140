package dev.creditcontrol.examples;

import dev.creditcontrol.rules.analyst.LabelledSnapshot;
import dev.creditcontrol.rules.analyst.ScenarioFile;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the synthetic labelled history ({@code credit-examples/cases/labelled-history.csv}) that the bundled scorecard is calibrated on. */
public final class ExportHistory {
    public static final int CUSTOMERS = 3000;
    public static final long SEED = 20251231L;

    public static List<LabelledSnapshot> history() {
        return SyntheticHistory.generate(CUSTOMERS, SEED);
    }

    public static void main(String[] args) throws Exception {
        // ExportHistory [FILE [CUSTOMERS]]: a larger history (same seed) is for timing a back-test
        Path file = Path.of(args.length > 0 ? args[0] : "credit-examples/cases/labelled-history.csv");
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : CUSTOMERS;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ScenarioFile.writeLabelled(w, SyntheticHistory.generate(customers, SEED));
        }
        System.out.println("wrote " + customers + " labelled snapshots to " + file);
    }

    private ExportHistory() {}
}
