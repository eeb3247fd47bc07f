package io.jynq.device.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.IrqLine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedIrqTest {
    @TempDir
    Path tmp;
    FakeBoard board;

    @BeforeEach
    void setUp() {
        board = new FakeBoard(tmp);
    }

    private static byte[] nativeInt(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }

    @Test
    void aFiringInterruptIsReArmedWithOneThenItsCountIsRead() throws IOException {
        try (EmbeddedDevice dev = board.device()) {
            IrqLine line = dev.irq(61);
            assertTrue(line.await(Duration.ofSeconds(1)), "poll on the stand-in is readable at once: it fired");
            byte[] uio = Files.readAllBytes(board.paths.dev("uio0"));
            assertArrayEquals(nativeInt(1), Arrays.copyOfRange(uio, 0, 4), "re-armed by writing the 32-bit value 1");
            assertEquals(7, ((UioIrqLine) line).lastCount(), "the 4-byte count read after the write");
            assertEquals(61, line.rawIrq());
            assertSame(line, dev.irq(61));
        }
    }

    @Test
    void aSilentInterruptTimesOutAfterPollingInShortSlices() {
        List<Integer> waits = new ArrayList<>();
        PollWaiter silent = (fd, millis) -> {
            waits.add(millis);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        };
        try (EmbeddedDevice dev = board.device(Duration.ofSeconds(1), silent)) {
            IrqLine line = dev.irq(61);
            long t0 = System.nanoTime();
            assertFalse(line.await(Duration.ofMillis(250)));
            long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(elapsedMs >= 250, "waited the whole timeout, " + elapsedMs + " ms");
            assertTrue(waits.size() >= 2 && waits.stream().allMatch(w -> w > 0 && w <= 100), "slices of at most 100 ms: " + waits);
            waits.clear();
            assertFalse(line.isAsserted());
            assertEquals(List.of(0), waits, "isAsserted polls once without waiting");
        }
    }

    @Test
    void anInterruptedWaitIsCancelledAndKeepsTheFlag() {
        PollWaiter silent = (fd, millis) -> false;
        try (EmbeddedDevice dev = board.device(Duration.ofSeconds(1), silent)) {
            IrqLine line = dev.irq(61);
            Thread.currentThread().interrupt();
            assertThrows(CancellationException.class, () -> line.await(Duration.ofSeconds(5)));
            assertTrue(Thread.interrupted(), "flag restored (and cleared here)");
        }
    }

    @Test
    void anIrqNotInProcInterruptsIsAClearError() {
        try (EmbeddedDevice dev = board.device()) {
            DeviceException e = assertThrows(DeviceException.class, () -> dev.irq(63));
            assertTrue(e.getMessage().startsWith("raw IRQ 63 is not registered in " + board.paths.procInterrupts()),
                    e.getMessage());
        }
    }

    @Test
    void anIrqWhoseDeviceHasNoUioNodeListsTheUioNames() {
        try (EmbeddedDevice dev = board.device()) {
            DeviceException e = assertThrows(DeviceException.class, () -> dev.irq(62));
            assertTrue(e.getMessage().startsWith("raw IRQ 62 belongs to 'other-uio' but no UIO device has that name"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("[uio0=fabric, uio1=audio]"), e.getMessage());
        }
    }

    @Test
    void linesCloseWithTheDevice() {
        EmbeddedDevice dev = board.device();
        IrqLine line = dev.irq(61);
        dev.close();
        assertThrows(IllegalStateException.class, () -> line.await(Duration.ZERO));
    }
}
