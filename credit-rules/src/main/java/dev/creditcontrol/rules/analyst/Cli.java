package dev.creditcontrol.rules.analyst;

import dev.creditcontrol.rules.CreditControl;
import dev.creditcontrol.rules.RuleSetException;
import dev.creditcontrol.rules.RuleSetProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The analysts' command line: {@code validate}, {@code test}, {@code diff}, {@code calibrate},
 * {@code publish}, {@code journal verify|export}, {@code backtest} and {@code report}. Exit codes, for CI jobs:
 * 0 success; 1 the rule set has errors, a scenario failed or a journal is broken; 2 bad usage or
 * unreadable input; 3 ({@code diff}, {@code backtest}) decisions changed; 4 an unexpected failure. Every
 * error is printed as one line per problem, with no stack trace unless {@code --verbose}.
 */
@Command(name = "credit-rules", mixinStandardHelpOptions = true, version = "credit-rules 0.1.0",
        description = "Validate, test and compare credit-control rule sets.",
        subcommands = {Cli.Validate.class, Cli.Test.class, Cli.Diff.class, Cli.Calibrate.class, Cli.Publish.class,
                Cli.Journal.class, Cli.BacktestCommand.class, Cli.Report.class})
public final class Cli implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CHANGED = 3;
    public static final int BROKEN = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "print the stack trace of an error")
    boolean verbose;

    @CommandLine.Option(names = "--lang", scope = CommandLine.ScopeType.INHERIT, defaultValue = "en",
            description = "language of messages, notices and reports: zh or en (default ${DEFAULT-VALUE})")
    void lang(String lang) {
        if (!lang.equals("zh") && !lang.equals("en")) throw new CommandLine.ParameterException(new CommandLine(this), "--lang is zh or en, not " + lang);
        LANGUAGE.set(lang.equals("zh") ? java.util.Locale.SIMPLIFIED_CHINESE : java.util.Locale.ENGLISH);
    }

    /** The language the current command runs in ({@code --lang}). */
    static final ThreadLocal<java.util.Locale> LANGUAGE = ThreadLocal.withInitial(() -> java.util.Locale.ENGLISH);

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    /** Runs a command, printing to the given writers; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        LANGUAGE.remove();
        CommandLine cli = new CommandLine(new Cli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean verbose = parsed.hasMatchedOption("--verbose");
            int code;
            if (e instanceof RuleSetException rse) {
                err.println("credit-rules: " + rse.getMessage().lines().findFirst().orElse(""));
                rse.problems().forEach(p -> err.println(p));
                code = FAILED;
            } else if (e instanceof ScenarioFormatException sfe) {
                sfe.problems().forEach(p -> err.println(p));
                code = USAGE;
            } else if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
                err.println("credit-rules: " + oneLine(e));
                code = USAGE;
            } else {
                err.println("credit-rules: unexpected failure: " + oneLine(e) + (verbose ? "" : " (--verbose shows where)"));
                code = BROKEN;
            }
            if (verbose) e.printStackTrace(err);
            return code;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return USAGE;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ");
    }

    /** Where a command writes: the {@code --output} file (closed after), or standard output (flushed after). */
    private record Output(java.io.Writer writer, boolean file) implements AutoCloseable {
        static Output to(Path output, CommandLine.Model.CommandSpec spec) throws java.io.IOException {
            return output == null ? new Output(spec.commandLine().getOut(), false)
                    : new Output(Files.newBufferedWriter(output, StandardCharsets.UTF_8), true);
        }

        @Override
        public void close() throws java.io.IOException {
            if (file) writer.close();
            else writer.flush();
        }
    }

    private static Path folder(Path p) {
        if (!Files.isDirectory(p)) throw new IllegalArgumentException("not a folder: " + p.toAbsolutePath());
        return p;
    }

    @Command(name = "journal", description = "Verify or export a decision journal directory.",
            subcommands = {JournalVerify.class, JournalExport.class})
    static final class Journal implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return USAGE;
        }
    }

    @Command(name = "verify", description = "Walk the hash chain of a journal directory and name the first bad record.")
    static final class JournalVerify implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "the journal directory")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (dev.creditcontrol.journal.DecisionJournal journal = dev.creditcontrol.journal.DecisionJournal.inDirectory(folder(dir))) {
                dev.creditcontrol.journal.JournalCheck check = journal.verify();
                spec.commandLine().getOut().println(dir + ": " + check);
                return check.intact() ? OK : FAILED;
            }
        }
    }

    @Command(name = "export", description = "Write every record of a journal directory as JSON Lines (as stored) or CSV (one row per decision).")
    static final class JournalExport implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "the journal directory")
        Path dir;

        @CommandLine.Option(names = "--format", defaultValue = "jsonl", description = "jsonl or csv (default ${DEFAULT-VALUE})")
        String format;

        @CommandLine.Option(names = "--output", description = "file to write (default: standard output)")
        Path output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            if (!format.equals("jsonl") && !format.equals("csv")) throw new IllegalArgumentException("--format is jsonl or csv, not " + format);
            long n;
            try (dev.creditcontrol.journal.DecisionJournal journal = dev.creditcontrol.journal.DecisionJournal.inDirectory(folder(dir));
                 Output out = Output.to(output, spec)) {
                n = format.equals("jsonl") ? JournalExport.jsonl(journal, out.writer) : JournalExport.csv(journal, out.writer);
            }
            if (output != null) spec.commandLine().getOut().println("wrote " + n + " records to " + output);
            return OK;
        }

        static long jsonl(dev.creditcontrol.journal.DecisionJournal journal, java.io.Writer out) throws java.io.IOException {
            long n = 0;
            try (var records = journal.records()) {
                for (var it = records.iterator(); it.hasNext(); n++) {
                    out.write(it.next().json());
                    out.write('\n');
                }
            }
            return n;
        }

        static final List<String> CSV_COLUMNS = List.of("sequence", "recordedAt", "checkpoint", "orderId", "shipmentId", "customerId",
                "checkDate", "total", "currency", "outcome", "requiredApproval", "reasons", "ruleSetName", "ruleSetVersion", "ruleSetHash", "hash");

        static long csv(dev.creditcontrol.journal.DecisionJournal journal, java.io.Writer out) throws java.io.IOException {
            long n = 0;
            org.apache.commons.csv.CSVPrinter csv = org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                    .setHeader(CSV_COLUMNS.toArray(String[]::new)).get().print(out);
            try (var records = journal.records()) {
                for (var it = records.iterator(); it.hasNext(); n++) {
                    var r = it.next();
                    var d = r.decision();
                    csv.printRecord(r.sequence(), r.recordedAt(), d.checkpoint(), d.orderId(), d.shipmentId().orElse(""), d.customerId(),
                            r.request().checkDate(), r.request().total().amount().toPlainString(), r.request().total().currencyCode(),
                            d.outcome(), d.requiredApproval().map(Enum::name).orElse(""),
                            String.join(" ", d.reasons().stream().map(dev.creditcontrol.decision.Reason::code).toList()),
                            d.ruleSetName(), d.ruleSetVersion(), d.ruleSetHash(), r.hash());
                }
            }
            csv.flush();
            return n;
        }
    }

    @Command(name = "backtest", description = "Decide every record of a journal again on a candidate rule set and report which outcomes would change.")
    static final class BacktestCommand implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "the journal directory")
        Path dir;

        @CommandLine.Option(names = "--rules", required = true, description = "the candidate rule-set folder")
        Path rules;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (CreditControl candidate = CreditControl.builder().ruleSetDirectory(folder(rules)).verifyScenarios(false).build();
                 dev.creditcontrol.journal.DecisionJournal journal = dev.creditcontrol.journal.DecisionJournal.inDirectory(folder(dir));
                 var records = journal.records()) {
                Backtest.Result result = Backtest.run(records, candidate);
                spec.commandLine().getOut().println(result.render());
                return result.changed() > 0 ? CHANGED : OK;
            }
        }
    }

    @Command(name = "report", description = "Review the receivables of a portfolio and write the report: html (charts), csv (Excel) or json.")
    static final class Report implements Callable<Integer> {
        @Parameters(paramLabel = "INPUT", description = "snapshots as JSON Lines (.jsonl, one {\"schema\":1,\"snapshot\":...} per line) or a scenario table (.csv)")
        Path input;

        @CommandLine.Option(names = "--format", defaultValue = "html", description = "html, csv or json (default ${DEFAULT-VALUE})")
        String format;

        @CommandLine.Option(names = "--output", description = "file to write (default: standard output)")
        Path output;

        @CommandLine.Option(names = "--rules", description = "rule-set folder (default: the bundled rule set)")
        Path rules;

        @CommandLine.Option(names = "--currency", defaultValue = "CNY", description = "reporting currency (default ${DEFAULT-VALUE})")
        String currency;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            if (!List.of("html", "csv", "json").contains(format)) throw new IllegalArgumentException("--format is html, csv or json, not " + format);
            if (!Files.isRegularFile(input)) throw new IllegalArgumentException("not a file: " + input.toAbsolutePath());
            CreditControl.Builder b = CreditControl.builder().verifyScenarios(false).locale(LANGUAGE.get());
            if (rules != null) b.ruleSetDirectory(folder(rules));
            try (CreditControl control = b.build(); java.io.BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
                java.util.Iterator<dev.creditcontrol.model.CustomerSnapshot> snapshots = input.toString().endsWith(".csv")
                        ? ScenarioFile.read(input).stream().map(Scenario::snapshot).iterator() : jsonLines(reader, input);
                ReceivablesPortfolio.Summary summary;
                try {
                    summary = ReceivablesPortfolio.builder(control).currency(currency).build().run(snapshots);
                } catch (dev.creditcontrol.rules.CreditControlException e) {
                    if (e.getCause() instanceof IllegalArgumentException bad) throw bad; // a bad input line, named
                    throw e;
                }
                try (Output out = Output.to(output, spec)) { // only now: a bad input line has written nothing
                    switch (format) {
                        case "csv" -> PortfolioReport.csv(summary, out.writer);
                        case "json" -> PortfolioReport.json(summary, out.writer);
                        default -> PortfolioReport.html(summary, out.writer, LANGUAGE.get());
                    }
                }
                java.io.PrintWriter err = spec.commandLine().getErr();
                err.println("reviewed " + summary.customers() + " customers" + (summary.failed() > 0 ? ", " + summary.failed()
                        + " could not be (first: " + summary.failures().get(0) + ")" : "") + (output == null ? "" : "; wrote " + output));
                return summary.failed() > 0 ? FAILED : OK;
            }
        }

        /** One snapshot per non-blank line; a bad line stops the run naming its line. */
        static java.util.Iterator<dev.creditcontrol.model.CustomerSnapshot> jsonLines(java.io.BufferedReader reader, Path file) {
            return new java.util.Iterator<>() {
                long line;
                String next;

                @Override
                public boolean hasNext() {
                    try {
                        while (next == null) {
                            String l = reader.readLine();
                            if (l == null) return false;
                            line++;
                            if (!l.isBlank()) next = l;
                        }
                        return true;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException("cannot read " + file, e);
                    }
                }

                @Override
                public dev.creditcontrol.model.CustomerSnapshot next() {
                    if (!hasNext()) throw new java.util.NoSuchElementException();
                    String l = next;
                    next = null;
                    try {
                        return dev.creditcontrol.journal.JsonForm.fromJson(l, dev.creditcontrol.model.CustomerSnapshot.class);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(file + ":" + line + ": " + e.getMessage(), e);
                    }
                }
            };
        }
    }

    @Command(name = "validate", description = "Report every problem in a rule set (or a folder of versions), with file:line:column.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "rule-set folder, or a folder of versions")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<RuleSetProblem> problems = CreditControl.validate(folder(dir));
            problems.forEach(p -> out.println(dir.resolve(p.file()) + p.toString().substring(p.file().length())));
            long errors = problems.stream().filter(p -> p.severity() == RuleSetProblem.Severity.ERROR).count();
            out.println(dir + ": " + errors + " error(s), " + (problems.size() - errors) + " warning(s)");
            return errors > 0 ? FAILED : OK;
        }
    }

    @Command(name = "publish", description = "Validate a deployed rule set and mark it complete (PUBLISHED), so a watching engine may serve it.")
    static final class Publish implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "rule-set folder, or a folder of versions")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CreditControl.publish(folder(dir)).forEach((folder, hash) ->
                    spec.commandLine().getOut().println("published " + folder + " sha256 " + hash));
            return OK;
        }
    }

    @Command(name = "test", description = "Run the scenario tables in each rule set's scenarios/ folder; report each row and rule coverage.")
    static final class Test implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "rule-set folder, or a folder of versions")
        Path dir;

        @CommandLine.Option(names = "--require-coverage", description = "also fail when a rule fires in no scenario")
        boolean requireCoverage;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean ok = true;
            for (ScenarioReport report : ScenarioRunner.runFolder(folder(dir))) {
                out.println(report.render());
                if (report.results().isEmpty()) {
                    out.println("no scenario: " + report.ruleSet().name() + " " + report.ruleSet().version()
                            + " has no scenarios/*.csv with a row; a rule set must be tested before it goes live");
                    ok = false;
                }
                ok &= report.passed() && (!requireCoverage || report.rulesNever().isEmpty());
            }
            return ok ? OK : FAILED;
        }
    }

    @Command(name = "calibrate", description = "Fit the scorecard to a labelled history and write a complete rule set with it.")
    static final class Calibrate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "HISTORY", description = "CSV in the scenario format with a 'bad' column")
        Path history;

        @Parameters(index = "1", paramLabel = "OUT_DIR", description = "folder to write the calibrated rule set to")
        Path out;

        @CommandLine.Option(names = "--rules", paramLabel = "RULE_DIR",
                description = "the rule set whose scorecard to fit (default: the bundled medical-device rule set)")
        Path rules;

        @CommandLine.Option(names = "--fit-before", paramLabel = "DATE",
                description = "time-aware: fit on customers observed before DATE, report on those observed from it")
        java.time.LocalDate fitBefore;

        @CommandLine.Option(names = "--hold-out", paramLabel = "SHARE", defaultValue = "0.30",
                description = "share of the customers held out at random when no --fit-before is given (default ${DEFAULT-VALUE})")
        double holdOut;

        @CommandLine.Option(names = "--pdo", paramLabel = "POINTS", defaultValue = "0",
                description = "points that double the good:bad odds (default: chosen so scores span 5 to 95)")
        double pdo;

        @CommandLine.Option(names = "--report", paramLabel = "FILE",
                description = "write the full report (every factor's bins, bad rates, WoE and points) to FILE: text, or a page"
                        + " with a chart per factor when FILE ends in .html")
        Path report;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<LabelledSnapshot> labelled = ScenarioFile.readLabelled(history);
            CalibrationOptions options = CalibrationOptions.defaults().holdOutShare(holdOut).pointsToDouble(pdo);
            if (fitBefore != null) options = options.fitBefore(fitBefore);
            Calibration c = rules == null ? ScorecardCalibrator.fit(labelled, options) : ScorecardCalibrator.fit(folder(rules), labelled, options);
            c.writeRuleSet(out);
            PrintWriter o = spec.commandLine().getOut();
            o.printf(java.util.Locale.ROOT, "calibrated on %s (%s)%nheld out: AUC %.4f, KS %.4f, Gini %.4f; score stability PSI %.4f (%s)%n",
                    c.sample(), c.split(), c.auc(), c.ks(), c.gini(), c.scoreStability(), ScorecardFit.stabilityWord(c.scoreStability()));
            o.printf(java.util.Locale.ROOT, "%-22s %-8s %8s %9s %8s %8s  %s%n", "factor", "segment", "IV", "coef", "AUC", "CSI", "points by bin");
            for (FactorReport f : c.factors()) {
                o.printf(java.util.Locale.ROOT, "%-22s %-8s %8.4f %9.4f %8.4f %8.4f  %s%n", f.factor(), f.segment(), f.informationValue(),
                        f.coefficient(), f.heldOutAuc(), f.stabilityIndex(), f.used() ? String.join(" ", f.bins().stream().map(b -> b.range() + ":" + b.points()).toList())
                                : f.note());
            }
            if (report != null) {
                try {
                    if (report.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
                        try (java.io.Writer w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                            CalibrationReport.html(c, w, LANGUAGE.get());
                        }
                    } else {
                        Files.writeString(report, c.report(), StandardCharsets.UTF_8);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot write the report to " + report, e);
                }
            }
            o.println("wrote " + out);
            // The calibrated rule set keeps the scenarios it was given. Rows that pin a score, grade or
            // level the new points change fail now, and CreditControl refuses to load a rule set whose
            // scenarios fail: say which, before anyone tries to put it live.
            for (ScenarioReport r : ScenarioRunner.runFolder(out)) {
                if (r.results().isEmpty()) {
                    o.println("scenarios: none; a rule set must be tested before it goes live");
                } else if (r.passed()) {
                    o.printf(java.util.Locale.ROOT, "scenarios: all %d pass on the calibrated rule set%n", r.results().size());
                } else {
                    o.printf(java.util.Locale.ROOT, "scenarios: %d of %d fail on the calibrated rule set: they expect what the old points"
                            + " gave; update them to what you accept, then run 'test %s'%n", r.failures(), r.results().size(), out);
                    r.results().stream().filter(x -> !x.passed()).forEach(x -> o.println("  " + x.line()));
                }
            }
            return OK;
        }
    }

    @Command(name = "diff", description = "Replay recorded cases under two rule sets and report every decision that changes.")
    static final class Diff implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OLD_DIR")
        Path oldDir;

        @Parameters(index = "1", paramLabel = "NEW_DIR")
        Path newDir;

        @Parameters(index = "2", paramLabel = "CASES", description = "CSV of recorded cases (scenario format)")
        Path cases;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<Scenario> recorded = ScenarioFile.read(cases);
            try (CreditControl before = CreditControl.builder().ruleSetDirectory(folder(oldDir)).verifyScenarios(false).build();
                 CreditControl after = CreditControl.builder().ruleSetDirectory(folder(newDir)).verifyScenarios(false).build()) {
                DecisionDiff.Report report = DecisionDiff.compare(before, after, recorded);
                spec.commandLine().getOut().println(report.render());
                return report.changed() ? CHANGED : OK;
            }
        }
    }
}
