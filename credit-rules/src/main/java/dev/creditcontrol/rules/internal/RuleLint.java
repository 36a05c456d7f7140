package dev.creditcontrol.rules.internal;

import dev.creditcontrol.rules.RuleSetProblem;
import dev.creditcontrol.rules.RuleSetProblem.Severity;
import dev.creditcontrol.rules.authoring.Parameters;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Drools does not make: parameters referenced but not defined (or defined but unused),
 * reason codes outside the manifest's list, duplicate rule names, and bare decimal literals
 * (which Drools compares as {@code double}, so {@code >= 0.80} is false for 0.8000).
 */
final class RuleLint {
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|(\\S+))");
    private static final Pattern PARAM = Pattern.compile("\\b(decimal|integer|text|money|has)\\(\\s*\"([^\"]+)\"\\s*(,)?");
    private static final Pattern CODE = Pattern.compile("\\.(warn|escalate|reject|freeze|severe)\\(\\s*(?:WarningLevel\\.\\w+\\s*,\\s*)?\"([^\"]*)\"");
    private static final Pattern SCORE = Pattern.compile("\\.score\\(\\s*\"([^\"]+)\"");
    private static final Pattern BARE_DECIMAL = Pattern.compile("(?<![\\w.])(\\d+\\.\\d+)(?![\\w.])");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private RuleLint() {}

    /** Reports every problem; returns the names of the scorecard rules (see {@link DrlChecks#check}). */
    static Set<String> check(Map<String, String> drlFiles, Parameters parameters, String parameterFile,
                      PropertiesText parameterLines, Set<String> reasonCodes, List<RuleSetProblem> problems) {
        Map<String, String> ruleNames = new HashMap<>();
        Set<String> used = new HashSet<>();
        Set<String> usedPrefixes = new HashSet<>();
        Set<String> scorecardRules = new HashSet<>();
        drlFiles.forEach((file, text) -> {
            scorecardRules.addAll(DrlChecks.check(file, text, problems));
            String rule = null;
            boolean inLhs = false;
            boolean inBlockComment = false;
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                int lineNo = i + 1;
                // Comments and string contents are neither code nor literals: blank them out, keep columns.
                Code stripped = stripComments(line, inBlockComment);
                String code = stripped.text();
                inBlockComment = stripped.inBlockComment();
                Matcher r = RULE.matcher(code);
                if (r.find()) {
                    rule = r.group(1) != null ? r.group(1) : r.group(2);
                    String earlier = ruleNames.putIfAbsent(rule, file + ":" + lineNo);
                    if (earlier != null) {
                        problems.add(problem(Severity.ERROR, file, lineNo, r.start() + 1, rule,
                                "duplicate rule name \"" + rule + "\"; first defined at " + earlier,
                                "every rule needs its own name: the audit trail names rules"));
                    }
                }
                String trimmed = code.strip();
                if (trimmed.startsWith("when")) inLhs = true;
                if (trimmed.startsWith("then") || trimmed.startsWith("end")) inLhs = false;
                Matcher p = PARAM.matcher(code);
                while (p.find()) {
                    String name = p.group(2);
                    boolean qualified = p.group(3) != null;
                    boolean defined = parameters.has(name)
                            || (qualified && parameters.names().stream().anyMatch(n -> n.startsWith(name + ".")));
                    if (qualified) usedPrefixes.add(name + ".");
                    used.add(name);
                    if (!defined) {
                        problems.add(problem(Severity.ERROR, file, lineNo, p.start(2), rule,
                                "parameter \"" + name + "\" is not defined in " + parameterFile,
                                "add it to " + parameterFile + " or correct its spelling"));
                    }
                }
                Matcher f = SCORE.matcher(code);
                while (f.find()) {
                    String factor = f.group(1);
                    usedPrefixes.add("score." + factor + ".");
                    boolean binned = parameters.scoredFactors().stream().anyMatch(n -> n.equals(factor) || n.startsWith(factor + "."));
                    if (!binned) {
                        problems.add(problem(Severity.ERROR, file, lineNo, f.start(1), rule,
                                "scorecard factor \"" + factor + "\" has no score." + factor + ".points in " + parameterFile,
                                "define score." + factor + ".bins, .points and .missing"));
                    }
                }
                Matcher c = CODE.matcher(code);
                while (c.find()) {
                    if (!reasonCodes.contains(c.group(2))) {
                        problems.add(problem(Severity.ERROR, file, lineNo, c.start(2), rule,
                                "reason code \"" + c.group(2) + "\" is not in the manifest's reasonCodes list",
                                "hosts map reason codes to their own texts: declare a new code in "
                                        + RuleSetSource.MANIFEST + " and document it"));
                    }
                }
                if (inLhs) {
                    Matcher d = BARE_DECIMAL.matcher(STRING.matcher(code).replaceAll(m -> " ".repeat(m.group().length())));
                    while (d.find()) {
                        problems.add(problem(Severity.WARNING, file, lineNo, d.start(1) + 1, rule,
                                "decimal literal " + d.group(1) + " is compared as a double",
                                "write " + d.group(1) + "B, or better, a parameter"));
                    }
                }
            }
        });
        usedPrefixes.addAll(Assessments.ENGINE_PARAMETERS);
        usedPrefixes.addAll(RuleSetPolicy.PARAMETERS);
        for (String name : parameters.names()) {
            if (used.contains(name) || usedPrefixes.stream().anyMatch(name::startsWith)) continue;
            problems.add(new RuleSetProblem(Severity.WARNING, parameterFile, parameterLines.lineOf(name), 1,
                    Optional.empty(), "parameter \"" + name + "\" is defined but no rule uses it",
                    Optional.of("remove it, or check the spelling where a rule reads it")));
        }
        return Set.copyOf(scorecardRules);
    }

    private static RuleSetProblem problem(Severity severity, String file, int line, int column, String rule,
                                          String message, String hint) {
        return new RuleSetProblem(severity, file, line, column, Optional.ofNullable(rule), message, Optional.of(hint));
    }

    /** A line with comments blanked out, and whether a block comment is still open at its end. */
    private record Code(String text, boolean inBlockComment) {}

    private static Code stripComments(String line, boolean inBlockComment) {
        StringBuilder out = new StringBuilder(line.length());
        boolean block = inBlockComment;
        boolean string = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
            if (block) {
                if (ch == '*' && next == '/') {
                    block = false;
                    out.append("  ");
                    i++;
                } else {
                    out.append(' ');
                }
            } else if (string) {
                out.append(ch);
                if (ch == '\\' && next != 0) {
                    out.append(next);
                    i++;
                } else if (ch == '"') {
                    string = false;
                }
            } else if (ch == '"') {
                string = true;
                out.append(ch);
            } else if (ch == '/' && next == '/' || ch == '#') {
                return new Code(out.toString(), false);
            } else if (ch == '/' && next == '*') {
                block = true;
                out.append("  ");
                i++;
            } else {
                out.append(ch);
            }
        }
        return new Code(out.toString(), block);
    }
}
