package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.rules.RuleFolders;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** The bundled rule set's own scenario tables, run the way a host's build would run its own. */
class BundledScenariosTest {

    @TestFactory
    Stream<DynamicNode> bundledScenariosPassAndCoverEveryRule() {
        return RuleSetScenarios.dynamicTests(RuleFolders.bundled());
    }
}
