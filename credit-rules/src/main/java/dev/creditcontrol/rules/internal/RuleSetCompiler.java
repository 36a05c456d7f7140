package dev.creditcontrol.rules.internal;

import dev.creditcontrol.rules.RuleSetException;
import dev.creditcontrol.rules.RuleSetInfo;
import dev.creditcontrol.rules.RuleSetProblem;
import dev.creditcontrol.rules.RuleSetProblem.Severity;
import dev.creditcontrol.rules.authoring.Parameters;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.builder.InternalKieBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link RuleSetSource} into a {@link CompiledRuleSet}, or reports every problem at once.
 * The only class that builds with Drools, so a later switch of engine stays here.
 */
public final class RuleSetCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetCompiler.class);
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern LINE_COLUMN = Pattern.compile("[Ll]ine:? (\\d+)(?::|, Column: )(\\d+)");
    private static final Pattern RULE_DECLARATION = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");
    private static final Pattern RULE_NAME = Pattern.compile("in rule \"([^\"]+)\"|[Rr]ule name='(.+?)'\\]");

    private RuleSetCompiler() {}

    /** Every problem in the rule set (errors and warnings), without keeping what was built. */
    public static List<RuleSetProblem> validate(RuleSetSource source, ClassLoader loader) {
        List<RuleSetProblem> problems = new ArrayList<>();
        Built built = build(source, loader, problems);
        if (built != null) built.discard();
        return sorted(problems);
    }

    /**
     * Compiles the rule set.
     *
     * @throws RuleSetException with every problem when any is an error
     */
    public static CompiledRuleSet compile(RuleSetSource source, ClassLoader loader, Limits limits) {
        long start = System.nanoTime();
        List<RuleSetProblem> problems = new ArrayList<>();
        Built built = build(source, loader, problems);
        List<RuleSetProblem> sorted = sorted(problems);
        if (built == null || sorted.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
            if (built != null) built.discard();
            throw new RuleSetException("rule set " + source.origin() + " has errors and was not loaded", sorted);
        }
        List<String> ruleNames = ruleNames(built.kieBase);
        RuleSetInfo info = new RuleSetInfo(built.manifest.name(), built.manifest.version(),
                built.manifest.effectiveFrom(), built.manifest.description(), source.contentHash(), ruleNames,
                source.origin().startsWith("classpath:") ? Optional.empty() : Optional.of(Path.of(source.origin())));
        CompiledRuleSet compiled = new CompiledRuleSet(info, built.parameters, built.policy,
                built.scorecardRules, built.container, built.kieBase, built.messages);
        long builtAt = System.nanoTime();
        try {
            WarmUp.run(compiled, limits.withDeadline(limits.warmUpDeadline()));
        } catch (CompiledRuleSet.DeadlineException | CompiledRuleSet.FactCapException | CompiledRuleSet.RuleFiringCapException e) {
            // A rule that loops on the warm-up's ordinary orders would hang or fail every check: refuse it.
            compiled.release();
            throw new RuleSetException("rule set " + source.origin() + " did not finish its warm-up and was not loaded",
                    List.of(RuleSetProblem.error(source.origin(), 0, 0, "warm-up: " + e.getMessage())));
        } catch (RuntimeException e) {
            // Not fatal: a check that fails the same way at run time fails closed.
            LOG.warn("Rule set {} {} failed on a warm-up order: {}", info.name(), info.version(), e.toString());
        }
        LOG.info("Loaded rule set {} {} (sha256 {}, {} rules) from {}: built in {} ms, warmed in {} ms",
                info.name(), info.version(), info.contentHash(), ruleNames.size(), source.origin(),
                (builtAt - start) / 1_000_000, (System.nanoTime() - builtAt) / 1_000_000);
        sorted.forEach(p -> LOG.warn("{}", p));
        return compiled;
    }

    private record Built(Manifest manifest, Parameters parameters, RuleSetPolicy policy, Set<String> scorecardRules,
                         KieContainer container, KieBase kieBase, Messages messages) {
        void discard() {
            container.dispose();
        }
    }

    private static Built build(RuleSetSource source, ClassLoader loader, List<RuleSetProblem> problems) {
        Map<String, String> files = source.files();
        String manifestText = files.get(RuleSetSource.MANIFEST);
        Manifest manifest = null;
        if (manifestText == null) {
            // Still compile the rules below, so that their own errors are reported too.
            problems.add(new RuleSetProblem(RuleSetProblem.Severity.ERROR, RuleSetSource.MANIFEST, 0, 0, Optional.empty(),
                    "the rule set has no " + RuleSetSource.MANIFEST,
                    Optional.of("add one with name, version, effectiveFrom and reasonCodes (see the analyst guide)")));
        } else {
            try {
                manifest = Manifest.parse(PropertiesText.parse(RuleSetSource.MANIFEST, manifestText), problems);
            } catch (RuleSetException e) {
                problems.addAll(e.problems());
            }
        }
        String parameterText = files.getOrDefault(RuleSetSource.PARAMETERS, "");
        PropertiesText parameterLines;
        try {
            parameterLines = PropertiesText.parse(RuleSetSource.PARAMETERS, parameterText);
        } catch (RuleSetException e) {
            problems.addAll(e.problems());
            parameterLines = PropertiesText.parse(RuleSetSource.PARAMETERS, "");
        }
        String typesText = files.get(ParameterTypes.FILE);
        if (typesText == null) {
            problems.add(new RuleSetProblem(Severity.ERROR, ParameterTypes.FILE, 0, 0, Optional.empty(),
                    "the rule set has no " + ParameterTypes.FILE + ": every parameter needs a declared type and range",
                    Optional.of("copy the bundled rule set's and declare your own parameters in it")));
        } else {
            try {
                ParameterTypes.parse(PropertiesText.parse(ParameterTypes.FILE, typesText), problems).check(parameterLines, problems);
            } catch (RuleSetException e) {
                problems.addAll(e.problems());
            }
        }
        Parameters parameters;
        try {
            parameters = Parameters.of(parameterLines.values());
        } catch (IllegalArgumentException e) {
            String key = e.getMessage().replaceFirst("^parameter (\\S+?)(\\.bins|\\.points)?[ /].*$", "$1") + ".points";
            problems.add(RuleSetProblem.error(RuleSetSource.PARAMETERS, parameterLines.lineOf(key), 1, e.getMessage()));
            parameters = Parameters.of(Map.of());
        }
        if (manifest != null && manifest.currency().isPresent()) parameters = parameters.inCurrency(manifest.currency().get());
        Optional<RuleSetPolicy> policy = RuleSetPolicy.read(parameters, parameterLines, problems);
        Set<String> scorecardRules = Set.of();
        Map<String, String> drl = source.drlFiles();
        if (manifest != null) {
            checkComplete(source, manifest, manifestText, problems);
            drl.keySet().retainAll(manifest.files());
        }
        if (drl.isEmpty()) problems.add(RuleSetProblem.error(source.origin(), 0, 0, "the rule set has no .drl files"));
        Messages texts = Messages.NONE;
        if (manifest != null) {
            scorecardRules = RuleLint.check(drl, parameters, RuleSetSource.PARAMETERS, parameterLines, manifest.reasonCodes(), problems);
            texts = Messages.read(files, manifest.files(), problems);
            if (texts != Messages.NONE) checkTexts(texts, manifest, manifestText, drl, problems);
        }

        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        String name = manifest == null ? "invalid" : manifest.name();
        String version = manifest == null ? "0.0.0" : manifest.version();
        // A distinct ReleaseId per build: two loads of one version never share a KieModule.
        ReleaseId releaseId = ks.newReleaseId("dev.creditcontrol.rulesets", name, version + "-b" + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> kiePathToFile = new HashMap<>();
        drl.forEach((file, text) -> {
            // Drools wants a DRL file under the folder of its package, or it warns on every build.
            Matcher pkg = PACKAGE.matcher(text);
            String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            String base = file.substring(file.lastIndexOf('/') + 1);
            String kiePath = "src/main/resources/" + folder + base;
            kiePathToFile.put(folder + base, file);
            kiePathToFile.put(kiePath, file);
            kfs.write(kiePath, text);
        });
        // Rules never modify facts, so property reactivity buys nothing but a build warning per
        // constraint that reads a parameter. Set in code: a kmodule.xml would need Drools' XML module.
        KieModuleModel module = ks.newKieModuleModel().setConfigurationProperty("drools.propertySpecific", "ALLOWED");
        module.newKieBaseModel("rules").setDefault(true).addPackage("*");
        KieBuilder builder = ((InternalKieBuilder) ks.newKieBuilder(kfs, loader)).withKModuleModel(module).buildAll();
        List<Message> messages = builder.getResults().getMessages();
        boolean realParserError = messages.stream().anyMatch(m -> m.getLevel() == Message.Level.ERROR
                && !m.getText().contains("Parser returned a null Package"));
        for (Message m : messages) {
            if (m.getLevel() == Message.Level.INFO) continue;
            if (realParserError && m.getText().contains("Parser returned a null Package")) continue;
            problems.add(toProblem(m, kiePathToFile, drl));
        }
        if (messages.stream().anyMatch(m -> m.getLevel() == Message.Level.ERROR) || manifest == null || policy.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieContainer container = ks.newKieContainer(releaseId, loader);
        KieBase kieBase = container.getKieBase();
        // The KieBase is built; the process-wide repository need not keep the module alive.
        ks.getRepository().removeKieModule(releaseId);
        return new Built(manifest, parameters, policy.get(), scorecardRules, container, kieBase, texts);
    }

    /**
     * Every declared bundle has a text for every reason code ({@code reason.<CODE>}) and for every
     * message key a rule passes: a missing one is an error at the manifest's reasonCodes line or at
     * the rule's line, naming the bundle.
     */
    private static void checkTexts(Messages messages, Manifest manifest, String manifestText, Map<String, String> drl,
                                   List<RuleSetProblem> problems) {
        int codesLine = manifestText.lines().takeWhile(l -> !l.startsWith("reasonCodes")).toList().size() + 1;
        Set<String> codeKeys = new java.util.TreeSet<>();
        manifest.reasonCodes().forEach(c -> codeKeys.add("reason." + c));
        messages.missing(codeKeys).forEach((bundle, keys) -> keys.forEach(k -> problems.add(new RuleSetProblem(Severity.ERROR,
                RuleSetSource.MANIFEST, codesLine, 1, Optional.empty(), "reason code " + k.substring("reason.".length())
                + " has no text in " + bundle + " (key " + k + ")", Optional.of("add " + k + "=... to " + bundle)))));
        drl.forEach((file, text) -> {
            for (DrlChecks.KeyUse use : DrlChecks.messageKeys(file, text)) {
                messages.missing(Set.of(use.key())).forEach((bundle, keys) -> problems.add(new RuleSetProblem(Severity.ERROR,
                        file, use.line(), 1, Optional.empty(), "message key " + use.key() + " has no text in " + bundle,
                        Optional.of("add " + use.key() + "=... to " + bundle + ", or correct the key"))));
            }
        });
    }

    /**
     * The folder holds exactly the declared files: each is there, no other rule or parameter file
     * is (a renamed {@code licences.DRL}, a rule file moved into {@code scenarios/}), and a
     * {@link RuleSetSource#PUBLISHED} marker, when present, names this content.
     */
    private static void checkComplete(RuleSetSource source, Manifest manifest, String manifestText, List<RuleSetProblem> problems) {
        int filesLine = manifestText.lines().takeWhile(l -> !l.startsWith("files")).toList().size() + 1;
        for (String declared : manifest.files()) {
            if (!source.listing().contains(declared)) {
                problems.add(new RuleSetProblem(Severity.ERROR, RuleSetSource.MANIFEST, filesLine, 1, Optional.empty(),
                        "declared file " + declared + " is missing from the rule set",
                        Optional.of("restore it, or remove it from files= if the rule set no longer needs it")));
            }
        }
        for (String file : source.listing()) {
            String lower = file.toLowerCase(java.util.Locale.ROOT);
            if (file.equals(RuleSetSource.MANIFEST) || file.equals(RuleSetSource.PUBLISHED) || manifest.files().contains(file)) continue;
            if (file.startsWith("scenarios/") && (lower.endsWith(".csv") || file.equals("scenarios/defaults.properties"))) continue;
            boolean ruleLike = lower.endsWith(".drl") || lower.endsWith(".properties") || lower.endsWith(".dslr")
                    || lower.endsWith(".drl.xls") || lower.endsWith(".drl.xlsx") || lower.endsWith(".drl.csv");
            if (ruleLike) {
                problems.add(new RuleSetProblem(Severity.ERROR, file, 0, 0, Optional.empty(),
                        "file " + file + " is not one of the rule set's declared files, so it would be ignored",
                        Optional.of("a rule file is named in ruleset.properties files= and ends in .drl (lower case), outside"
                                + " scenarios/; declare it, rename it or remove it")));
            }
        }
        source.published().ifPresent(hash -> {
            if (!hash.equals(source.contentHash())) {
                problems.add(new RuleSetProblem(Severity.ERROR, RuleSetSource.PUBLISHED, 1, 1, Optional.empty(),
                        "the folder's content (sha256 " + source.contentHash() + ") is not what was published (" + hash + ")",
                        Optional.of("the copy is incomplete or was changed after publishing: finish the copy, then run"
                                + " credit-rules publish")));
            }
        });
    }

    private static RuleSetProblem toProblem(Message m, Map<String, String> kiePathToFile, Map<String, String> drl) {
        String text = m.getText().strip();
        String file = m.getPath() == null ? "?" : kiePathToFile.getOrDefault(m.getPath(), m.getPath());
        int line = m.getLine();
        int column = m.getColumn();
        Matcher lc = LINE_COLUMN.matcher(text);
        if (lc.find()) {
            line = Integer.parseInt(lc.group(1));
            column = Integer.parseInt(lc.group(2)) + 1;
        }
        Matcher rule = RULE_NAME.matcher(text);
        Optional<String> ruleName = rule.find() ? Optional.of((rule.group(1) != null ? rule.group(1) : rule.group(2)).strip())
                : enclosingRule(drl.getOrDefault(file, ""), line);
        Severity severity = m.getLevel() == Message.Level.ERROR ? Severity.ERROR : Severity.WARNING;
        // MVEL appends an ASCII-art pointer after "[Near"; the position already says where.
        int near = text.indexOf("[Near");
        String message = (near > 0 ? text.substring(0, near) : text).replaceAll("\\s*\\n\\s*", " ").strip();
        return new RuleSetProblem(severity, file, line, column, ruleName, message, hint(text));
    }

    /** The rule whose declaration is the last one at or above {@code line}. */
    private static Optional<String> enclosingRule(String text, int line) {
        String found = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < Math.min(line, lines.length); i++) {
            Matcher r = RULE_DECLARATION.matcher(lines[i]);
            if (r.find()) found = r.group(1) != null ? r.group(1) : r.group(2) != null ? r.group(2) : r.group(3);
        }
        return Optional.ofNullable(found);
    }

    /** Plain words for the parser and compiler messages analysts meet most. */
    static Optional<String> hint(String text) {
        String t = text.toLowerCase();
        if (t.contains("mismatched input")) {
            return Optional.of("a bracket, comma or keyword is missing or misplaced just before this point");
        }
        if (t.contains("no viable alternative")) return Optional.of("this word is not valid here: check spelling and brackets");
        if (t.contains("extraneous input")) return Optional.of("there is an extra word or symbol here: remove it");
        if (t.contains("missing") && t.contains("at")) return Optional.of("something is missing here, often a ')' or 'end'");
        if (t.contains("unable to resolve object type") || t.contains("cannot be resolved to a type")) {
            return Optional.of("unknown fact type: check its spelling and that it is imported");
        }
        if (t.contains("unable to find class for field") || t.contains("unable to analyse expression")
                || t.contains("unable to analyze expression") || t.contains("unable to resolve method")
                || t.contains("cannot be resolved")) {
            return Optional.of("unknown field or variable: check its spelling against the fact's documented fields");
        }
        if (t.contains("duplicate rule name")) return Optional.of("every rule needs its own name");
        return Optional.empty();
    }

    private static List<RuleSetProblem> sorted(List<RuleSetProblem> problems) {
        List<RuleSetProblem> copy = new ArrayList<>(problems);
        copy.sort(Comparator.comparing(RuleSetProblem::file).thenComparingInt(RuleSetProblem::line)
                .thenComparingInt(RuleSetProblem::column));
        return List.copyOf(copy);
    }

    private static List<String> ruleNames(KieBase kieBase) {
        return kieBase.getKiePackages().stream().flatMap((KiePackage p) -> p.getRules().stream())
                .map(org.kie.api.definition.rule.Rule::getName).sorted().toList();
    }
}
