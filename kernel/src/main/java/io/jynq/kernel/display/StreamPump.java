package io.jynq.kernel.display;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.jynq.kernel.wire.Sizes;
import org.dflib.jjava.jupyter.messages.publish.PublishStream.StreamType;

/**
 * The stdout/stderr bytes of cell threads on their way to IOPub {@code stream} messages, bounded
 * in memory and in rate, linear in the bytes written.
 *
 * <p>Writers append to one queue of segments (stdout and stderr interleaved as written) and
 * return at once; a publish sends the queue in order, consecutive bytes of one stream as one
 * message. Publishing happens when a line ends and nothing was sent for {@value #FLUSH_MS} ms,
 * when {@value #CHUNK} bytes are waiting, every {@value #FLUSH_MS} ms from the flusher thread
 * (so a println flood becomes ~20 messages a second, not one per line), and at the end of a cell
 * or before a display (so outputs keep their order).
 *
 * <p>Limits: {@code rate} is the Jupyter server's {@code iopub_data_rate_limit} (1 MB/s), which
 * the server checks over any {@value #WINDOW_S} s ({@code rate_limit_window}) and, once passed,
 * drops every IOPub message with a note of its own, this pump's count of what it dropped
 * included. So the pump stays well under it: a token bucket refilled at {@code rate / 3} holding
 * at most {@code rate × window / 6}, at most {@code rate / 4} bytes waiting (sent at once at the end
 * of a cell, unless the bucket owes more than that already: then they are dropped), so that any
 * {@value #WINDOW_S} s of what it sends, even seen 1 s late, stays under {@code 0.8 × rate ×
 * window} (bucket + 4 s of refill + twice the waiting room), leaving room for message headers
 * and the notices. What a cell writes beyond the
 * waiting room is dropped and counted, so a flood
 * costs the writer only a counter increment and the cell ends when its code ends. The cell then
 * says so on stderr: once when dropping starts and with the total at the end of the cell.
 * {@link #dropBacklog()} (the stop button) discards what waits.
 */
public final class StreamPump {
    /** Publish at most this often per flood; also the longest a lone partial line waits. */
    static final long FLUSH_MS = 50;
    /**
     * How long the flusher holds back an unfinished line (so that {@code print("x = ");
     * println(x)} arrives as one message, as {@code printf}'s pieces do), unless the cell ends
     * or more than {@value #CHUNK} bytes wait.
     */
    static final long PARTIAL_LINE_MS = 500;
    /** Waiting bytes that are published without waiting for the flush interval. */
    static final int CHUNK = 64 * 1024;
    /** The averaging window of the rate limit, as the Jupyter server's rate_limit_window. */
    static final int WINDOW_S = 3;
    /** Default rate: the Jupyter server's iopub_data_rate_limit, bytes per second. */
    public static final long DEFAULT_RATE = 1_000_000;

    /** Sends one stream message with the current cell as parent. */
    public interface Sender {
        void send(StreamType type, String text);
    }

    private static final class Segment {
        final StreamType type;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Segment(StreamType type) {
            this.type = type;
        }
    }

    private final Sender sender;
    private final long rate;
    private final long burst;
    private final int capacity;
    private final Object lock = new Object();
    private final Object sendLock = new Object();
    private final ArrayDeque<Segment> queue = new ArrayDeque<>();
    private int waiting;
    private double tokens;
    private long refilledAt = System.nanoTime();
    private long lastSent;
    private long dropped;
    private long droppedByStop;
    private boolean dropNoticeDue;
    private boolean dropNoticeSent;
    /** When the unfinished line at the end of the queue was started; 0 if the queue ends a line. */
    private long partialSince;
    private Thread flusher;

    /**
     * @param sender publishes a stream message
     * @param rate   bytes per second averaged over {@value #WINDOW_S} s; 0 for no limit
     */
    public StreamPump(Sender sender, long rate) {
        if (rate < 0) {
            throw new IllegalArgumentException("rate must be >= 0 bytes/s, got " + rate);
        }
        this.sender = sender;
        this.rate = rate;
        this.burst = rate == 0 ? Long.MAX_VALUE : rate * WINDOW_S / 6;
        this.capacity = rate == 0 ? 8 * CHUNK : (int) Math.min(16L << 20, Math.max(4096, rate / 4));
        this.tokens = burst;
    }

    /** Bytes per second averaged over the window; 0 means unlimited. */
    public long rate() {
        return rate;
    }

    /** Appends bytes of one stream; never blocks on the frontend. */
    public void write(StreamType type, byte[] b, int off, int len) {
        boolean full;
        synchronized (lock) {
            int room = capacity - waiting;
            int take = Math.min(len, Math.max(0, room));
            if (take < len) {
                // cut on a UTF-8 character boundary: a continuation byte never starts the dropped part
                while (take > 0 && (b[off + take] & 0xC0) == 0x80) {
                    take--;
                }
                dropped += len - take;
                if (!dropNoticeSent) {
                    dropNoticeDue = true;
                }
            }
            if (take > 0) {
                Segment last = queue.peekLast();
                if (last == null || last.type != type || last.bytes.size() >= CHUNK) {
                    last = new Segment(type);
                    queue.addLast(last);
                }
                last.bytes.write(b, off, take);
                waiting += take;
                if (b[off + take - 1] == '\n') {
                    partialSince = 0;
                } else if (partialSince == 0) {
                    partialSince = System.nanoTime();
                }
            }
            full = waiting >= CHUNK || dropNoticeDue;
            startFlusher();
            lock.notifyAll();
        }
        if (full) {
            publish(false);
        }
    }

