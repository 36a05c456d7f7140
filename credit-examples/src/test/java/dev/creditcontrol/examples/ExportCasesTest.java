package dev.creditcontrol.examples;

import dev.creditcontrol.rules.analyst.Scenario;
import dev.creditcontrol.rules.analyst.ScenarioFile;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportCasesTest {

    @Test
    void committedDemoCasesAreWhatThePortfolioRecordsToday() throws Exception {
        StringWriter fresh = new StringWriter();
        ScenarioFile.write(fresh, ExportCases.demoCases());
        String committed = Files.readString(Path.of("cases/demo-cases.csv"));
        assertThat(committed.replace("\r\n", "\n")).as("regenerate with ExportCases").isEqualTo(fresh.toString().replace("\r\n", "\n"));
    }

    @Test
    void demoCasesReadBackWithTheirFullHistories() {
        List<Scenario> cases = ScenarioFile.read(Path.of("cases/demo-cases.csv"));
        assertThat(cases).hasSize(312);
        assertThat(cases).anySatisfy(c -> assertThat(c.snapshot().receivables()).hasSize(20));
    }
}
