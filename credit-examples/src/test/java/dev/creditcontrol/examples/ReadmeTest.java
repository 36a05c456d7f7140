package dev.creditcontrol.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example is the compiled ReadmeExample, word for word, and it does what the README says. */
class ReadmeTest {

    @Test
    void readmeExampleIsTheCompiledExample() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/creditcontrol/examples/ReadmeExample.java"));
        String snippet = between(source, "// tag::example[]", "// end::example[]");
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(normalise(readme)).contains(normalise(snippet));
    }

    @Test
    void readmeExampleApprovesWithANearLimitWarning() {
        assertThat(ReadmeExample.run()).isEqualTo("APPROVE [CREDIT_LIMIT_NEAR]");
    }

    private static String between(String text, String start, String end) {
        return text.substring(text.indexOf(start) + start.length(), text.indexOf(end));
    }

    private static String normalise(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
