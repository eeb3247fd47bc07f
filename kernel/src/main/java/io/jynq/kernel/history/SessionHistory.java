package io.jynq.kernel.history;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The inputs of the kernels' cells (and the text outputs of this session's), served to
 * {@code history_request} the way ipykernel answers it: {@code tail} (the last n cells of all
 * sessions, oldest first), {@code range} (cells {@code start} to {@code stop - 1} of a session:
 * 0 is this one, -1 the one before, a positive number that session) and {@code search} (a glob
 * with {@code *} and {@code ?} matched against the whole input, the newest n matches, optionally
 * unique by input). Jupyter console fills its up-arrow history from {@code tail}.
 *
 * <p>Like ipykernel's SQLite file, inputs outlive the kernel: they go to
 * {@code ~/.jynq/history.jsonl} ({@link HistoryFile}), or the file {@code JYNQ_HISTORY} names;
 * {@code JYNQ_HISTORY=off} keeps them in memory only. A history file that cannot be read or
 * written is reported once in the log and the kernel goes on with its history in memory.
 * Thread-safe.
 */
public final class SessionHistory implements HistoryManager {
    private static final Logger LOG = LoggerFactory.getLogger(SessionHistory.class);

    private final int session;
    private final List<HistoryEntry> entries = new ArrayList<>();
    private HistoryFile file;

    private SessionHistory(int session, HistoryFile file) {
        this.session = session;
        this.file = file;
    }

    /** A history of this session only, never written: session 1. */
    public static SessionHistory inMemory() {
        return new SessionHistory(1, null);
    }

    /**
     * The history kept in {@code path}: earlier sessions' cells are loaded (the newest
     * {@value HistoryFile#MAX_LOADED}) and this kernel claims the next session number. If the
     * file cannot be used, a warning is logged and the history is kept in memory.
     */
    public static SessionHistory open(Path path) {
        HistoryFile file = new HistoryFile(path);
        try {
            HistoryFile.Loaded loaded = file.claimSession();
            SessionHistory h = new SessionHistory(loaded.session(), file);
            for (HistoryFile.Record r : loaded.entries()) {
                h.entries.add(new HistoryEntry(r.session, r.line, r.input, null));
            }
            if (loaded.unreadable() > 0) {
                LOG.warn("history {}: skipped {} unreadable line(s)", path, loaded.unreadable());
            }
            return h;
        } catch (IOException | RuntimeException e) {
            LOG.warn("history {} cannot be used ({}); this session's history stays in memory", path, e.toString());
            return inMemory();
        }
    }

    /** {@code -Djynq.history} or {@code JYNQ_HISTORY} (a file, or {@code off}), else {@code ~/.jynq/history.jsonl}. */
    public static SessionHistory fromEnvironment() {
        JynqConfig config = JynqConfig.current();
        String setting = config.value(Setting.HISTORY).orElse(null);
        if ("off".equalsIgnoreCase(setting)) {
            return inMemory();
        }
        return open(setting != null ? config.path(Setting.HISTORY).orElseThrow() : config.jynqHome().resolve("history.jsonl"));
    }

    /** This kernel's session number, as history entries and {@code range} requests use it. */
    public int session() {
        return session;
    }

    /**
     * Records one executed cell.
     *
     * @param line   the cell's execution count
     * @param input  the cell's source as the user typed it
     * @param output the text/plain of its result, or null when it had none
     */
    public synchronized void add(int line, String input, String output) {
        entries.add(new HistoryEntry(session, line, input, output));
        if (file != null) {
            try {
                file.append(session, line, input);
            } catch (IOException | RuntimeException e) {
                LOG.warn("history {} cannot be written ({}); the rest of this session's history stays in memory",
                        file.path(), e.toString());
                file = null;
            }
        }
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return shape(entries.subList(from, entries.size()), flags);
    }

    /**
     * Cells {@code start} (inclusive) to {@code stop} (exclusive) by execution count of session
     * {@code which}: 0 for this one, negative counting back from it, positive that number. A
     * {@code stop} of 0 or less means "to the last cell"; a session with no record gives an empty list.
     */
    @Override
    public synchronized List<HistoryEntry> lookupRange(int which, int start, int stop, Set<ResultFlag> flags) {
        int wanted = which == 0 ? session : which < 0 ? session + which : which;
        List<HistoryEntry> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if (e.getSession() == wanted && e.getCellNumber() >= start && (stop <= 0 || e.getCellNumber() < stop)) {
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
