package io.jynq.kernel.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The inputs (and text outputs) of this kernel session's cells, served to {@code history_request}
 * the way ipykernel answers it: {@code tail} (the last n cells, oldest first), {@code range}
 * (cells {@code start} to {@code stop - 1} of the current session, session 0 or
 * {@value #SESSION}) and {@code search} (a glob with {@code *} and {@code ?}, matched against the
 * whole input, newest n matches, optionally unique by input). Jupyter console uses it for its
 * up-arrow history.
 *
 * <p>Kept in memory for the kernel's lifetime only: unlike ipykernel's SQLite file, nothing is
 * written to disk, so earlier sessions are not served. Thread-safe.
 */
public final class SessionHistory implements HistoryManager {
    /** The number this kernel reports for its own session (ipykernel numbers sessions from 1). */
    public static final int SESSION = 1;

    private final List<HistoryEntry> entries = new ArrayList<>();

    /**
     * Records one executed cell.
     *
     * @param line   the cell's execution count
     * @param input  the cell's source as the user typed it
     * @param output the text/plain of its result, or null when it had none
     */
    public synchronized void add(int line, String input, String output) {
        entries.add(new HistoryEntry(SESSION, line, input, output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return shape(entries.subList(from, entries.size()), flags);
    }

    /**
     * Cells {@code start} (inclusive) to {@code stop} (exclusive) by execution count; a
     * {@code stop} of 0 or less means "to the last cell". Another session's number gives an
     * empty list, as for a session ipykernel has no record of.
     */
    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        List<HistoryEntry> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if (e.getCellNumber() >= start && (stop <= 0 || e.getCellNumber() < stop)) {
                out.add(e);
            }
        }
        return shape(out, flags);
    }

    @Override
    public List<HistoryEntry> search(String glob, int n, Set<ResultFlag> flags) {
        return search(glob, n, false, flags);
    }

    /**
     * The newest {@code n} cells (all when {@code n <= 0}) whose input matches {@code glob},
     * oldest first; with {@code unique}, only the newest cell of each distinct input.
     */
    public synchronized List<HistoryEntry> search(String glob, int n, boolean unique, Set<ResultFlag> flags) {
        Pattern p = globToRegex(glob == null || glob.isEmpty() ? "*" : glob);
        List<HistoryEntry> newestFirst = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0 && (n <= 0 || newestFirst.size() < n); i--) {
            HistoryEntry e = entries.get(i);
            if (p.matcher(e.getInput()).matches() && (!unique || seen.add(e.getInput()))) {
                newestFirst.add(e);
            }
        }
        List<HistoryEntry> out = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            out.add(newestFirst.get(i));
        }
        return shape(out, flags);
    }

    /** SQLite GLOB semantics, as ipykernel's search uses: {@code *} any run, {@code ?} one character. */
    static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** Without {@link ResultFlag#INCLUDE_OUTPUT} the entries go out as {@code [session, line, input]}. */
    private static List<HistoryEntry> shape(List<HistoryEntry> list, Set<ResultFlag> flags) {
        List<HistoryEntry> out = new ArrayList<>(list.size());
        boolean withOutput = flags != null && flags.contains(ResultFlag.INCLUDE_OUTPUT);
        for (HistoryEntry e : list) {
            out.add(withOutput ? e : new HistoryEntry(e.getSession(), e.getCellNumber(), e.getInput(), null));
        }
        return out;
    }
}
