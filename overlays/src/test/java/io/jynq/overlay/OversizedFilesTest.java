package io.jynq.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.PlState;
import io.jynq.device.sim.SimDevice;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.MetadataException;
import io.jynq.testing.Designs;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SimBoards;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a 3 GB {@code .bit} or a 2 GiB {@code .hwh} given to {@code %overlay load} ended in
 * OutOfMemoryError without naming the file. Both files here are sparse: no disk is used.
 */
class OversizedFilesTest {
    @TempDir
    Path dir;

    @Test
    void aTwoGibibyteHwhIsRefusedNamingTheFileAndTheLimit() throws Exception {
        Path hwh = dir.resolve("huge.hwh");
        try (RandomAccessFile f = new RandomAccessFile(hwh.toFile(), "rw")) {
            f.write(Designs.dspLoopbackHwh().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            f.setLength(2L << 30);
        }
        try (SimDevice dev = SimBoards.open(dir, 16)) {
            MetadataException e = assertThrows(MetadataException.class, () -> Overlay.load(
                    DspLoopback.bit().toString(), LoadOptions.defaults().withDevice(dev).withHwh(hwh)));
            assertTrue(e.getMessage().contains("huge.hwh") && e.getMessage().contains((HwhParser.MAX_HWH_BYTES >> 20) + " MiB"),
                    e.getMessage());
            assertEquals(PlState.EMPTY, dev.plState());
        }
    }

    @Test
    void aThreeGigabyteBitIsCheckedWithoutReadingItWhole() throws Exception {
        byte[] real = Files.readAllBytes(DspLoopback.bit());
        int dataAt = (int) io.jynq.metadata.BitFile.read(DspLoopback.bit()).dataOffset();
        long length = 3_000_000_000L & ~3L;
        Path bit = dir.resolve("huge.bit");
        try (RandomAccessFile f = new RandomAccessFile(bit.toFile(), "rw")) {
            f.write(real, 0, dataAt);
            f.seek(dataAt - 4);
            f.writeInt((int) length);
            f.setLength(dataAt + length);  // zeros: no sync word
        }
        Files.copy(DspLoopback.hwh(), dir.resolve("huge.hwh"));
        try (SimDevice dev = SimBoards.open(dir, 16)) {
            DeviceException e = assertThrows(DeviceException.class, () -> Overlay.load(bit.toString(),
                    LoadOptions.defaults().withDevice(dev)));
            assertTrue(e.getMessage().contains("huge.bit") && e.getMessage().contains("no sync word"), e.getMessage());
            assertEquals(PlState.EMPTY, dev.plState());
        }
    }
}
