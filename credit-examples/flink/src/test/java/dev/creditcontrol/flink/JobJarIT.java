package dev.creditcontrol.flink;

import dev.creditcontrol.examples.SyntheticHistory;
import dev.creditcontrol.journal.JsonForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.creditcontrol.flink.PortfolioJobTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job jar the build made ({@code target/credit-flink-jobs.jar}) runs in its own JVM with only
 * what a Flink installation provides beside it (Flink and its dependencies, plus the SLF4J API
 * Flink ships): proof that the jar carries the engine, Drools and their merged service files,
 * and needs nothing of Flink's inside it.
 */
class JobJarIT {
    @Test
    void theShadedJobJarRunsThePortfolioJobBesideFlinkAlone(@TempDir Path dir) throws Exception {
        Path jar = Path.of("target/credit-flink-jobs.jar");
        assertThat(jar).exists();
        List<String> classpath = new ArrayList<>();
        classpath.add(jar.toString());
        classpath.addAll(Arrays.asList(Files.readString(Path.of("target/flink-classpath.txt")).strip().split(File.pathSeparator)));
        // Flink's distribution ships the SLF4J API (and its own binding) in lib/
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).filter(e -> e.contains("slf4j-api"))
                .forEach(classpath::add);
        assertThat(classpath).noneMatch(e -> e.contains("drools") || e.contains("credit-rules") || e.contains("credit-core"));

        Path input = dir.resolve("snapshots.jsonl");
        List<String> snapshots = new ArrayList<>();
        SyntheticHistory.snapshots(200, 3).forEachRemaining(s -> snapshots.add(JsonForm.toJson(s)));
        snapshots.add("not a snapshot");
        Files.write(input, snapshots);
        Path out = dir.resolve("out");
        Path log = dir.resolve("job.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                String.join(File.pathSeparator, classpath), "dev.creditcontrol.flink.CreditJobs", "portfolio",
                "--input", input.toString(), "--output", out.toString(), "--parallelism", "2")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("job finished in time").isTrue();
        assertThat(p.exitValue()).as(read(log)).isZero();
        assertThat(read(log)).containsPattern("rule set bundled sha256 [0-9a-f]{64}");
        assertThat(lines(out.resolve("assessments"))).hasSize(200);
        assertThat(lines(out.resolve("failures"))).hasSize(1);
        assertThat(PortfolioTally.fromJson(lines(out.resolve("summary")).get(0)).assessed()).isEqualTo(200);
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
