package io.jynq.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cuts a snippet's stack trace to what the user wrote and called: everything up to the last
 * frame of snippet code ({@code REPL.$JShell$N}), nothing of the reflection, JShell and kernel
 * frames beneath it. Snippet frames of the current cell name the cell line.
 */
final class StackTraces {
    private static final String SNIPPET_PREFIX = "REPL.$JShell$";

    private StackTraces() {
    }

    static List<String> snippetFrames(StackTraceElement[] trace, Map<String, Integer> cellLineOfSnippet) {
        int last = -1;
        for (int i = 0; i < trace.length; i++) {
            if (isSnippet(trace[i])) {
                last = i;
            }
        }
        int end = last < 0 ? Math.min(trace.length, 8) : last + 1;
        List<String> lines = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            lines.add("\tat " + frame(trace[i], cellLineOfSnippet));
        }
        return lines;
    }

    /**
     * JShell rewrites snippet frames to an empty class name and a {@code #ID} file name (what the
     * jshell tool prints as {@code at (#12:1)}); untranslated ones keep {@code REPL.$JShell$N}.
     */
    private static boolean isSnippet(StackTraceElement e) {
        String file = e.getFileName();
        return e.getClassName().startsWith(SNIPPET_PREFIX) || (file != null && file.startsWith("#"));
    }

    private static String frame(StackTraceElement e, Map<String, Integer> cellLineOfSnippet) {
        if (!isSnippet(e)) {
            return e.toString();
        }
        // REPL.$JShell$12$Counter -> Counter; REPL.$JShell$12 or "" -> the cell itself
        String cls = e.getClassName();
        String rest = cls.startsWith(SNIPPET_PREFIX) ? cls.substring(SNIPPET_PREFIX.length()) : "";
        int dollar = rest.indexOf('$');
        String owner = dollar < 0 ? (cls.isEmpty() || rest.matches("\\d*") ? "" : cls + ".") : rest.substring(dollar + 1) + ".";
        String method = e.getMethodName().isEmpty() || e.getMethodName().equals("do_it$") ? "<cell>" : e.getMethodName();
        String file = e.getFileName() == null ? "" : e.getFileName();
        String id = file.startsWith("#") ? file.substring(1) : "";
        Integer base = cellLineOfSnippet.get(id);
        String where = base != null && e.getLineNumber() > 0
                ? "cell line " + (base + e.getLineNumber() - 1)
                : (file.isEmpty() ? "snippet" : "snippet " + file + (e.getLineNumber() > 0 ? ":" + e.getLineNumber() : ""));
        return owner + method + "(" + where + ")";
    }
}
