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
        StreamPump p = pump(100_000); // 300 kB burst, 100 kB backlog
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
        StreamPump p = pump(1_000); // 3 kB burst: the rest waits
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
