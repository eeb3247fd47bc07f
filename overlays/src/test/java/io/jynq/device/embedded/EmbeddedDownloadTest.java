package io.jynq.device.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jynq.device.PlState;
import io.jynq.metadata.MetadataException;
import io.jynq.testing.SharedData;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDownloadTest {
    static final byte[] BIN = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x66, 0x55, (byte) 0x99, (byte) 0xAA};

    @TempDir
    Path tmp;
    FakeBoard board;
    Path overlays;

    @BeforeEach
    void setUp() throws IOException {
        board = new FakeBoard(Files.createDirectories(tmp.resolve("root")));
        overlays = Files.createDirectories(tmp.resolve("overlays"));
    }

    private Path bin(String name) throws IOException {
        return Files.write(overlays.resolve(name), BIN);
    }

    @Test
    void fullDownloadWritesFirmwareThenFlagsThenFirmwareNameAndRecordsTheState() throws IOException {
        Path bit = bin("base.bin");
        try (EmbeddedDevice dev = board.device()) {
            dev.download(bit, null, false);
            assertArrayEquals(BIN, Files.readAllBytes(board.paths.firmwareDirectory().resolve("base.bin")));
            assertEquals(List.of(
                    "write sys/class/fpga_manager/fpga0/flags 0",
                    "write sys/class/fpga_manager/fpga0/firmware base.bin"), board.kernel.log);
            PlState s = dev.plState();
            assertEquals(bit.toAbsolutePath().toString(), s.bitfileName());
            assertFalse(s.partial());
            assertTrue(s.isProgrammed());
        }
    }

    @Test
    void aRealBitIsConvertedToTheBinPynqMakes() throws Exception {
        Path bit = SharedData.bit("pynqz1_base.bit");
        JsonObject golden = JsonParser.parseString(Files.readString(SharedData.bit("pynqz1_base.bit.pynq.json")))
                .getAsJsonObject();
        try (EmbeddedDevice dev = board.device()) {
            dev.download(bit, null, false);
            Path bin = board.paths.firmwareDirectory().resolve("pynqz1_base.bin");
            assertEquals(golden.get("bin_length").getAsLong(), Files.size(bin));
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bin)));
            assertEquals(golden.get("bin_sha256").getAsString(), sha);
            assertEquals("write sys/class/fpga_manager/fpga0/firmware pynqz1_base.bin", board.kernel.log.get(1));
            try (var left = Files.list(board.paths.firmwareDirectory())) {
                assertEquals(List.of(bin), left.toList(), "no temporary file left in /lib/firmware");
            }
        }
    }

    @Test
    void aCorruptBitIsRefusedBeforeTheBoardIsTouched() throws IOException {
        Path bit = Files.write(overlays.resolve("corrupt.bit"), new byte[] {0, 9, 1, 2, 3});
        try (EmbeddedDevice dev = board.device()) {
            MetadataException e = assertThrows(MetadataException.class, () -> dev.download(bit, null, false));
            assertTrue(e.getMessage().contains("corrupt.bit"), e.getMessage());
            assertEquals(List.of(), board.kernel.log);
            assertNothingRecorded(dev, PlState.EMPTY);
        }
    }

    @Test
    void partialDownloadWritesFlagOne() throws IOException {
        try (EmbeddedDevice dev = board.device()) {
            dev.download(bin("rp0.bin"), null, true);
            assertEquals("write sys/class/fpga_manager/fpga0/flags 1", board.kernel.log.get(0));
            assertTrue(dev.plState().partial());
        }
    }

    /**
     * On a board, another process (a second EmbeddedDevice on the same root and state) sees a
     * partial's IP in its dictionaries from the PL state, its .hwh beside the partial bitstream.
     */
    @Test
    void aPartialInARegionIsSeenByAnotherProcessUntilTheNextFullDownload() throws IOException {
        Path cv = bin("cv.bin");
        Files.createSymbolicLink(overlays.resolve("cv.hwh"), SharedData.hwh("kv260_cv_dfx_3_pr.hwh"));
        Path rm = bin("rm_partial.bin");
        Path rmHwh = Files.createSymbolicLink(overlays.resolve("rm_partial.hwh"), SharedData.hwh("kv260_pr2_add_partial.hwh"));
        try (EmbeddedDevice dev = board.device(); EmbeddedDevice other = board.device()) {
            dev.download(cv, null, false);
            assertFalse(other.ipDict().containsKey("composable/pr_2/add_accel"));
            dev.downloadPartial(rm, io.jynq.metadata.HwhParser.parse(rmHwh), "composable/pr_2");
            assertEquals("write sys/class/fpga_manager/fpga0/flags 1", board.kernel.log.get(2));
            assertEquals(cv.toAbsolutePath().toString(), other.plState().bitfileName(), "PYNQ's post_download: not for a partial");
            assertEquals(0x8014_0000L, other.ipDict().get("composable/pr_2/add_accel").physAddr());
            assertTrue(other.hierarchyDict().get("composable/pr_2").ip().containsKey("add_accel"));
            dev.download(cv, null, false);
            assertFalse(other.ipDict().containsKey("composable/pr_2/add_accel"), "a full download clears the region");
        }
    }

    @Test
    void aDtboBesideTheBitstreamIsAppliedAfterProgrammingAndReplacedByTheNextFullDownload() throws IOException {
        Path base = bin("base.bin");
        Files.write(overlays.resolve("base.dtbo"), new byte[] {(byte) 0xD0, 0x0D, (byte) 0xFE, (byte) 0xED, 1, 2, 3});
        Path other = bin("other.bin");
        try (EmbeddedDevice dev = board.device()) {
            dev.download(base, null, false);
            assertEquals(List.of(
                    "write sys/class/fpga_manager/fpga0/flags 0",
                    "write sys/class/fpga_manager/fpga0/firmware base.bin",
                    "mkdir sys/kernel/config/device-tree/overlays/base",
                    "write sys/kernel/config/device-tree/overlays/base/dtbo <7 bytes>"), board.kernel.log);
            assertTrue(dev.isDeviceTreeOverlayApplied("base"));
            board.kernel.log.clear();
            dev.download(other, null, false);
            assertEquals(List.of(
                    "rmdir sys/kernel/config/device-tree/overlays/base",
                    "write sys/class/fpga_manager/fpga0/flags 0",
                    "write sys/class/fpga_manager/fpga0/firmware other.bin"), board.kernel.log);
            assertFalse(Files.exists(board.paths.deviceTreeOverlays().resolve("base")));
        }
    }

    private void assertNothingRecorded(EmbeddedDevice dev, PlState before) {
        assertEquals(before, dev.plState(), "PL state unchanged");
    }

    @Test
    void noFpgaManagerIsAClearErrorAndNothingIsRecorded() throws IOException {
        Path fpga = board.paths.fpgaManager();
        for (String f : new String[] {"firmware", "flags", "state"}) {
            Files.delete(fpga.resolve(f));
        }
        try (EmbeddedDevice dev = board.device()) {
            DeviceException e = assertThrows(DeviceException.class, () -> dev.download(bin("base.bin"), null, false));
            assertTrue(e.getMessage().startsWith("no FPGA Manager at " + fpga), e.getMessage());
            assertNothingRecorded(dev, PlState.EMPTY);
            assertEquals(List.of(), board.kernel.log);
        }
    }

    @Test
    void anUnwritableFirmwareDirectoryIsAClearError() throws IOException {
        Path fw = board.paths.firmwareDirectory();
        Files.delete(fw);
        Files.writeString(fw, "not a directory");
        try (EmbeddedDevice dev = board.device()) {
            DeviceException e = assertThrows(DeviceException.class, () -> dev.download(bin("base.bin"), null, false));
            assertTrue(e.getMessage().startsWith("cannot write the bitstream to " + fw.resolve("base.bin")), e.getMessage());
            assertNothingRecorded(dev, PlState.EMPTY);
            assertEquals(List.of(), board.kernel.log, "FPGA Manager was not touched");
        }
    }

    @Test
    void aFirmwareWriteTheKernelRejectsKeepsTheEarlierState() throws IOException {
        try (EmbeddedDevice dev = board.device()) {
            dev.download(bin("base.bin"), null, false);
            PlState before = dev.plState();
            board.kernel.failWrites.put("sys/class/fpga_manager/fpga0/firmware", 22);
            DeviceException e = assertThrows(DeviceException.class, () -> dev.download(bin("broken.bin"), null, false));
            assertTrue(e.getMessage().startsWith("FPGA Manager could not load broken.bin from " + board.paths.firmwareDirectory()
                    + ": write(3, buf, 10) failed: EINVAL (Invalid argument)"), e.getMessage());
            assertNothingRecorded(dev, before);
        }
    }

    @Test
    void aStateThatNeverBecomesOperatingTimesOutWithTheStateRead() throws IOException {
        board.kernel.fpgaReachesOperating = false;
        try (EmbeddedDevice dev = board.device(Duration.ofMillis(60), null)) {
            DeviceException e = assertThrows(DeviceException.class, () -> dev.download(bin("base.bin"), null, false));
            assertEquals("FPGA Manager did not reach state 'operating' within PT0.06S after loading base.bin: "
                    + board.paths.fpgaManager().resolve("state") + " reads 'unknown'", e.getMessage());
            assertNothingRecorded(dev, PlState.EMPTY);
        }
    }

    @Test
    void anOverlayTheKernelDoesNotApplyIsRemovedAndNothingIsRecorded() throws IOException {
        board.kernel.overlaysApply = false;
        Path base = bin("base.bin");
        Files.write(overlays.resolve("base.dtbo"), new byte[] {1, 2, 3, 4});
        try (EmbeddedDevice dev = board.device()) {
            DeviceException e = assertThrows(DeviceException.class, () -> dev.download(base, null, false));
            assertEquals("device tree overlay base cannot be applied: status is 'unapplied' (see dmesg for the kernel's reason)",
                    e.getMessage());
            assertEquals("rmdir sys/kernel/config/device-tree/overlays/base", board.kernel.log.get(board.kernel.log.size() - 1));
            assertFalse(Files.exists(board.paths.deviceTreeOverlays().resolve("base")));
            assertNothingRecorded(dev, PlState.EMPTY);
        }
    }

    @Test
    void aMissingBitstreamOrUnknownSuffixIsRefusedBeforeTheBoardIsTouched() throws IOException {
        try (EmbeddedDevice dev = board.device()) {
            assertThrows(java.io.UncheckedIOException.class, () -> dev.download(overlays.resolve("none.bin"), null, false));
            Path xsa = Files.write(overlays.resolve("design.xsa"), BIN);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dev.download(xsa, null, false));
            assertTrue(e.getMessage().contains("neither a .bit nor a .bin"), e.getMessage());
            assertEquals(List.of(), board.kernel.log);
        }
    }

    @Test
    void theStateIsSharedWithAnotherDeviceOnTheSameBoard() throws IOException {
        try (EmbeddedDevice one = board.device(); EmbeddedDevice two = board.device()) {
            one.download(bin("base.bin"), null, false);
            assertEquals(one.plState(), two.plState());
        }
    }

    @Test
    void aClosedDeviceRefusesCalls() {
        EmbeddedDevice dev = board.device();
        dev.close();
        assertThrows(IllegalStateException.class, dev::plState);
        assertThrows(IllegalStateException.class, () -> dev.map(0x4000_0000L, 0x1000));
    }
}
