package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.sim.model.dsp.FirModel;
import io.jynq.testing.Designs;
import io.jynq.testing.DspLoopback;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issues 11 and 14: simulation models bind by VLNV with the drivers' rule (exact version; another
 * version gets the fallback with one line), and a model that does not fit its IP's registers
 * falls back to a register file with one line, instead of failing the download.
 */
class ModelBindingTest {
    @TempDir
    Path dir;
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger(SimPl.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            notes.add(r.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        log.addHandler(handler);
    }

    @AfterEach
    void stop() {
        log.removeHandler(handler);
    }

    private SimDevice download(String hwhText) {
        SimDevice board = SimDevice.open(SimConfig.at(dir).withDdrBytes(16L << 20));
        board.download(DspLoopback.bit(), Designs.parse(hwhText, "user_fir.hwh"), false);
        return board;
    }

    @Test
    void aUserFirOfAnotherVersionGetsARegisterFileAndOneLine() {
        try (SimDevice board = download(Designs.dspLoopbackHwh().replace("xilinx.com:hls:fir:1.0", "xilinx.com:hls:fir:2.0"))) {
            assertThrows(IllegalArgumentException.class, () -> board.model("fir_0", FirModel.class));
            board.map(DspLoopback.FIR, 0x10000).write32(0x10, 42);
            assertEquals(42, board.map(DspLoopback.FIR, 0x10000).read32(0x10), "a plain register file");
            List<String> mine = notes.stream().filter(n -> n.startsWith("fir_0:")).toList();
            assertEquals(1, mine.size(), notes.toString());
            assertTrue(mine.get(0).contains("version 2.0") && mine.get(0).contains("binds 1.0")
                    && mine.get(0).contains("register file"), mine.get(0));
        }
    }

    @Test
    void aUserFirWhoseRegistersAreNotTheModelsGetsARegisterFileAndOneLine() {
        try (SimDevice board = download(Designs.dspLoopbackHwh().replace("coef_", "taps_"))) {
            assertThrows(IllegalArgumentException.class, () -> board.model("fir_0", FirModel.class));
            List<String> mine = notes.stream().filter(n -> n.startsWith("fir_0:")).toList();
            assertEquals(1, mine.size(), notes.toString());
            assertTrue(mine.get(0).contains("does not fit") && mine.get(0).contains("register file"), mine.get(0));
        }
    }

    @Test
    void theBundledFirStillGetsItsModelSilently() {
        try (SimDevice board = download(Designs.dspLoopbackHwh())) {
            board.model("fir_0", FirModel.class);
            assertTrue(notes.stream().noneMatch(n -> n.startsWith("fir_0:")), notes.toString());
        }
    }
}
