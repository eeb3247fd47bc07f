package io.jynq.kernel.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Completion, documentation and completeness of Java source, from JShell's
 * {@link SourceCodeAnalysis}. Magic lines ({@code %name ...}) are blanked before analysis so
 * they neither complete nor count as broken Java.
 */
public final class CodeAssist {
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
        List<SourceCodeAnalysis.Suggestion> suggestions =
                evaluator.shell().sourceCodeAnalysis().completionSuggestions(blankMagics(code), at, anchor);
        Set<String> options = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> options.add(s.continuation()));
        suggestions.forEach(s -> options.add(s.continuation()));
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
