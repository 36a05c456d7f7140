package dev.creditcontrol.rules.internal;

import dev.creditcontrol.rules.RuleSetException;
import dev.creditcontrol.rules.RuleSetProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one rule-set folder, read into memory (so a folder edited while loading cannot
 * give a half-read rule set) with line endings normalised, and their content hash.
 *
 * @param origin  where it was read from, for messages
 * @param files   relative path (with '/') to text of the files that define behaviour, sorted by path
 * @param listing   every file in the folder, by relative path (to find undeclared and misplaced ones)
 * @param published the hash the folder's {@link #PUBLISHED} marker names, when it has one (not part of the content)
 */
public record RuleSetSource(String origin, Map<String, String> files, java.util.Set<String> listing,
                            java.util.Optional<String> published) {

    public static final String MANIFEST = "ruleset.properties";
    public static final String PARAMETERS = "parameters.properties";
    /** Written last by a deployment ({@code credit-rules publish}): the content hash of a complete copy. */
    public static final String PUBLISHED = "PUBLISHED";

    public RuleSetSource {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        listing = java.util.Set.copyOf(new java.util.TreeSet<>(listing));
    }

    /** A source known only by its files (each file is also its listing), not published. */
    public RuleSetSource(String origin, Map<String, String> files) {
        this(origin, files, files.keySet(), java.util.Optional.empty());
    }

    /** Whether a folder holds a rule set (has a manifest). */
    public static boolean isRuleSetFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /** Reads the manifest, parameter file and every {@code .drl} file below {@code dir}. */
    public static RuleSetSource read(Path dir) {
        Map<String, String> files = new TreeMap<>();
        java.util.Set<String> listing = new java.util.TreeSet<>();
        List<RuleSetProblem> problems = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isRegularFile(p)) continue;
                String rel = dir.relativize(p).toString().replace('\\', '/');
                listing.add(rel);
                if (!isRuleFile(rel) && !rel.equals(PUBLISHED)) continue;
                try {
                    byte[] bytes = Files.readAllBytes(p);
                    String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                    files.put(rel, text.replace("\r\n", "\n"));
                } catch (CharacterCodingException e) {
                    problems.add(RuleSetProblem.error(rel, 0, 0, "file is not valid UTF-8"));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new RuleSetException("cannot read rule set folder " + dir,
                    List.of(RuleSetProblem.error(dir.toString(), 0, 0, e.toString())));
        }
        if (!problems.isEmpty()) throw new RuleSetException("rule set " + dir + " has unreadable files", problems);
        String marker = files.remove(PUBLISHED);
        java.util.Optional<String> published = java.util.Optional.ofNullable(marker).map(String::strip)
                .map(m -> m.startsWith("sha256=") ? m.substring("sha256=".length()).strip() : m);
        return new RuleSetSource(dir.toString(), files, listing, published);
    }

    /** Reads a rule-set folder shipped on the class path, from a directory or a jar. */
    public static RuleSetSource readClasspath(ClassLoader loader, String folder) {
        return onClasspath(loader, folder, dir -> {
            RuleSetSource s = read(dir);
            return new RuleSetSource("classpath:" + folder, s.files(), s.listing(), s.published());
        });
    }

    /** Copies every file of a rule-set folder shipped on the class path (docs and scenarios too) into {@code target}. */
    public static void copyClasspath(ClassLoader loader, String folder, Path target) {
        onClasspath(loader, folder, dir -> {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (!Files.isRegularFile(p)) continue;
                    Path to = target.resolve(dir.relativize(p).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the rule set to " + target, e);
            }
        });
    }

    private static final Object JAR_LOCK = new Object();

    /** Runs {@code action} on a rule-set folder shipped on the class path (a jar's folder stays open meanwhile). */
    public static <T> T onClasspath(ClassLoader loader, String folder, java.util.function.Function<Path, T> action) {
        URL manifest = loader.getResource(folder + "/" + MANIFEST);
        if (manifest == null) {
            throw new RuleSetException("no rule set on the class path at " + folder,
                    List.of(RuleSetProblem.error(folder + "/" + MANIFEST, 0, 0, "not found on the class path")));
        }
        try {
            URI uri = manifest.toURI();
            if (!"jar".equals(uri.getScheme())) return action.apply(Path.of(uri).getParent());
            // one jar file system per JVM: without the lock, a second thread would read through the
            // one the first opened and is about to close (two engines starting at once, e.g. two Flink tasks)
            synchronized (JAR_LOCK) {
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    return action.apply(fs.provider().getPath(uri).getParent());
                } finally {
                    if (opened) fs.close();
                }
            }
        } catch (URISyntaxException | IOException e) {
            throw new RuleSetException("cannot read rule set " + folder + " from the class path",
                    List.of(RuleSetProblem.error(folder, 0, 0, e.toString())));
        }
    }

    /** The files that define behaviour and so enter the hash; docs and scenarios do not. */
    static boolean isRuleFile(String rel) {
        return rel.equals(MANIFEST) || rel.equals(PARAMETERS) || rel.equals(ParameterTypes.FILE) || Messages.isBundle(rel)
                || (rel.endsWith(".drl") && !rel.startsWith("scenarios/"));
    }

    /** SHA-256 (hex) over each file's path and text, in path order; the same on every machine. */
    public String contentHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((path, text) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The DRL files, by relative path. */
    public Map<String, String> drlFiles() {
        Map<String, String> drl = new TreeMap<>();
        files.forEach((k, v) -> {
            if (k.endsWith(".drl")) drl.put(k, v);
        });
        return drl;
    }
}
