package io.jynq.device.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jynq.metadata.HwhParser;
import io.jynq.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Before a full download the loaded design's DFX shutdown managers are asked to shut down (write 1, wait for 0x0F). */
class EmbeddedShutdownManagersTest {
    static final long[] MANAGERS = {0x8030_0000L, 0x8031_0000L, 0x8032_0000L};

    @TempDir
    Path tmp;
    FakeBoard board;
    Path bin;

    @BeforeEach
    void setUp() throws Exception {
        board = new FakeBoard(Files.createDirectories(tmp.resolve("root"))).zynqMp();
        bin = Files.write(tmp.resolve("cv.bin"), new byte[] {1, 2, 3, 4});
    }

    @Test
    void theManagersOfTheLoadedDesignAreRecordedAndShutDownBeforeTheNextFullDownload() throws Exception {
        try (EmbeddedDevice dev = board.device()) {
            dev.download(bin, HwhParser.parse(SharedData.hwh("kv260_cv_dfx_3_pr.hwh")), false);
            assertEquals(List.of("shutdown_HP0_FPD 0x80300000", "shutdown_HP1_FPD 0x80310000", "shutdown_HP2_FPD 0x80320000"),
                    Files.readAllLines(board.paths.stateDirectory().resolve(ShutdownManagers.FILE)));
            AtomicBoolean stop = new AtomicBoolean();
            Thread hardware = new Thread(() -> { // each manager answers a request (1) with "shut down" (0x0F)
                while (!stop.get()) {
                    for (long m : MANAGERS) {
                        if (board.memWord(m) == 1) {
                            board.setMemWord(m, 0x0F);
                        }
                    }
                    Thread.onSpinWait();
                }
            });
            hardware.start();
            try {
                dev.download(bin, null, false);
            } finally {
                stop.set(true);
                hardware.join();
            }
            for (long m : MANAGERS) {
                assertEquals(0x0F, board.memWord(m));
            }
            assertFalse(Files.exists(board.paths.stateDirectory().resolve(ShutdownManagers.FILE)),
                    "the new design has no shutdown managers");
        }
    }

    @Test
    void aManagerThatDoesNotAnswerDelaysButDoesNotStopTheDownloadAsInPynq() throws Exception {
        try (EmbeddedDevice dev = board.device()) {
            dev.download(bin, HwhParser.parse(SharedData.hwh("kv260_cv_dfx_3_pr.hwh")), false);
            dev.download(bin, null, false);
            for (long m : MANAGERS) {
                assertEquals(1, board.memWord(m), "shutdown requested");
            }
            assertEquals(bin.toAbsolutePath().toString(), dev.plState().bitfileName());
        }
    }

    @Test
    void aPartialDownloadNeitherShutsDownNorRecords() throws Exception {
        try (EmbeddedDevice dev = board.device()) {
            dev.download(bin, HwhParser.parse(SharedData.hwh("kv260_cv_dfx_3_pr.hwh")), true);
            assertFalse(Files.exists(board.paths.stateDirectory().resolve(ShutdownManagers.FILE)));
            assertEquals(0, board.memWord(MANAGERS[0]));
        }
    }
}
