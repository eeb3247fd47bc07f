package io.jynq.kernel.history;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The kernels' input history on disk, one JSON object per line, shared by every kernel of the
 * user: {@code {"session":3,"start":"2026-11-21T09:00:00Z"}} when a kernel claims session 3,
 * {@code {"session":3,"line":5,"input":"1+1"}} per stored cell. Outputs are not written (as
 * ipykernel does not by default). Every read-and-append holds an exclusive lock on the file, so
 * kernels started at once get different session numbers and whole lines.
 */
final class HistoryFile {
    /** Older entries kept in memory at most; the file itself is never truncated. */
    static final int MAX_LOADED = 10_000;

    private static final Gson GSON = new Gson();

    private final Path path;

    /** What {@link #claimSession()} found: earlier sessions' cells (oldest first) and how many lines were unreadable. */
    record Loaded(int session, List<Record> entries, int unreadable) {}

    /** One line of the file. {@code start} is set on a session's first line, {@code input} on a cell's. */
    static final class Record {
        int session;
        Integer line;
        String input;
        String start;
    }

    HistoryFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /**
     * Reads the file and appends the start of a new session, numbered one above every session
     * in it, in one locked step.
     *
     * @throws IOException if the file or its directory cannot be created, read or written
     */
    Loaded claimSession() throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            ByteBuffer all = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, ch.size()));
            while (all.hasRemaining() && ch.read(all, all.position()) > 0) {
                // read until the buffer is full or the file ends
            }
            int max = 0;
            int unreadable = 0;
            Deque<Record> kept = new ArrayDeque<>();
            for (String line : new String(all.array(), 0, all.position(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                Record r;
                try {
                    r = GSON.fromJson(line, Record.class);
                } catch (JsonParseException e) {
                    r = null;
                }
                if (r == null || r.session <= 0) {
                    unreadable++; // a line cut by a crash, or edited by hand: skipped, not fatal
                    continue;
                }
                max = Math.max(max, r.session);
                if (r.line != null && r.input != null) {
                    kept.addLast(r);
                    if (kept.size() > MAX_LOADED) {
                        kept.removeFirst();
                    }
                }
            }
            Record start = new Record();
            start.session = max + 1;
            start.start = Instant.now().toString();
            append(ch, start);
            return new Loaded(max + 1, new ArrayList<>(kept), unreadable);
        }
    }

    /**
     * Appends one cell of {@code session}.
     *
     * @throws IOException if the file cannot be written
     */
    void append(int session, int line, String input) throws IOException {
        Record r = new Record();
        r.session = session;
        r.line = line;
        r.input = input;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            append(ch, r);
        }
    }

    private static void append(FileChannel ch, Record r) throws IOException {
        // a line that a crash cut short is skipped on reading; start on a fresh line after one
        long size = ch.size();
        String prefix = "";
        if (size > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            prefix = last.get(0) == '\n' ? "" : "\n";
        }
        ByteBuffer bytes = ByteBuffer.wrap((prefix + GSON.toJson(r) + "\n").getBytes(StandardCharsets.UTF_8));
        long at = size;
        while (bytes.hasRemaining()) {
            at += ch.write(bytes, at);
        }
    }
}
