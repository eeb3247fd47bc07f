package io.jynq.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.SimConfig;
import io.jynq.device.sim.SimDevice;
import io.jynq.device.sim.model.HlsModel;
import io.jynq.drivers.hls.HlsIp;
import io.jynq.error.HardwareTimeoutException;
import io.jynq.ip.HlsCtrlLayout;
import io.jynq.overlay.Overlay;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: an HLS IP that never finishes can be reset. Before, after a timeout {@code start} and
 * {@code call} refused "busy" for as long as the overlay stayed loaded.
 */
class HlsResetTest {
    @TempDir
    Path dir;

    @Test
    void aCallThatNeverFinishesTimesOutThenResetMakesTheIpUsableAgain() {
        Overlay ol = SimBoards.dspLoopback(dir);
        SimDevice dev = (SimDevice) ol.device();
        HlsIp add = ol.ip("add_0", HlsIp.class);
        HlsModel model = dev.model("add_0", HlsModel.class);
        model.setLatencyReads(Integer.MAX_VALUE);  // the core never raises AP_DONE
        HardwareTimeoutException t = assertThrows(HardwareTimeoutException.class,
                () -> add.start(1, 2).await(Duration.ofMillis(200)));
        assertTrue(t.getMessage().contains("reset()") && t.getMessage().contains("CTRL=0x"), t.getMessage());
        IllegalStateException busy = assertThrows(IllegalStateException.class, () -> add.start(3, 4));
        assertTrue(busy.getMessage().contains("busy") && busy.getMessage().contains("reset()"), busy.getMessage());

        add.reset();

        // another process on the board sees the reset registers: CTRL idle, the arguments cleared
        try (SimDevice other = SimDevice.open(SimConfig.at(dir.resolve("board")))) {
            RegisterSpace regs = other.map(DspLoopback.ADD, 0x10000);
            assertEquals(HlsCtrlLayout.AP_IDLE, regs.read32(HlsCtrlLayout.CTRL) & 0xF, "CTRL after reset");
            assertEquals(0, regs.read32((int) add.description().register("a").byteOffset()), "argument a after reset");
        }
        model.setLatencyReads(0);
        assertEquals(7, add.call(3, 4), "the IP works again");
    }

    @Test
    void aHandleFromADesignThePlNoLongerHoldsCannotReset() {
        Overlay ol = SimBoards.dspLoopback(dir);
        HlsIp add = ol.ip("add_0", HlsIp.class);
        assertEquals(3, add.call(1, 2));
        try (SimDevice other = SimDevice.open(((SimDevice) ol.device()).config())) {
            other.download(DspLoopback.bit(), DspLoopback.metadata(), false);  // another process downloads again
        }
        DeviceException e = assertThrows(DeviceException.class, add::reset);
        assertTrue(e.getMessage().contains("add_0") && e.getMessage().contains("since"), e.getMessage());
    }
}
