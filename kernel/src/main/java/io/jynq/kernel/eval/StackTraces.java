package io.jynq.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a snippet's stack trace to what the user wrote and called: everything up to the last
 * frame of snippet code ({@code REPL.$JShell$N}), nothing of the reflection, JShell and kernel
 * frames beneath it. Snippet frames name the cell line (or the earlier snippet) they are in.
 */
final class StackTraces {
    /** A wrapper class (group 1) and, for a class a cell declared, its nested name (group 2). */
    private static final Pattern SNIPPET_CLASS = Pattern.compile("(REPL\\.\\$JShell\\$\\d+[A-Z]*)(?:\\$(.+))?");

    private StackTraces() {
    }

    /**
     * @param position where a snippet frame is ("cell line 3"), or null for a frame that is not
     *                 in a current snippet's class
     */
    static List<String> snippetFrames(StackTraceElement[] trace, Function<StackTraceElement, String> position) {
        int last = -1;
        for (int i = 0; i < trace.length; i++) {
            if (SNIPPET_CLASS.matcher(trace[i].getClassName()).matches()) {
                last = i;
            }
        }
        int end = last < 0 ? Math.min(trace.length, 8) : last + 1;
        List<String> lines = new ArrayList<>(end);
        int first = 0;
        while (first < end && trace[first].getClassName().equals(ExitGuard.class.getName())) {
            first++; // the refusal is the message; where the guard throws it is noise
        }
        for (int i = first; i < end; i++) {
            lines.add("\tat " + frame(trace[i], position));
        }
        return lines;
    }

    /** The wrapper class of a snippet class name ({@code REPL.$JShell$12B$Counter} → {@code REPL.$JShell$12B}), else the name. */
    static String wrapperClass(String className) {
        Matcher m = SNIPPET_CLASS.matcher(className);
        return m.matches() ? m.group(1) : className;
    }

    private static String frame(StackTraceElement e, Function<StackTraceElement, String> position) {
        Matcher m = SNIPPET_CLASS.matcher(e.getClassName());
        if (!m.matches()) {
            return e.toString();
        }
        // REPL.$JShell$12$Counter -> Counter.; REPL.$JShell$12 -> the cell itself
        String owner = m.group(2) == null ? "" : m.group(2) + ".";
        String method = e.getMethodName().equals("do_it$") ? "<cell>" : e.getMethodName();
        String where = position.apply(e);
        return owner + method + "(" + (where == null ? "snippet" : where) + ")";
    }
}
