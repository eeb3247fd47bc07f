package io.jynq.kernel.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Completion, documentation and completeness of Java source, from JShell's
 * {@link SourceCodeAnalysis}. Magic lines ({@code %name ...}) are blanked before analysis so
 * they neither complete nor count as broken Java.
 */
public final class CodeAssist {
    /**
     * How long the first completion waits for JShell's class index (package names), which is
     * built only then (see {@link DeferredClassIndex}); about 1 s of CPU on x86, longer on a board,
     * where the first completion then lists packages once the index is done.
     */
    private static final java.time.Duration FIRST_INDEX_WAIT = java.time.Duration.ofSeconds(3);

    private final JShellEvaluator evaluator;

    public CodeAssist(JShellEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * A completion: replace {@code [start, end)} of the cell with one of {@code options}.
     *
     * @param options distinct candidates in JShell's order (e.g. {@code println(})
     */
    public record Completion(List<String> options, int start, int end) {
    }

    /**
     * Completes Java at {@code cursor} (a char offset into {@code code}); inside
     * {@code var.ip("...} the IP names of that overlay variable (see {@link IpNames}).
     */
    public Completion complete(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        Completion ips = IpNames.complete(evaluator, code, at);
        if (ips != null) {
            return ips;
        }
        int[] anchor = new int[1];
        String src = blankMagics(code);
        evaluator.indexClassPath(FIRST_INDEX_WAIT);
        evaluator.importDefaultsFor(src.substring(0, at));
        List<SourceCodeAnalysis.Suggestion> suggestions =
                evaluator.shell().sourceCodeAnalysis().completionSuggestions(src, at, anchor);
        Set<String> options = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> options.add(s.continuation()));
        suggestions.forEach(s -> options.add(s.continuation()));
        // default classes not imported yet (they are imported when a cell names them)
        int start = at;
        while (start > 0 && Character.isJavaIdentifierPart(src.charAt(start - 1))) {
            start--;
        }
        String prefix = src.substring(start, at);
        if (!prefix.isEmpty() && Character.isUpperCase(prefix.charAt(0)) && (start == 0 || src.charAt(start - 1) != '.')) {
            if (suggestions.isEmpty()) {
                anchor[0] = start;
            }
            if (anchor[0] == start) {
                options.addAll(evaluator.defaultNamesStartingWith(prefix));
            }
        }
        return new Completion(new ArrayList<>(options), anchor[0], at);
    }

