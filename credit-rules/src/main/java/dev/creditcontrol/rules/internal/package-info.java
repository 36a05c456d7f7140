/**
 * <b>Unsupported internals.</b> The engine's implementation: rule-set loading, compilation,
 * linting, evaluation and reload. Public only so the engine's own packages can share it; hosts,
 * rule authors and tools must not use it. It changes without notice, is left out of the
 * published javadoc, and the architecture test fails the build when the analyst tooling imports it.
 */
package dev.creditcontrol.rules.internal;
