package io.jynq.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.messages.publish.PublishStream.StreamType;
import org.junit.jupiter.api.Test;

class StreamPumpTest {
    private final List<String> sent = new ArrayList<>();

    private StreamPump pump(long rate) {
        return new StreamPump((type, text) -> {
            synchronized (sent) {
                sent.add((type == StreamType.OUT ? "out:" : "err:") + text);
            }
        }, rate);
    }

    private static void write(StreamPump p, StreamType t, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        p.write(t, b, 0, b.length);
    }

    @Test
    void keepsStdoutAndStderrInTheOrderWritten() {
        StreamPump p = pump(0);
        write(p, StreamType.OUT, "a\n");
        write(p, StreamType.ERR, "b\n");
        write(p, StreamType.OUT, "c");
        write(p, StreamType.OUT, "d\n");
        p.flushAll();
        assertEquals(List.of("out:a\n", "err:b\n", "out:cd\n"), sent);
    }

    @Test
    void aFloodIsBoundedAndTheCellSaysWhatWasDropped() {
        StreamPump p = pump(100_000); // 50 kB burst, 25 kB backlog
        byte[] line = "0123456789012345678901234567890123456789\n".getBytes(StandardCharsets.UTF_8);
        long written = 0;
        for (int i = 0; i < 250_000; i++) { // 10 MB
            p.write(StreamType.OUT, line, 0, line.length);
            written += line.length;
        }
        p.flushAll();
        long delivered = 0;
        String summary = null;
        for (String s : sent) {
            if (s.contains("[JYNQ]") && s.contains("dropped:")) {
                summary = s;
            } else if (s.startsWith("out:")) {
                delivered += s.length() - 4;
            }
        }
        assertTrue(delivered < 1_000_000, "at most burst + backlog + what the rate refilled: " + delivered);
        assertTrue(summary != null && summary.contains("MiB of output dropped") && summary.contains("JYNQ_IOPUB_DATA_RATE_LIMIT"),
                String.valueOf(summary));
        assertTrue(sent.stream().anyMatch(s -> s.contains("output is being dropped")), "a notice when dropping starts");
        assertTrue(written - delivered > 9_000_000);
    }

    /**
     * What the Jupyter server checks (notebook 6's ZMQChannelsHandler._on_zmq_reply, jupyter_server
     * alike): the bytes of IOPub messages it received in the last rate_limit_window seconds, over
     * the window, against iopub_data_rate_limit; once above, it drops every message, this pump's
     * notice of what it dropped included. Here each stream message counts its text plus 500 bytes
     * of header, over four cells of flood, each ended with the end-of-cell flush.
     */
    @Test
    void aFloodStaysUnderTheJupyterServersRateLimitInEveryWindow() throws InterruptedException {
        long rate = 300_000;
        List<long[]> sends = new ArrayList<>();
        StreamPump p = new StreamPump((type, text) -> {
            synchronized (sends) {
                sends.add(new long[] {System.nanoTime(), text.getBytes(StandardCharsets.UTF_8).length + 500});
            }
        }, rate);
        byte[] line = "0123456789012345678901234567890123456789\n".getBytes(StandardCharsets.UTF_8);
        for (int cell = 0; cell < 4; cell++) {
            long end = System.nanoTime() + 900_000_000L;
            while (System.nanoTime() < end) {
                p.write(StreamType.OUT, line, 0, line.length);
            }
            p.flushAll();
        }
        Thread.sleep(100);
        synchronized (sends) {
            for (int i = 0; i < sends.size(); i++) {
                long inWindow = 0;
                for (int j = i; j < sends.size() && sends.get(j)[0] - sends.get(i)[0] <= 3_000_000_000L; j++) {
                    inWindow += sends.get(j)[1];
                }
                assertTrue(inWindow <= rate * 3, "the server would drop: " + inWindow + " bytes within 3 s of message " + i
                        + " of " + sends.size());
            }
        }
    }

    @Test
    void neverCutsAUtf8Character() {
        StreamPump p = pump(100_000);
        String euro = "€".repeat(200_000); // 600 kB, 3 bytes each
        write(p, StreamType.OUT, euro);
        p.flushAll();
        for (String s : sent) {
            if (s.startsWith("out:")) {
                assertTrue(s.substring(4).chars().allMatch(c -> c == '€'), "no replacement characters");
            }
        }
    }

    @Test
    void theStopButtonDropsTheBacklog() {
        StreamPump p = pump(1_000); // 500 B burst: the rest waits, what is beyond 4 kB is dropped
        write(p, StreamType.OUT, "x".repeat(3_000) + "\n");
        write(p, StreamType.OUT, "y".repeat(3_000) + "\n");
        assertTrue(p.waiting() > 0);
        p.dropBacklog();
        assertEquals(0, p.waiting());
        p.flushAll();
        assertTrue(sent.get(sent.size() - 1).contains("dropped by the stop button"), sent.toString());
    }

    @Test
    void quietOutputPassesUntouched() {
        StreamPump p = pump(StreamPump.DEFAULT_RATE);
        for (int i = 0; i < 100; i++) {
            write(p, StreamType.OUT, "tick " + i + "\n");
        }
        p.flushAll();
        StringBuilder all = new StringBuilder();
        sent.forEach(s -> all.append(s.substring(4)));
        assertEquals(100, all.toString().split("\n").length);
        assertTrue(sent.stream().noneMatch(s -> s.contains("[JYNQ]")));
    }

    @Test
    void anUnfinishedLineWaitsForItsEnd() {
        StreamPump p = pump(0);
        write(p, StreamType.OUT, "done\nWall time: ");
        p.flushSoon(); // a line ended: "done" goes now, the unfinished one waits
        write(p, StreamType.OUT, "20.1 ms\n");
        p.flushSoon();
        p.flushAll();
        assertEquals(List.of("out:done\n", "out:Wall time: 20.1 ms\n"), sent);
    }
}
