package io.jynq.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.sim.SimDevice;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a buffer that becomes unreachable without {@code close()} (a cell's value never
 * assigned) gives its DDR back, with a warning naming where it was allocated; a closed one is
 * not freed twice and logs nothing.
 */
class BufferLeakTest {
    @TempDir
    Path dir;

    private static void allocateAndDrop(SimDevice dev) {
        ContiguousBuffer b = Buffers.allocate(dev, new long[] {1 << 18}, DType.INT32, false);  // 1 MiB
        b.setLong(0, 1);
    }

    @Test
    void anUnreachableBufferIsFreedWithAWarningNamingItsAllocationSite() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(MessageFormat.format(r.getMessage(), r.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(ContiguousBuffer.class.getName());
        log.addHandler(h);
        try (SimDevice dev = SimBoards.open(dir, 16)) {
            long before = dev.memoryStats().usedBytes();
            try (ContiguousBuffer kept = Buffers.allocate(dev, new long[] {16}, DType.INT32, false)) {
                allocateAndDrop(dev);
                assertTrue(dev.memoryStats().usedBytes() >= before + (1 << 20));
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (dev.memoryStats().liveBuffers() > 1 && System.nanoTime() < deadline) {
                    System.gc();
                    Thread.sleep(20);
                }
                assertEquals(1, dev.memoryStats().liveBuffers(), "the dropped buffer was freed, the kept one not");
                kept.setLong(0, 5);
            }
            assertEquals(0, dev.memoryStats().liveBuffers());
            List<String> mine = warnings.stream().filter(w -> w.contains("BufferLeakTest")).toList();
            assertEquals(1, mine.size(), "one warning for the dropped buffer, none for the closed one: " + warnings);
            assertTrue(mine.get(0).contains("1048576-byte") && mine.get(0).contains("BufferLeakTest.allocateAndDrop"),
                    mine.get(0));
        } finally {
            log.removeHandler(h);
        }
    }
}
