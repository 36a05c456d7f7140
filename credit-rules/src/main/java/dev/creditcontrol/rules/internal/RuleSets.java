package dev.creditcontrol.rules.internal;

import dev.creditcontrol.rules.RuleSetException;
import dev.creditcontrol.rules.RuleSetInfo;
import dev.creditcontrol.rules.RuleSetProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The versions a {@code CreditControl} serves, oldest effective date first. Immutable: a reload
 * builds a new one and swaps it in whole, so a check sees one consistent set. Holds one
 * {@link CompiledRuleSet#acquire() hold} on each version until {@link #release()}.
 */
public final class RuleSets {
    private final List<CompiledRuleSet> versions;

    /** Takes ownership of freshly compiled versions (each comes with one hold). */
    public RuleSets(List<CompiledRuleSet> versions) {
        if (versions.isEmpty()) throw new IllegalArgumentException("at least one rule set is required");
        List<CompiledRuleSet> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing((CompiledRuleSet r) -> r.info().effectiveFrom()));
        this.versions = List.copyOf(sorted);
    }

    /** The rule-set folders in {@code dir}: itself when it has a manifest, else its sub-folders that do. */
    public static List<Path> folders(Path dir) {
        if (RuleSetSource.isRuleSetFolder(dir)) return List.of(dir);
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> versions = children.filter(Files::isDirectory).filter(RuleSetSource::isRuleSetFolder).sorted().toList();
            // Rule files without a manifest: load the folder itself, so the report names both problems.
            return versions.isEmpty() && hasDrl(dir) ? List.of(dir) : versions;
        } catch (IOException e) {
            throw new RuleSetException("cannot list " + dir, List.of(RuleSetProblem.error(dir.toString(), 0, 0, e.toString())));
        }
    }

    private static boolean hasDrl(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.anyMatch(p -> p.toString().endsWith(".drl"));
        }
    }

    /**
     * Loads a folder holding one rule set or several versions, one per sub-folder. Every version
     * is compiled before any is used; one bad version fails the whole load. A version whose
     * content hash matches one in {@code reusable} is shared instead of compiled again.
     */
    public static RuleSets load(Path dir, ClassLoader loader, Map<String, CompiledRuleSet> reusable, Limits limits) {
        return load(dir, loader, reusable, limits, false);
    }

    /**
     * Like {@link #load(Path, ClassLoader, Map, Limits)}; with {@code requirePublished} (the
     * folder watcher), a version folder with new content and no {@link RuleSetSource#PUBLISHED}
     * marker is refused, so a copy in progress never serves (versions already serving unchanged
     * are kept without one). A version whose name and
     * version label are among {@code reusable} with another content is refused too: one label,
     * one content.
     */
    public static RuleSets load(Path dir, ClassLoader loader, Map<String, CompiledRuleSet> reusable, Limits limits,
                                boolean requirePublished) {
        List<Path> folders = folders(dir);
        if (folders.isEmpty()) {
            throw new RuleSetException("no rule set in " + dir, List.of(RuleSetProblem.error(dir.toString(), 0, 0,
                    "neither the folder nor any sub-folder has a " + RuleSetSource.MANIFEST)));
        }
        List<CompiledRuleSet> loaded = new ArrayList<>();
        try {
            List<RuleSetProblem> problems = new ArrayList<>();
            Map<String, String> servingHashByLabel = new java.util.HashMap<>();
            reusable.values().forEach(r -> servingHashByLabel.put(r.info().name() + " " + r.info().version(), r.info().contentHash()));
            for (Path folder : folders) {
                RuleSetSource source = RuleSetSource.read(folder);
                // A version already serving (same content) was accepted when it loaded: only new content must be published.
                if (requirePublished && source.published().isEmpty() && !reusable.containsKey(source.contentHash())) {
                    problems.addAll(prefixed(dir, folder, List.of(RuleSetProblem.error(RuleSetSource.PUBLISHED, 0, 0,
                            "not published yet: a watched folder serves a version only once its PUBLISHED marker (credit-rules"
                                    + " publish) names its content"))));
                    continue;
                }
                CompiledRuleSet same = reusable.get(source.contentHash());
                if (same != null && same.acquire()) {
                    loaded.add(same);
                    continue;
                }
                try {
                    CompiledRuleSet compiled = RuleSetCompiler.compile(source, loader, limits);
                    String label = compiled.info().name() + " " + compiled.info().version();
                    String serving = servingHashByLabel.get(label);
                    if (serving != null && !serving.equals(compiled.info().contentHash())) {
                        compiled.release();
                        problems.addAll(prefixed(dir, folder, List.of(RuleSetProblem.error(RuleSetSource.MANIFEST, 0, 0,
                                label + " is already serving with other content (sha256 " + serving + "): a changed rule set"
                                        + " needs a new version number"))));
                        continue;
                    }
                    loaded.add(compiled);
                } catch (RuleSetException e) {
                    problems.addAll(prefixed(dir, folder, e.problems()));
                }
            }
            if (!problems.isEmpty()) {
                throw new RuleSetException("rule sets in " + dir + " have errors and were not loaded", problems);
            }
            RuleSets sets = new RuleSets(loaded);
            sets.checkDistinct(dir);
            return sets;
        } catch (RuntimeException e) {
            loaded.forEach(CompiledRuleSet::release);
            throw e;
        }
    }

    /** Every problem in every version under {@code dir}, version files named relative to it; nothing is kept. */
    public static List<RuleSetProblem> validate(Path dir, ClassLoader loader) {
        List<Path> folders = folders(dir);
        if (folders.isEmpty()) {
            return List.of(RuleSetProblem.error(dir.toString(), 0, 0, "neither the folder nor any sub-folder has a "
                    + RuleSetSource.MANIFEST));
        }
        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, Path> byLabel = new java.util.HashMap<>();
        Map<String, Path> byDate = new java.util.HashMap<>();
        for (Path folder : folders) {
            try {
                RuleSetSource source = RuleSetSource.read(folder);
                problems.addAll(prefixed(dir, folder, RuleSetCompiler.validate(source, loader)));
                PropertiesText manifest = PropertiesText.parse(RuleSetSource.MANIFEST, source.files().getOrDefault(RuleSetSource.MANIFEST, ""));
                String name = manifest.values().getOrDefault("name", "");
                Path sameLabel = byLabel.putIfAbsent(name + " " + manifest.values().getOrDefault("version", ""), folder);
                if (sameLabel != null) {
                    problems.addAll(prefixed(dir, folder, List.of(RuleSetProblem.error(RuleSetSource.MANIFEST, manifest.lineOf("version"), 1,
                            "version " + manifest.values().get("version") + " of " + name + " is also in " + sameLabel.getFileName()))));
                }
                Path sameDate = byDate.putIfAbsent(name + " " + manifest.values().getOrDefault("effectiveFrom", ""), folder);
                if (sameDate != null) {
                    problems.addAll(prefixed(dir, folder, List.of(RuleSetProblem.error(RuleSetSource.MANIFEST,
                            manifest.lineOf("effectiveFrom"), 1, "effectiveFrom " + manifest.values().get("effectiveFrom")
                                    + " is also the effective date of " + sameDate.getFileName()
                                    + ": on that date it would be ambiguous which version decides"))));
                }
            } catch (RuleSetException e) {
                problems.addAll(prefixed(dir, folder, e.problems()));
            } catch (IllegalStateException e) {
                problems.addAll(prefixed(dir, folder, List.of(RuleSetProblem.error(RuleSetSource.MANIFEST, 0, 0, e.getMessage()))));
            }
        }
        return List.copyOf(problems);
    }

    private static List<RuleSetProblem> prefixed(Path dir, Path folder, List<RuleSetProblem> problems) {
        if (folder.equals(dir)) return problems;
        String prefix = dir.relativize(folder).toString().replace('\\', '/') + "/";
        return problems.stream().map(p -> new RuleSetProblem(p.severity(), prefix + p.file(), p.line(), p.column(),
                p.rule(), p.message(), p.hint())).toList();
    }

    private void checkDistinct(Path dir) {
        Set<String> seen = new HashSet<>();
        Set<LocalDate> dates = new HashSet<>();
        for (CompiledRuleSet r : versions) {
            if (!seen.add(r.info().name() + " " + r.info().version())) {
                throw new RuleSetException("duplicate rule set version in " + dir, List.of(RuleSetProblem.error(
                        dir.toString(), 0, 0, r.info().name() + " " + r.info().version() + " is there twice")));
            }
            if (!dates.add(r.info().effectiveFrom())) {
                throw new RuleSetException("two versions share an effective date in " + dir, List.of(RuleSetProblem.error(
                        dir.toString(), 0, 0, "more than one version takes effect on " + r.info().effectiveFrom())));
            }
        }
    }

    /**
     * The version in force on {@code date}: the latest effective on or before it.
     *
     * @throws IllegalArgumentException when the date is before every version's effective date
     */
    public CompiledRuleSet forDate(LocalDate date) {
        CompiledRuleSet chosen = null;
        for (CompiledRuleSet r : versions) if (!r.info().effectiveFrom().isAfter(date)) chosen = r;
        if (chosen == null) {
            RuleSetInfo earliest = versions.get(0).info();
            throw new IllegalArgumentException("no rule set is in force on " + date + ": the earliest, " + earliest.name() + " "
                    + earliest.version() + ", takes effect on " + earliest.effectiveFrom()
                    + " (pin a version to check an earlier date)");
        }
        return chosen;
    }

    /** The loaded version with that version string. */
    public Optional<CompiledRuleSet> version(String version) {
        return versions.stream().filter(r -> r.info().version().equals(version)).findFirst();
    }

    public List<CompiledRuleSet> versions() {
        return versions;
    }

    /** Gives back this set's hold on each version; versions no other set or check holds are released. */
    public void release() {
        versions.forEach(CompiledRuleSet::release);
    }
}
