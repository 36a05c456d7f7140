package dev.creditcontrol.rules.internal;

import dev.creditcontrol.decision.WarningAction;
import dev.creditcontrol.rules.RuleSetProblem;
import dev.creditcontrol.rules.RuleSetProblem.Severity;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks of a rule file on Drools' own parse of it ({@link DrlParser}), before anything in it is
 * compiled or run:
 * <ul>
 *   <li>every import, global, pattern type, function and declared field type, and every
 *       qualified name in rule code (dots joined across spaces and lines, comments and strings
 *       left out) against an allowlist: the model, facts and authoring types, and java.lang
 *       (without Runtime, System, Thread, Class, ClassLoader, ...), java.math, java.time and
 *       java.util collections; no reflection ({@code .class}, {@code getClass});</li>
 *   <li>findings and warnings with an odd number of name/value arguments, and warning actions
 *       that are not {@link WarningAction}s;</li>
 *   <li>a number compared with a string ({@code daysOverdue > "abc"}), which Drools accepts and
 *       only the first order would reveal.</li>
 * </ul>
 */
final class DrlChecks {
    /** Packages whose types rule code may name. */
    private static final Set<String> ALLOWED_PACKAGES = Set.of("dev.creditcontrol.model", "dev.creditcontrol.decision",
            "dev.creditcontrol.facts", "dev.creditcontrol.rules.authoring", "java.lang", "java.math", "java.time",
            "java.time.format", "java.time.temporal", "java.util", "java.util.function");
    /** Types of allowed packages that still reach outside a credit decision. */
    private static final Set<String> FORBIDDEN_TYPES = Set.of("Runtime", "System", "Thread", "ThreadGroup", "ThreadLocal",
            "InheritableThreadLocal", "Class", "ClassLoader", "ClassValue", "Process", "ProcessBuilder", "ProcessHandle", "Module",
            "ModuleLayer", "SecurityManager", "StackWalker", "Compiler", "Scanner", "Timer", "TimerTask", "ServiceLoader",
            "ResourceBundle", "Properties", "Formatter");
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w$.])([a-z_][\\w$]*(?:\\.[a-z_][\\w$]*)+)\\.([A-Z][\\w$]*)");
    private static final Pattern SIMPLE_FORBIDDEN = Pattern.compile("(?<![\\w$.])(" + String.join("|", FORBIDDEN_TYPES) + ")\\b"
            + "|\\.\\s*(getClass|getClassLoader|forName|getDeclared\\w*|getMethods?|getFields?|setAccessible|invoke|newInstance)\\s*\\("
            + "|\\.class\\b");
    private static final Pattern CALL = Pattern.compile("\\.(warn|escalate|reject|freeze|severe)\\s*\\(");
    private static final Pattern ORDERED_STRING = Pattern.compile("(<=|>=|<|>)\\s*\"");
    private static final Pattern EQUALS_STRING = Pattern.compile("\\b([a-z]\\w*)\\s*(==|!=)\\s*\"");
    /** Fact fields that hold numbers: comparing them with a string is always a mistake. */
    private static final Set<String> NUMERIC_FIELDS = numericFields();

    private DrlChecks() {}

    private static final Pattern SCORES = Pattern.compile("\\.\\s*score\\s*\\(");

    /**
     * Checks one rule file and returns the names of its scorecard rules (those whose consequence
     * scores a factor, {@code $s.score(...)}), found on the same parse.
     */
    static Set<String> check(String file, String text, List<RuleSetProblem> problems) {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            return Set.of(); // the compiler reports parse errors with their position
        }
        if (pkg == null) return Set.of();
        Set<String> imported = new HashSet<>();
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget().replace(" ", "");
            String type = target.endsWith(".*") ? null : target.substring(target.lastIndexOf('.') + 1);
            String where = target.endsWith(".*") ? target.substring(0, target.length() - 2) : target.substring(0, Math.max(0, target.lastIndexOf('.')));
            if (!allowedType(where, type)) {
                problems.add(problem(file, i.getLine(), null, "import of " + target + " is not allowed in a rule file"));
            }
            if (type != null) imported.add(type);
        }
        pkg.getFunctionImports().forEach(f -> problems.add(problem(file, f.getLine(), null,
                "import function " + f.getTarget() + " is not allowed in a rule file")));
        pkg.getAccumulateImports().forEach(a -> problems.add(problem(file, a.getLine(), null,
                "import accumulate " + a.getTarget() + " is not allowed in a rule file")));
        for (GlobalDescr g : pkg.getGlobals()) checkTypeName(file, g.getLine(), null, g.getType(), imported, problems);
        for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
            for (Map.Entry<String, TypeFieldDescr> f : t.getFields().entrySet()) {
                checkTypeName(file, t.getLine(), null, f.getValue().getPattern().getObjectType(), imported, problems);
            }
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            problems.add(problem(file, f.getLine(), null, "function " + f.getName() + " is not allowed in a rule file"
                    + " (put the logic in a rule, or in the facts computed before rules run)"));
        }
        for (RuleDescr rule : pkg.getRules()) {
            if (rule.getLhs() != null) patterns(rule.getLhs(), file, rule.getName(), imported, problems);
        }
        // All code, rules and anything else, as one normalised text: qualified names, forbidden names, calls.
        Code code = Code.of(text);
        List<RuleSpan> spans = new ArrayList<>();
        for (RuleDescr r : pkg.getRules()) spans.add(new RuleSpan(r.getName(), r.getLine(), r.getEndLine()));
        scanNames(file, code, spans, problems);
        scanCalls(file, code, spans, problems);
        scanComparisons(file, code, spans, problems);
        Set<String> scorecard = new HashSet<>();
        for (RuleDescr r : pkg.getRules()) {
            if (r.getConsequence() != null && SCORES.matcher(r.getConsequence().toString()).find()) scorecard.add(r.getName());
        }
        return scorecard;
    }

    private record RuleSpan(String name, int from, int to) {}

    /** A message key a rule passes, where it passes it. */
    record KeyUse(String file, int line, String key) {}

    private static final Pattern MESSAGE_CALL = Pattern.compile("\\.(warn|escalate|reject|freeze|severe|send)\\s*\\(");
    private static final Pattern KEY = Pattern.compile("\"([A-Za-z][A-Za-z0-9_.-]*)\"");

    /**
     * The message keys a rule file passes to findings, warnings and notices (the message argument
     * when it is a string literal without spaces: a key of the rule set's message bundles).
     */
    static List<KeyUse> messageKeys(String file, String text) {
        Code code = Code.of(text);
        List<KeyUse> keys = new ArrayList<>();
        Matcher c = MESSAGE_CALL.matcher(code.withStrings);
        while (c.find()) {
            List<String> args = arguments(code.withStrings, c.end());
            if (args == null || args.isEmpty()) continue;
            String method = c.group(1);
            boolean sheetWarn = method.equals("warn") && args.get(0).strip().startsWith("WarningLevel.");
            int index = switch (method) {
                case "escalate", "severe", "send" -> 2;
                case "warn" -> sheetWarn ? 3 : 1;
                default -> 1;
            };
            if (args.size() <= index) continue;
            Matcher k = KEY.matcher(args.get(index).strip());
            if (k.matches()) keys.add(new KeyUse(file, code.lineAt(c.start()), k.group(1)));
        }
        return keys;
    }

    private static String ruleAt(List<RuleSpan> spans, int line) {
        for (RuleSpan s : spans) if (line >= s.from() && (s.to() <= 0 || line <= s.to())) return s.name();
        return null;
    }

    private static void patterns(BaseDescr d, String file, String rule, Set<String> imported, List<RuleSetProblem> problems) {
        if (d instanceof PatternDescr p) {
            if (p.getObjectType() != null) checkTypeName(file, p.getLine(), rule, p.getObjectType(), imported, problems);
            if (p.getSource() != null) patterns(p.getSource(), file, rule, imported, problems);
            return;
        }
        if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) patterns(child, file, rule, imported, problems);
        }
    }

    /** A type a rule names: qualified, it must be in an allowed package; simple, it must not be a forbidden one. */
    private static void checkTypeName(String file, int line, String rule, String name, Set<String> imported, List<RuleSetProblem> problems) {
        if (name == null) return;
        String n = name.replace(" ", "").replaceAll("<.*>|\\[]", "");
        int dot = n.lastIndexOf('.');
        boolean ok = dot < 0 ? (imported.contains(n) || !FORBIDDEN_TYPES.contains(n)) : allowedType(n.substring(0, dot), n.substring(dot + 1));
        if (!ok) problems.add(problem(file, line, rule, "type " + name + " is not allowed in a rule file"));
    }

    private static boolean allowedType(String pkg, String type) {
        if (!ALLOWED_PACKAGES.contains(pkg)) return false;
        return type == null ? !pkg.equals("java.lang") : !FORBIDDEN_TYPES.contains(type);
    }

    private static void scanNames(String file, Code code, List<RuleSpan> spans, List<RuleSetProblem> problems) {
        Matcher q = QUALIFIED.matcher(code.withoutStrings);
        while (q.find()) {
            if (code.lineAt(q.start()) <= code.headerEnd && code.isImportOrPackage(q.start())) continue;
            if (!allowedType(q.group(1), q.group(2))) {
                int line = code.lineAt(q.start());
                problems.add(problem(file, line, ruleAt(spans, line), "'" + q.group(1) + "." + q.group(2) + "' is not allowed in a rule file"));
            }
        }
        Matcher f = SIMPLE_FORBIDDEN.matcher(code.withoutStrings);
        while (f.find()) {
            int line = code.lineAt(f.start());
            if (code.isImportOrPackage(f.start())) continue;
            problems.add(problem(file, line, ruleAt(spans, line), "'" + f.group().replaceAll("[\\s(.]", "") + "' is not allowed in a rule file"));
        }
    }

    /** Findings and warnings: name/value arguments come in pairs, actions are WarningActions. */
    private static void scanCalls(String file, Code code, List<RuleSpan> spans, List<RuleSetProblem> problems) {
        Matcher c = CALL.matcher(code.withStrings);
        Set<String> actions = Arrays.stream(WarningAction.values()).map(Enum::name).collect(Collectors.toSet());
        while (c.find()) {
            List<String> args = arguments(code.withStrings, c.end());
            if (args == null || args.isEmpty()) continue;
            int line = code.lineAt(c.start());
            String rule = ruleAt(spans, line);
            boolean sheetWarn = c.group(1).equals("warn") && args.get(0).strip().startsWith("WarningLevel.");
            int fixed = switch (c.group(1)) {
                case "escalate", "severe" -> 3;
                case "warn" -> sheetWarn ? 4 : 2;
                default -> 2;
            };
            if (args.size() >= fixed && (args.size() - fixed) % 2 != 0) {
                problems.add(problem(file, line, rule, c.group(1) + "(...) has " + (args.size() - fixed)
                        + " values after its message: they must be name/value pairs"));
            }
            int actionArg = sheetWarn ? 2 : c.group(1).equals("severe") ? 1 : -1;
            if (actionArg >= 0 && args.size() > actionArg) {
                String a = args.get(actionArg).strip();
                if (a.startsWith("\"") && a.endsWith("\"")) {
                    for (String action : a.substring(1, a.length() - 1).trim().split("[\\s,]+")) {
                        if (!action.isEmpty() && !actions.contains(action)) {
                            problems.add(problem(file, line, rule, "unknown warning action '" + action + "'; actions are "
                                    + new TreeSet<>(actions)));
                        }
                    }
                }
            }
        }
    }

    private static void scanComparisons(String file, Code code, List<RuleSpan> spans, List<RuleSetProblem> problems) {
        Matcher o = ORDERED_STRING.matcher(code.withStrings);
        while (o.find()) {
            int line = code.lineAt(o.start());
            problems.add(problem(file, line, ruleAt(spans, line), "'" + o.group(1) + "' compares with a string: numbers, dates and"
                    + " amounts are compared with numbers or parameters"));
        }
        Matcher e = EQUALS_STRING.matcher(code.withStrings);
        while (e.find()) {
            if (!NUMERIC_FIELDS.contains(e.group(1))) continue;
            int line = code.lineAt(e.start());
            problems.add(problem(file, line, ruleAt(spans, line), e.group(1) + " is a number and is compared with a string"));
        }
    }

    /** The top-level arguments of the call whose '(' ends at {@code from}, or null when unbalanced. */
    private static List<String> arguments(String text, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean string = false;
        StringBuilder cur = new StringBuilder();
        for (int i = from; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (string) {
                cur.append(ch);
                if (ch == '\\' && i + 1 < text.length()) cur.append(text.charAt(++i));
                else if (ch == '"') string = false;
                continue;
            }
            if (ch == '"') {
                string = true;
                cur.append(ch);
            } else if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
                cur.append(ch);
            } else if (ch == ')' || ch == ']' || ch == '}') {
                if (depth == 0) {
                    if (!cur.toString().isBlank() || !args.isEmpty()) args.add(cur.toString());
                    return args;
                }
                depth--;
                cur.append(ch);
            } else if (ch == ',' && depth == 0) {
                args.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        return null;
    }

    private static Set<String> numericFields() {
        Set<String> names = new HashSet<>();
        for (Class<?> type : List.of(dev.creditcontrol.facts.OrderFacts.class, dev.creditcontrol.facts.Exposure.class,
                dev.creditcontrol.facts.GroupExposure.class, dev.creditcontrol.facts.Overdue.class, dev.creditcontrol.facts.LicenceCheck.class, dev.creditcontrol.facts.AssessmentFacts.class)) {
            for (RecordComponent c : type.getRecordComponents()) {
                Class<?> t = c.getType();
                if (t.isPrimitive() && t != boolean.class || Number.class.isAssignableFrom(t) || t == BigDecimal.class) names.add(c.getName());
            }
        }
        return Set.copyOf(names);
    }

    private static RuleSetProblem problem(String file, int line, String rule, String message) {
        return new RuleSetProblem(Severity.ERROR, file, Math.max(line, 0), 1, Optional.ofNullable(rule), message,
                Optional.of("rules run inside the host ERP: they may name the model, facts and authoring types and java.lang,"
                        + " java.math, java.time and java.util values, and nothing that does I/O, networking, reflection,"
                        + " class loading, threads or processes"));
    }

    /**
     * The text without comments, with whitespace around dots removed so {@code java . nio} reads
     * {@code java.nio}; once with string literals kept, once with them blanked; and the original
     * line of every character.
     */
    private static final class Code {
        final String withStrings;
        final String withoutStrings;
        final int[] lines;
        final int headerEnd;

        private Code(String withStrings, String withoutStrings, int[] lines, int headerEnd) {
            this.withStrings = withStrings;
            this.withoutStrings = withoutStrings;
            this.lines = lines;
            this.headerEnd = headerEnd;
        }

        static Code of(String text) {
            StringBuilder with = new StringBuilder(text.length());
            StringBuilder without = new StringBuilder(text.length());
            List<Integer> lineOf = new ArrayList<>(text.length());
            int line = 1;
            boolean block = false;
            boolean lineComment = false;
            boolean string = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (ch == '\n') {
                    line++;
                    lineComment = false;
                }
                if (block) {
                    if (ch == '*' && next == '/') {
                        block = false;
                        i++;
                    }
                    continue;
                }
                if (lineComment) continue;
                if (string) {
                    with.append(ch);
                    without.append(' ');
                    lineOf.add(line);
                    if (ch == '\\' && next != 0) {
                        with.append(next);
                        without.append(' ');
                        lineOf.add(line);
                        i++;
                    } else if (ch == '"') {
                        string = false;
                        without.setCharAt(without.length() - 1, '"');
                    }
                    continue;
                }
                if (ch == '/' && next == '/') {
                    lineComment = true;
                    continue;
                }
                if (ch == '/' && next == '*') {
                    block = true;
                    i++;
                    continue;
                }
                if (ch == '"') string = true;
                // join "a . b" and "a .\n b" into "a.b": a dot swallows the whitespace around it
                if (Character.isWhitespace(ch) && (nextNonSpace(text, i) == '.' || lastNonSpace(with) == '.')) continue;
                with.append(ch);
                without.append(ch);
                lineOf.add(line);
            }
            int[] lines = lineOf.stream().mapToInt(Integer::intValue).toArray();
            Matcher firstRule = Pattern.compile("(?m)^\\s*(rule|query|declare|function)\\b").matcher(text);
            int headerEnd = firstRule.find() ? (int) text.substring(0, firstRule.start()).chars().filter(c -> c == '\n').count() + 1
                    : Integer.MAX_VALUE;
            return new Code(with.toString(), without.toString(), lines, headerEnd);
        }

        private static char nextNonSpace(String text, int i) {
            for (int j = i; j < text.length(); j++) if (!Character.isWhitespace(text.charAt(j))) return text.charAt(j);
            return 0;
        }

        private static char lastNonSpace(StringBuilder sb) {
            for (int j = sb.length() - 1; j >= 0; j--) if (!Character.isWhitespace(sb.charAt(j))) return sb.charAt(j);
            return 0;
        }

        int lineAt(int index) {
            return lines.length == 0 ? 0 : lines[Math.min(index, lines.length - 1)];
        }

        /** Whether the position is inside an import or package statement (checked on the parse instead). */
        boolean isImportOrPackage(int index) {
            int start = withoutStrings.lastIndexOf('\n', index) + 1;
            String l = withoutStrings.substring(start, Math.min(withoutStrings.length(), index + 1)).stripLeading();
            return l.startsWith("import") || l.startsWith("package");
        }
    }
}
