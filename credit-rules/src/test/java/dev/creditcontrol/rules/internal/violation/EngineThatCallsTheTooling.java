package dev.creditcontrol.rules.internal.violation;

import dev.creditcontrol.rules.analyst.ScenarioRunner;

/** A deliberate violation for {@code ArchitectureTest}: engine code that reaches up into the analyst tooling. */
public final class EngineThatCallsTheTooling {
    public Object scenarios() {
        return ScenarioRunner.readAll(java.nio.file.Path.of("."));
    }
}
