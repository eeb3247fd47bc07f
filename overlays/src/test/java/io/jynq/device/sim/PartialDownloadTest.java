package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.RegisterSpace;
import io.jynq.ip.AxiGpioLayout;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partial (DFX) download adds its region's IP and keeps the rest of the loaded design. */
class PartialDownloadTest {
    @TempDir
    Path dir;

    @Test
    void partialDesignStacksOnTheLoadedOne() {
        OverlayMetadata partial = HwhParser.parse(SharedData.hwh("kv260_pr2_add_partial.hwh"));
        try (SimDevice board = DspLoopback.board(dir)) {
            board.map(DspLoopback.GPIO, 0x10000).write32(AxiGpioLayout.GPIO_DATA, 6);
            board.download(DspLoopback.bit(), partial, true);
            assertTrue(board.plState().partial());
            IpDescription add = partial.ipDict().values().iterator().next();
            RegisterSpace r = board.map(add.physAddr(), 0x100);
            r.write32(0x10, 77);
            assertEquals(77, r.read32(0x10), "the partial region's IP (a register file here)");
            assertEquals(6, board.map(DspLoopback.GPIO, 0x10000).read32(AxiGpioLayout.GPIO_DATA),
                    "the static design keeps its state");
        }
    }
}
