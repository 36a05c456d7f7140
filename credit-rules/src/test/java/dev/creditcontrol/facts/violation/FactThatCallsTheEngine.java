package dev.creditcontrol.facts.violation;

import dev.creditcontrol.rules.CreditControl;

/** A deliberate violation for {@code ArchitectureTest}: model-side code that depends on the engine. */
public final class FactThatCallsTheEngine {
    public Class<?> engine() {
        return CreditControl.class;
    }
}
