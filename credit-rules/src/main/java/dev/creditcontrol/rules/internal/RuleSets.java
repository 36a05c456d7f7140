package dev.creditcontrol.rules.internal;

import dev.creditcontrol.rules.RuleSetException;
import dev.creditcontrol.rules.RuleSetProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The versions a {@code CreditControl} serves, oldest effective date first. Immutable: a reload
 * replaces the whole object, so a check sees one consistent set.
 */
public final class RuleSets {
    private final List<CompiledRuleSet> versions;

    public RuleSets(List<CompiledRuleSet> versions) {
        if (versions.isEmpty()) throw new IllegalArgumentException("at least one rule set is required");
        List<CompiledRuleSet> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing((CompiledRuleSet r) -> r.info().effectiveFrom()));
        this.versions = List.copyOf(sorted);
    }

    /**
     * Loads a folder holding one rule set (it has a manifest) or several versions, one per sub-folder.
     * Every version is compiled before any is used; one bad version fails the whole load.
     */
    public static RuleSets load(Path dir, ClassLoader loader) {
        List<Path> folders = new ArrayList<>();
        if (RuleSetSource.isRuleSetFolder(dir)) {
            folders.add(dir);
        } else {
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(Files::isDirectory).filter(RuleSetSource::isRuleSetFolder).sorted().forEach(folders::add);
            } catch (IOException e) {
                throw new RuleSetException("cannot list " + dir, List.of(RuleSetProblem.error(dir.toString(), 0, 0, e.toString())));
            }
        }
        if (folders.isEmpty()) {
            throw new RuleSetException("no rule set in " + dir, List.of(RuleSetProblem.error(dir.toString(), 0, 0,
                    "neither the folder nor any sub-folder has a " + RuleSetSource.MANIFEST)));
        }
        List<CompiledRuleSet> compiled = new ArrayList<>();
        try {
            for (Path folder : folders) compiled.add(RuleSetCompiler.compile(RuleSetSource.read(folder), loader));
            RuleSets sets = new RuleSets(compiled);
            sets.checkDistinct(dir);
            return sets;
        } catch (RuntimeException e) {
            compiled.forEach(CompiledRuleSet::dispose);
            throw e;
        }
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

    /** The version in force on {@code date}: the latest effective on or before it, else the earliest. */
    public CompiledRuleSet forDate(LocalDate date) {
        CompiledRuleSet chosen = versions.get(0);
        for (CompiledRuleSet r : versions) if (!r.info().effectiveFrom().isAfter(date)) chosen = r;
        return chosen;
    }

    /** The loaded version with that version string. */
    public Optional<CompiledRuleSet> version(String version) {
        return versions.stream().filter(r -> r.info().version().equals(version)).findFirst();
    }

    public List<CompiledRuleSet> versions() {
        return versions;
    }

    public void dispose() {
        versions.forEach(CompiledRuleSet::dispose);
    }
}
