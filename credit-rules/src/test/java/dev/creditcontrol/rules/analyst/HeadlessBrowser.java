package dev.creditcontrol.rules.analyst;

import org.junit.jupiter.api.Assumptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real headless Chromium for the HTML reports' tests ({@code bash .ci/run} installs Debian's). */
final class HeadlessBrowser {
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--virtual-time-budget=10000", "--window-size=1400,2200");
    private final String chromium;

    private HeadlessBrowser(String chromium) {
        this.chromium = chromium;
    }

    /** The browser on the PATH (or {@code CREDIT_CONTROL_CHROMIUM}); the test is skipped, saying why, when there is none. */
    static HeadlessBrowser orSkip() {
        String chromium = System.getenv().getOrDefault("CREDIT_CONTROL_CHROMIUM", "chromium");
        Assumptions.assumeTrue(onPath(chromium), "HTML report test skipped: no '" + chromium + "' on the PATH (bash .ci/run installs"
                + " Debian's chromium; or set CREDIT_CONTROL_CHROMIUM to a Chrome/Chromium binary)");
        return new HeadlessBrowser(chromium);
    }

    /** The page's DOM after its scripts ran. */
    String dumpDom(Path page) throws Exception {
        return run("--dump-dom", page.toUri().toString());
    }

    /** Keeps a screenshot and the page in {@code target/} as build artefacts for a person to look at. */
    void keepScreenshot(Path page, String name) throws Exception {
        Path shot = Path.of("target/" + name + ".png").toAbsolutePath();
        Files.createDirectories(shot.getParent());
        run("--screenshot=" + shot, page.toUri().toString());
        assertThat(Files.size(shot)).as("screenshot kept as a build artefact: %s", shot).isGreaterThan(10_000);
        Files.copy(page, Path.of("target/" + name + ".html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium));
        command.addAll(FLAGS);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return out;
    }

    private static boolean onPath(String command) {
        if (command.contains("/")) return Files.isExecutable(Path.of(command));
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, command))) return true;
        }
        return false;
    }
}
