package dev.creditcontrol.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** Copies of the bundled rule set in temporary folders, to edit in tests. */
public final class RuleFolders {
    private RuleFolders() {}

    /** The parameters every rule set must state (licence table, history windows, reassessment triggers). */
    public static final String POLICY_PARAMETERS = """
            licence.required.I=BUSINESS_LICENCE
            licence.required.II=BUSINESS_LICENCE, DEVICE_FILING
            licence.required.III=BUSINESS_LICENCE, DEVICE_OPERATION_LICENCE
            history.months=12
            history.recentMonths=3
            history.newCustomerMonths=24
            history.newCustomerInvoices=3
            history.salesWindowDays=90
            reassess.on=NEW_OVERDUE_ITEM
            """;

    /** The declarations of {@link #POLICY_PARAMETERS}, for {@code parameter-types.properties}. */
    public static final String POLICY_TYPES = """
            licence.required.<CLASS> = list(BUSINESS_LICENCE,MEDICAL_INSTITUTION_LICENCE,DEVICE_OPERATION_LICENCE,DEVICE_FILING)
            licence.required.<CLASS>.<TYPE> = list(BUSINESS_LICENCE,MEDICAL_INSTITUTION_LICENCE,DEVICE_OPERATION_LICENCE,DEVICE_FILING)
            history.months = integer 2..120
            history.recentMonths = integer 1..119
            history.newCustomerMonths = integer 1..240
            history.newCustomerInvoices = integer 1..1000
            history.salesWindowDays = days 1..3650
            reassess.on = list(LARGE_ORDER,NEW_OVERDUE_ITEM,LICENCE_CHANGED,LIMIT_CHANGED)
            """;

    /** The bundled rule set's folder in the build output. */
    public static Path bundled() {
        try {
            return Paths.get(RuleFolders.class.getClassLoader()
                    .getResource(CreditControl.DEFAULT_RULES + "/ruleset.properties").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the bundled rule set into {@code target}. */
    public static Path copyBundled(Path target) {
        return copyTree(bundled(), target);
    }

    /** Deletes a folder and everything in it. */
    public static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder tree. */
    public static Path copyTree(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            Files.createDirectories(target);
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds rule files to the manifest's {@code files=} list of the rule set in {@code dir}. */
    public static void declare(Path dir, String... files) {
        Path manifest = dir.resolve("ruleset.properties");
        try {
            String text = Files.readString(manifest);
            if (!text.contains("files=")) text = text + "files=parameters.properties\n";
            Files.writeString(manifest, text.replaceFirst("(?m)^files=(.*)$", "files=$1, " + String.join(", ", files)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) throw new IllegalArgumentException(file + " has no '" + from + "'");
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
