package io.jynq.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.SimDevice;
import io.jynq.drivers.hls.HlsIp;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.Designs;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HLS {@code ap_ctrl_chain}: dsp_loopback's {@code add} rebuilt with the chain protocol, i.e. its
 * CTRL register lists AP_CONTINUE at bit 4 (UG1399 "S_AXILITE Control Register Map": bit 0
 * ap_start, 1 ap_done (clear on read), 2 ap_idle, 3 ap_ready, 4 ap_continue (self-clearing), 7
 * auto_restart; the numbers are written out here, not taken from the shared layout class).
 */
class HlsChainTest {
    private static final int START = 1;
    private static final int DONE = 1 << 1;
    private static final int IDLE = 1 << 2;
    private static final int CONTINUE = 1 << 4;
    private static final int A = 0x18;
    private static final int B = 0x20;
    private static final int RETURN = 0x10;  // checked against the .hwh below

    @TempDir
    Path dir;
    SimDevice dev;
    Overlay ol;

    static String chainDesign() {
        String reserved = "<FIELD NAME=\"RESERVED_1\">";
        String hwh = Designs.dspLoopbackHwh();
        int at = hwh.indexOf(reserved);
        String cont = "<FIELD NAME=\"AP_CONTINUE\">\n<PROPERTY NAME=\"DESCRIPTION\" VALUE=\"Control signal Register for 'ap_continue'.\"/>"
                + "<PROPERTY NAME=\"ADDRESS_OFFSET\" VALUE=\"0\"/><PROPERTY NAME=\"ACCESS\" VALUE=\"read-write\"/>"
                + "<PROPERTY NAME=\"BIT_OFFSET\" VALUE=\"4\"/><PROPERTY NAME=\"BIT_WIDTH\" VALUE=\"1\"/></FIELD>\n";
        String out = hwh.substring(0, at) + cont + hwh.substring(at);
        return out.replaceFirst("(<FIELD NAME=\"RESERVED_1\">[\\s\\S]*?BIT_OFFSET\" VALUE=)\"4\"([\\s\\S]*?BIT_WIDTH\" VALUE=)\"3\"",
                "$1\"5\"$2\"2\"");
    }

    @BeforeEach
    void load() {
        dev = SimBoards.open(dir, 64);
        ol = Overlay.of(DspLoopback.bit(), Designs.parse(chainDesign(), "dsp_loopback_chain.hwh"),
                LoadOptions.defaults().withDevice(dev));
    }

    @AfterEach
    void close() {
        dev.close();
    }

    @Test
    void ug1399ChainHoldsTheResultBusyUntilApContinue() {
        assertEquals(RETURN, ol.ipDict().get("add_0").register("ap_return").byteOffset());
        RegisterSpace add = dev.map(DspLoopback.ADD, 0x10000);
        assertEquals(IDLE, add.read32(0));
        add.write32(A, 3);
        add.write32(B, 4);
        add.write32(0, START);
        int ctrl = add.read32(0);
        assertEquals(DONE, ctrl & (START | DONE | IDLE), "done, not idle: waiting for ap_continue");
        assertEquals(7, add.read32(RETURN));
        assertEquals(0, add.read32(0) & (DONE | IDLE | CONTINUE), "AP_DONE cleared on read; still not idle");
        add.write32(A, 10);
        add.write32(0, START);
        assertEquals(7, add.read32(RETURN), "a start while the result is held waits");
        add.write32(0, CONTINUE);
        assertEquals(DONE, add.read32(0) & (DONE | IDLE | CONTINUE), "continue: the pending start ran; ap_continue self-clears");
        assertEquals(14, add.read32(RETURN));
        add.write32(0, CONTINUE);
        assertEquals(IDLE, add.read32(0) & (START | IDLE | CONTINUE), "continue with nothing pending: idle");
    }

    @Test
    void theDriverCallsAChainedIpAsAnHsOneAndSaysWhatAFinishedRawCallWaitsFor() {
        HlsIp add = ol.ip("add_0", HlsIp.class);
        assertTrue(add.chained());
        assertEquals(7, add.call(3, 4));
        assertEquals(30, add.call(10, 20), "the first call's AP_CONTINUE let the IP go idle");
        add.start(1, 1);
        dev.map(DspLoopback.ADD, 0x10000).read32(0);  // someone else read (and cleared) AP_DONE
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> add.start(2, 2));
        assertTrue(e.getMessage().contains("apContinue()"), e.getMessage());
        add.apContinue();
        assertEquals(4, add.call(2, 2));
        HlsIp hs = SimBoards.dspLoopback(dir.resolve("hs")).ip("add_0", HlsIp.class);
        assertFalse(hs.chained());
        assertThrows(IllegalStateException.class, hs::apContinue);
    }
}
