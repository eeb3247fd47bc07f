package io.jynq.device.sim.model;

import static io.jynq.ip.AxiGpioLayout.GIER;
import static io.jynq.ip.AxiGpioLayout.GPIO2_DATA;
import static io.jynq.ip.AxiGpioLayout.GPIO2_TRI;
import static io.jynq.ip.AxiGpioLayout.GPIO_DATA;
import static io.jynq.ip.AxiGpioLayout.GPIO_TRI;
import static io.jynq.ip.AxiGpioLayout.IP_IER;
import static io.jynq.ip.AxiGpioLayout.IP_ISR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.SimDevice;
import io.jynq.testing.DspLoopback;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AXI GPIO register semantics, PG144 v2.0 table by table, on dsp_loopback's {@code axi_gpio_0}:
 * channel 1 is 4 outputs ({@code C_ALL_OUTPUTS}), channel 2 is 2 inputs ({@code C_ALL_INPUTS_2}).
 */
class AxiGpioModelTest {
    @TempDir
    Path dir;
    SimDevice board;
    RegisterSpace gpio;
    AxiGpioModel model;

    @BeforeEach
    void load() {
        board = DspLoopback.board(dir);
        gpio = board.map(DspLoopback.GPIO, 0x10000);
        model = board.model("axi_gpio_0", AxiGpioModel.class);
    }

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void pg144RegistersTableResetValues() {
        assertEquals(0, gpio.read32(GPIO_DATA), "C_DOUT_DEFAULT = 0");
        assertEquals(0xF, gpio.read32(GPIO_TRI), "C_TRI_DEFAULT masked to C_GPIO_WIDTH = 4");
        assertEquals(0x3, gpio.read32(GPIO2_TRI), "C_TRI_DEFAULT_2 masked to 2 bits");
        assertEquals(0, gpio.read32(GIER));
        assertEquals(0, gpio.read32(IP_IER));
        assertEquals(0, gpio.read32(IP_ISR));
    }

    @Test
    void pg144GpioDataOutputsReadBackTheLatchMaskedToTheWidth() {
        gpio.write32(GPIO_DATA, 0xFFFF_FFF5);
        assertEquals(0x5, gpio.read32(GPIO_DATA));
        assertEquals(0x5, model.output(1), "LEDs 0 and 2 lit");
    }

    @Test
    void pg144GpioDataInputsReadThePinsAndIgnoreWrites() {
        model.setInput(2, 0b10);
        assertEquals(0b10, gpio.read32(GPIO2_DATA));
        gpio.write32(GPIO2_DATA, 0b01);
        assertEquals(0b10, gpio.read32(GPIO2_DATA), "C_ALL_INPUTS_2: DATA writes have no effect on what reads");
        model.setInput(2, 0xFF);
        assertEquals(0b11, gpio.read32(GPIO2_DATA), "pins above C_GPIO2_WIDTH do not exist");
    }

    @Test
    void pg144IpIsrToggleOnWrite() {
        model.setInput(2, 1);
        assertEquals(0b10, gpio.read32(IP_ISR), "a channel-2 input change sets ISR bit 1");
        gpio.write32(IP_ISR, 0b10);
        assertEquals(0, gpio.read32(IP_ISR), "writing 1 toggles the set bit off");
        gpio.write32(IP_ISR, 0b10);
        assertEquals(0b10, gpio.read32(IP_ISR), "writing 1 again toggles it on");
        gpio.write32(IP_ISR, 0);
        assertEquals(0b10, gpio.read32(IP_ISR), "writing 0 leaves it");
    }

    @Test
    void pg144InterruptNeedsGierAndIpIer() {
        model.setInput(2, 1);
        assertFalse(model.interruptAsserted(), "GIER and IER still 0");
        gpio.write32(IP_IER, 0b10);
        assertFalse(model.interruptAsserted(), "GIER still 0");
        gpio.write32(GIER, 0x8000_0000);
        assertTrue(model.interruptAsserted(), "GIER[31], IER[1] and ISR[1]");
        gpio.write32(IP_ISR, 0b10);
        assertFalse(model.interruptAsserted(), "acknowledged by toggling ISR");
        model.setInput(2, 1);
        assertFalse(model.interruptAsserted(), "no change of the pins, no interrupt");
    }

    @Test
    void pg144SetInputRejectsAChannelTheCoreLacks() {
        assertThrows(IllegalArgumentException.class, () -> model.setInput(3, 1));
    }
}
