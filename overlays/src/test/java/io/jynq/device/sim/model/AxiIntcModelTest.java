package io.jynq.device.sim.model;

import static io.jynq.ip.AxiIntcLayout.CIE;
import static io.jynq.ip.AxiIntcLayout.IAR;
import static io.jynq.ip.AxiIntcLayout.IER;
import static io.jynq.ip.AxiIntcLayout.IPR;
import static io.jynq.ip.AxiIntcLayout.ISR;
import static io.jynq.ip.AxiIntcLayout.IVR;
import static io.jynq.ip.AxiIntcLayout.MER;
import static io.jynq.ip.AxiIntcLayout.SIE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.IrqLine;
import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.SimDevice;
import io.jynq.ip.AxiGpioLayout;
import io.jynq.testing.DspLoopback;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AXI INTC register semantics, PG099 v4.1 "Register Address Map" register by register, on
 * dsp_loopback's {@code axi_intc_0} (4 level-sensitive inputs; input 2 is the GPIO's interrupt,
 * driven here by a switch), its {@code irq} on raw IRQ 61.
 */
class AxiIntcModelTest {
    @TempDir
    Path dir;
    SimDevice board;
    RegisterSpace intc;
    RegisterSpace gpio;
    IrqLine line;

    @BeforeEach
    void load() {
        board = DspLoopback.board(dir);
        intc = board.map(DspLoopback.INTC, 0x10000);
        gpio = board.map(DspLoopback.GPIO, 0x10000);
        line = board.irq(DspLoopback.RAW_IRQ);
    }

    @AfterEach
    void close() {
        board.close();
    }

    /** Makes the GPIO's interrupt output (INTC input 2) high or low. */
    private void gpioInterrupt(boolean high) {
        if (high) {
            gpio.write32(AxiGpioLayout.GIER, 0x8000_0000);
            gpio.write32(AxiGpioLayout.IP_IER, 2);
            AxiGpioModel m = board.model("axi_gpio_0", AxiGpioModel.class);
            m.setInput(2, m.input(2) ^ 1);
        } else {
            gpio.write32(AxiGpioLayout.IP_ISR, gpio.read32(AxiGpioLayout.IP_ISR));
        }
    }

    @Test
    void pg099ResetValuesAndIvrAllOnesWhenNothingPending() {
        assertEquals(0, intc.read32(ISR));
        assertEquals(0, intc.read32(IER));
        assertEquals(0, intc.read32(MER));
        assertEquals(0xFFFF_FFFF, intc.read32(IVR));
        assertFalse(line.isAsserted());
    }

    @Test
    void pg099IsrCapturesHardwareInputsOnlyOnceMerHieIsSet() {
        gpioInterrupt(true);
        assertEquals(0, intc.read32(ISR), "HIE = 0: hardware interrupts are masked");
        intc.write32(MER, 3);
        assertEquals(0b100, intc.read32(ISR), "level input 2 is active, captured once HIE = 1");
    }

    @Test
    void pg099IsrWritesAreSoftwareInterruptsWhileHieIsClearAndIgnoredAfter() {
        intc.write32(ISR, 0b1);
        assertEquals(0b1, intc.read32(ISR));
        intc.write32(IAR, 0b1);
        intc.write32(MER, 3);
        intc.write32(ISR, 0b1000);
        assertEquals(0, intc.read32(ISR) & 0b1000, "HIE = 1: writes to ISR have no effect");
    }

    @Test
    void pg099MerHieIsWriteOnce() {
        intc.write32(MER, 3);
        intc.write32(MER, 0);
        assertEquals(2, intc.read32(MER), "ME clears, HIE stays until reset");
    }

    @Test
    void pg099IprIsIsrAndIer() {
        intc.write32(MER, 3);
        gpioInterrupt(true);
        assertEquals(0, intc.read32(IPR));
        intc.write32(IER, 0b100);
        assertEquals(0b100, intc.read32(IPR));
    }

    @Test
    void pg099SieAndCieSetAndClearIerBits() {
        intc.write32(SIE, 0b1010);
        assertEquals(0b1010, intc.read32(IER));
        intc.write32(SIE, 0b0001);
        assertEquals(0b1011, intc.read32(IER));
        intc.write32(CIE, 0b0010);
        assertEquals(0b1001, intc.read32(IER));
    }

    @Test
    void pg099IvrIsTheLowestPendingInput() {
        intc.write32(ISR, 0b1100);
        intc.write32(IER, 0b1000);
        assertEquals(3, intc.read32(IVR));
        intc.write32(IER, 0b1100);
        assertEquals(2, intc.read32(IVR));
    }

    @Test
    void pg099IrqOutputFollowsMeAndPendingAndIarAcknowledges() {
        intc.write32(IER, 0b100);
        intc.write32(MER, 3);
        gpioInterrupt(true);
        assertTrue(line.isAsserted(), "ME, IER[2], ISR[2]: irq high on IRQ_F2P[0]");
        intc.write32(IAR, 0b100);
        assertTrue(line.isAsserted(), "a level input still active re-asserts ISR right after IAR");
        gpioInterrupt(false);
        intc.write32(IAR, 0b100);
        assertFalse(line.isAsserted(), "source cleared, then acknowledged");
        assertEquals(0, intc.read32(ISR));
    }

    @Test
    void pg099MeGatesTheOutput() {
        intc.write32(IER, 0b1);
        intc.write32(ISR, 0b1);
        assertFalse(line.isAsserted(), "ME = 0");
        intc.write32(MER, 1);
        assertTrue(line.isAsserted());
    }
}