    /**
     * Signatures and Javadoc (where the JDK's or the library's source is available) of the
     * method, type or variable at {@code cursor}. The cursor is first moved to the end of the
     * identifier it is in and past an opening parenthesis, which is where JShell looks
     * ({@code Math.ma|x(} finds {@code Math.max}).
     *
     * @return one block per signature, or an empty string when nothing is known
     */
    public String documentation(String code, int cursor) {
        String src = blankMagics(code);
        evaluator.importDefaultsFor(src);
        int at = Math.max(0, Math.min(cursor, src.length()));
        while (at < src.length() && Character.isJavaIdentifierPart(src.charAt(at))) {
            at++;
        }
        if (at < src.length() && src.charAt(at) == '(') {
            at++;
        }
        List<SourceCodeAnalysis.Documentation> docs =
                evaluator.shell().sourceCodeAnalysis().documentation(src, at, true);
        if (docs.isEmpty() && at > 0 && at <= src.length()) {
            docs = evaluator.shell().sourceCodeAnalysis().documentation(src.substring(0, at) + "(", at + 1, true);
        }
        if (docs.isEmpty()) {
            docs = evaluator.documentationBesideSession(src, at);
        }
        if (docs.isEmpty() && at > 0 && at <= src.length()) {
            docs = evaluator.documentationBesideSession(src.substring(0, at) + "(", at + 1);
        }
        StringBuilder out = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(d.signature());
            if (d.javadoc() != null && !d.javadoc().isBlank()) {
                out.append("\n").append(d.javadoc().strip());
            }
        }
        return out.toString();
    }

    /** A cell that is only {@code EXPR?} or {@code EXPR??} (IPython's help syntax). */
    private static final Pattern HELP = Pattern.compile("\\s*([\\w$.()\\[\\]\"]+?)\\s*\\?\\??\\s*");

    /**
     * IPython's {@code obj?}: if the cell is {@code EXPR?} (or {@code EXPR??}), the text the
     * pager shows for EXPR, as {@link #describe} gives it.
     *
     * @return empty if the cell is not a help request; else the text (never blank)
     */
    public Optional<String> help(String cell) {
        Matcher m = HELP.matcher(cell);
        if (!m.matches()) {
            return Optional.empty();
        }
        String expr = m.group(1);
        String text = describe(expr, expr.length());
        return Optional.of(text.isEmpty() ? "No documentation found for " + expr : text);
    }

    /**
     * What is known about the name at {@code cursor}, for Shift-Tab and {@code EXPR?}: JShell's
     * signatures and Javadoc ({@link #documentation}); for a session variable its type, value
     * and, if it has one, its {@code describe()} (an overlay lists its IP and drivers, as PYNQ's
     * {@code ol?} does); for a class or method a cell declared, that declaration's source.
     *
     * @return the text, or empty when nothing is known
     */
    public String describe(String code, int cursor) {
        String doc = documentation(code, cursor);
        String name = identifierAt(code, cursor);
        if (name.isEmpty()) {
            return doc;
        }
        StringBuilder out = new StringBuilder();
        JShell shell = evaluator.shell();
        shell.variables().filter(v -> v.name().equals(name) && shell.status(v).isActive()).reduce((a, b) -> b)
                .ifPresent(v -> {
                    out.append(name).append(": ").append(v.typeName());
                    evaluator.variable(name).ifPresent(value -> out.append("\n").append(valueText(value)));
                });
        if (out.length() == 0) {
            java.util.stream.Stream.concat(shell.types(), shell.methods())
                    .filter(d -> d.name().equals(name) && shell.status(d).isActive())
                    .forEach(d -> out.append(out.length() == 0 ? "defined in this session:\n" : "\n\n")
                            .append(d.source().strip()));
        }
        if (out.length() == 0) {
            return doc;
        }
        return doc.isEmpty() ? out.toString() : out + "\n\n" + doc;
    }

    /** The value's {@code describe()} if it has a public one returning a String, else its toString. */
    private static String valueText(Object value) {
        try {
            java.lang.reflect.Method m = value.getClass().getMethod("describe");
            if (m.getReturnType() == String.class && m.getParameterCount() == 0) {
                return (String) m.invoke(value);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no describe(): the value's own text below
        }
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return value.getClass().getName() + " (toString failed: " + e + ")";
        }
    }

    /** The Java identifier around {@code cursor} (the last one of a dotted chain there), or "". */
    static String identifierAt(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        int start = at;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        if (start == end && start > 0 && code.charAt(start - 1) == '(') {
            return identifierAt(code, start - 1); // just after "name("
        }
        return code.substring(start, end);
    }

    /** What a console should do on Enter. */
    public enum Status { COMPLETE, INCOMPLETE, INVALID }

    /** @param indent for INCOMPLETE, the whitespace to start the next line with */
    public record Completeness(Status status, String indent) {
    }

    /** Whether {@code code} is ready to run, needs more lines (with the indent to use), or cannot compile. */
    public Completeness isComplete(String code) {
        if (code.startsWith("%%")) {
            return new Completeness(Status.COMPLETE, "");
        }
        String remaining = blankMagics(code);
        SourceCodeAnalysis sca = evaluator.shell().sourceCodeAnalysis();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    remaining = info.remaining();
                    break;
                case EMPTY:
                    return new Completeness(Status.COMPLETE, "");
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return new Completeness(Status.INCOMPLETE, nextIndent(code));
                default:
                    return new Completeness(Status.INVALID, "");
            }
        }
        return new Completeness(Status.COMPLETE, "");
    }

    /** The last non-blank line's indent, plus four spaces after an opening brace or parenthesis. */
    static String nextIndent(String code) {
        String[] lines = code.split("\n", -1);
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int n = 0;
            while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
                n++;
            }
            String indent = line.substring(0, n);
            String t = line.stripTrailing();
            char last = t.charAt(t.length() - 1);
            return last == '{' || last == '(' || last == '[' ? indent + "    " : indent;
        }
        return "";
    }

    /** Replaces each magic line with spaces of the same length, keeping offsets intact. */
    static String blankMagics(String code) {
        StringBuilder out = new StringBuilder(code.length());
        for (String line : code.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line.stripLeading().startsWith("%") ? " ".repeat(line.length()) : line);
        }
        return out.toString();
    }
}
