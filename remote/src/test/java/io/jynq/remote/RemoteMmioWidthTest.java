package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jynq.device.RegisterSpace;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.remote.client.RemoteDevice;
import io.jynq.remote.server.BoardServer;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17's MMIO widths: PYNQ.remote returns a signed int32 (0xDEADBEEF came back as
 * -559038737) and carries 32 bits of an 8-byte access. Through JYNQ's client, with the extension
 * (unsigned 8/16/32/64-bit accesses) and against a stock server (32-bit words), every width reads
 * back what was written, and the board's own memory (dsp_loopback's block RAM) holds the same bytes.
 */
class RemoteMmioWidthTest {
    private static final long BRAM = 0x4000_0000L;

    @ParameterizedTest(name = "extensions={0}")
    @ValueSource(booleans = {true, false})
    void everyWidthRoundTripsAndReachesTheBoard(boolean extensions, @TempDir Path dir) {
        try (RemoteBoards b = new RemoteBoards(dir, BoardServer.Options.loopback(dir.resolve("board-root")).withExtensions(extensions))) {
            RemoteDevice remote = b.connect();
            Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(remote));
            RegisterSpace bram = remote.map(BRAM, 0x2000);
            RegisterSpace board = b.sim.map(BRAM, 0x2000);

            bram.write32(0x0, 0xDEAD_BEEF);
            assertEquals(0xDEAD_BEEFL, Integer.toUnsignedLong(bram.read32(0x0)), "all 32 bits, as unsigned");
            bram.write64(0x8, 0x0123_4567_89AB_CDEFL);
            assertEquals(0x0123_4567_89AB_CDEFL, bram.read64(0x8), "all 64 bits of an 8-byte access");
            assertEquals(0x0123_4567_89AB_CDEFL, board.read64(0x8), "the board's memory holds the 64 bits");
            bram.write16(0x12, (short) 0xF00D);
            bram.write8(0x11, (byte) 0x80);
            assertEquals((short) 0xF00D, bram.read16(0x12));
            assertEquals((byte) 0x80, bram.read8(0x11));
            assertEquals(0xF00D_8000, board.read32(0x10), "narrow writes change only their bytes on the board");
        }
    }
}
