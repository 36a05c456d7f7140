package dev.creditcontrol.rules;
import org.junit.jupiter.api.Test;
class SmokeTest { @Test void loads() { CreditControl.withDefaultRules(); } }