    /** A stream flush (a line ended): publish now unless something was sent very recently. */
    public void flushSoon() {
        if (System.nanoTime() - lastSent >= FLUSH_MS * 1_000_000L) {
            publish(false);
        }
    }

    /**
     * Publishes everything waiting, ignoring the rate (it is at most the capacity), then the
     * total dropped since the last time, if any. Called at the end of a cell and before other
     * outputs so that they keep their order.
     */
    public void flushAll() {
        publish(true);
        String summary;
        synchronized (lock) {
            summary = summary();
        }
        if (summary != null) {
            synchronized (sendLock) {
                sender.send(StreamType.ERR, summary);
            }
        }
    }

    /** The stop button: what waits is discarded (and counted), so the cell ends without it. */
    public void dropBacklog() {
        synchronized (lock) {
            droppedByStop += waiting;
            queue.clear();
            waiting = 0;
            partialSince = 0;
        }
    }

    private String summary() {
        long total = dropped + droppedByStop;
        if (total == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder("\n[JYNQ] ");
        if (dropped > 0) {
            sb.append(human(dropped)).append(" of output dropped: printed faster than ").append(limitText());
        }
        if (droppedByStop > 0) {
            sb.append(dropped > 0 ? "; " : "").append(human(droppedByStop)).append(" not yet shown dropped by the stop button");
        }
        dropped = 0;
        droppedByStop = 0;
        dropNoticeSent = false;
        dropNoticeDue = false;
        return sb.append('\n').toString();
    }

    private String limitText() {
        return String.format(Locale.ROOT, "%.2f MB/s, what JYNQ sends to stay under the notebook's limit of %.1f MB/s over %d s"
                + " (JYNQ_IOPUB_DATA_RATE_LIMIT, bytes/s; 0 = no limit)", rate / 3e6, rate / 1e6, WINDOW_S);
    }

    private void publish(boolean all) {
        synchronized (sendLock) {
            List<Segment> batch = new ArrayList<>();
            String notice = null;
            synchronized (lock) {
                refill();
                // whole segments while the bucket is not empty: the debt of the last one is
                // paid by the next refill, so nothing is ever split or copied again
                Segment held = all ? null : holdPartialLine();
                while (!queue.isEmpty() && (all || rate == 0 || tokens > 0)) {
                    Segment seg = queue.pollFirst();
                    waiting -= seg.bytes.size();
                    if (rate > 0 && tokens < -capacity) {
                        dropped += seg.bytes.size(); // a cell's end deep in debt: sending would pass the server's limit
                        continue;
                    }
                    batch.add(seg);
                    if (rate > 0) {
                        tokens -= seg.bytes.size();
                    }
                }
                if (held == null && queue.isEmpty()) {
                    partialSince = 0;
                }
                if (held != null) {
                    queue.addLast(held); // the unfinished line waits for its end (or its time)
                    waiting += held.bytes.size();
                }
                if (dropNoticeDue) {
                    dropNoticeDue = false;
                    dropNoticeSent = true;
                    notice = "\n[JYNQ] output is being dropped: printed faster than " + limitText()
                            + "; the total follows at the end\n";
                }
            }
            for (Segment s : batch) {
                if (s.bytes.size() > 0) {
                    sender.send(s.type, s.bytes.toString(StandardCharsets.UTF_8));
                }
            }
            if (notice != null) {
                sender.send(StreamType.ERR, notice);
            }
            if (!batch.isEmpty()) {
                lastSent = System.nanoTime();
            }
        }
    }

    /**
     * Takes a young, short unfinished line off the end of the queue (the caller puts it back
     * after publishing the rest), or returns null if there is none to hold.
     */
    private Segment holdPartialLine() {
        Segment tail = queue.peekLast();
        if (tail == null || partialSince == 0 || System.nanoTime() - partialSince > PARTIAL_LINE_MS * 1_000_000L) {
            return null;
        }
        byte[] all = tail.bytes.toByteArray();
        int start = all.length;
        while (start > 0 && all[start - 1] != '\n') {
            start--;
        }
        int partial = all.length - start;
        if (partial == 0 || partial > CHUNK) {
            return null;
        }
        Segment held = new Segment(tail.type);
        held.bytes.write(all, start, partial);
        tail.bytes.reset();
        tail.bytes.write(all, 0, start);
        if (start == 0) {
            queue.pollLast();
        }
        waiting -= partial;
        return held;
    }

    private void refill() {
        long now = System.nanoTime();
        if (rate > 0) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * rate / 3); // may be negative: a debt
        }
        refilledAt = now;
    }

    /** The thread that publishes what waits every {@value #FLUSH_MS} ms; started on first output. */
    private void startFlusher() {
        if (flusher != null) {
            return;
        }
        flusher = new Thread(this::flushLoop, "jynq-iopub-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    private void flushLoop() {
        try {
            while (true) {
                synchronized (lock) {
                    while (waiting == 0 && !dropNoticeDue) {
                        lock.wait();
                    }
                }
                Thread.sleep(FLUSH_MS);
                publish(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String human(long bytes) {
        return Sizes.human(bytes);
    }

    /** For tests: bytes waiting to be published. */
    int waiting() {
        synchronized (lock) {
            return waiting;
        }
    }
}
