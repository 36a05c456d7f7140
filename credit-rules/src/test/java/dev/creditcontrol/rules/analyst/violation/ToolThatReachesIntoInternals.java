package dev.creditcontrol.rules.analyst.violation;

import dev.creditcontrol.rules.internal.Decisions;
import org.kie.api.KieBase;

/**
 * A deliberate violation for {@code ArchitectureTest}: analyst-style code that uses an internal
 * class and shows a Drools type in a public signature. Never on the main class path.
 */
public final class ToolThatReachesIntoInternals {
    public String engineErrorCode() {
        return Decisions.engineErrorReason("probe", new IllegalStateException()).code();
    }

    public KieBase leaksDrools() {
        return null;
    }
}
