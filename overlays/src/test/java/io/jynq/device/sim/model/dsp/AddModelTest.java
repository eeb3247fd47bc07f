package io.jynq.device.sim.model.dsp;

import static io.jynq.ip.HlsCtrlLayout.AP_DONE;
import static io.jynq.ip.HlsCtrlLayout.AP_IDLE;
import static io.jynq.ip.HlsCtrlLayout.AP_READY;
import static io.jynq.ip.HlsCtrlLayout.AP_START;
import static io.jynq.ip.HlsCtrlLayout.AUTO_RESTART;
import static io.jynq.ip.HlsCtrlLayout.CTRL;
import static io.jynq.ip.HlsCtrlLayout.GIER;
import static io.jynq.ip.HlsCtrlLayout.INTERRUPT;
import static io.jynq.ip.HlsCtrlLayout.IP_IER;
import static io.jynq.ip.HlsCtrlLayout.IP_ISR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.IrqLine;
import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.SimDevice;
import io.jynq.ip.AxiIntcLayout;
import io.jynq.testing.DspLoopback;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HLS ap_ctrl_hs protocol (UG1399 "S_AXILITE Control Register Map") on dsp_loopback's adder,
 * {@code ap_return} 0x10, {@code a} 0x18, {@code b} 0x20.
 */
class AddModelTest {
    static final int RETURN = 0x10;
    static final int A = 0x18;
    static final int B = 0x20;

    @TempDir
    Path dir;
    SimDevice board;
    RegisterSpace add;

    @BeforeEach
    void load() {
        board = DspLoopback.board(dir);
        add = board.map(DspLoopback.ADD, 0x10000);
    }

    @AfterEach
    void close() {
        board.close();
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        "0, 0, 0",
        "3, 4, 7",
        "-1, 1, 0",
        "2147483647, 1, -2147483648",
        "-2147483648, -1, 2147483647",
        "-2147483648, -2147483648, 0",
        "2147483647, 2147483647, -2",
    })
    void addReturnsTheSumWrappedTo32Bits(int a, int b, int sum) {
        add.write32(A, a);
        add.write32(B, b);
        add.write32(CTRL, AP_START);
        int ctrl = add.read32(CTRL);
        assertTrue((ctrl & AP_DONE) != 0, "done");
        assertEquals(sum, add.read32(RETURN));
    }

    @Test
    void ug1399CtrlResetIsIdle() {
        assertEquals(AP_IDLE, add.read32(CTRL));
    }

    @Test
    void ug1399ApDoneAndApReadyClearOnRead() {
        add.write32(CTRL, AP_START);
        assertEquals(AP_DONE | AP_IDLE | AP_READY, add.read32(CTRL), "AP_START fell, done, ready, idle");
        assertEquals(AP_IDLE, add.read32(CTRL), "AP_DONE and AP_READY cleared by the read");
    }

    @Test
    void ug1399AutoRestartKeepsApStartAndRecomputes() {
        add.write32(A, 1);
        add.write32(B, 2);
        add.write32(CTRL, AP_START | AUTO_RESTART);
        assertEquals(3, add.read32(RETURN));
        int ctrl = add.read32(CTRL);
        assertEquals(AP_START | AUTO_RESTART, ctrl & (AP_START | AUTO_RESTART | AP_IDLE), "still started, not idle");
        add.write32(A, 10);
        add.read32(CTRL);
        assertEquals(12, add.read32(RETURN), "the restarted invocation saw the new a");
        add.write32(CTRL, 0);
        add.read32(CTRL);
        assertTrue((add.read32(CTRL) & AP_IDLE) != 0, "clearing AUTO_RESTART lets it go idle");
    }

    @Test
    void ug1399IpIsrToggleOnWriteAndInterruptNeedsGierAndIer() {
        add.write32(CTRL, AP_START);
        assertEquals(0, add.read32(IP_ISR), "IER = 0: done does not set ISR");
        add.write32(IP_IER, 1);
        add.write32(CTRL, AP_START);
        assertEquals(1, add.read32(IP_ISR), "ap_done event");
        assertEquals(0, add.read32(CTRL) & INTERRUPT, "GIER = 0");
        add.write32(GIER, 1);
        assertTrue((add.read32(CTRL) & INTERRUPT) != 0, "GIER, IER[0], ISR[0]");
        add.write32(IP_ISR, 1);
        assertEquals(0, add.read32(IP_ISR), "toggled off");
        add.write32(IP_ISR, 1);
        assertEquals(1, add.read32(IP_ISR), "toggled on again");
    }

    @Test
    void adderInterruptReachesThePsThroughTheIntc() {
        RegisterSpace intc = board.map(DspLoopback.INTC, 0x10000);
        IrqLine line = board.irq(DspLoopback.RAW_IRQ);
        intc.write32(AxiIntcLayout.IER, 0b1000);
        intc.write32(AxiIntcLayout.MER, 3);
        add.write32(GIER, 1);
        add.write32(IP_IER, 1);
        assertFalse(line.isAsserted());
        add.write32(CTRL, AP_START);
        assertTrue(line.isAsserted(), "add_0/interrupt -> xlconcat In3 -> intc intr[3] -> IRQ_F2P[0]");
        assertEquals(3, intc.read32(AxiIntcLayout.IVR));
    }
}
