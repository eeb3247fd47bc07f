package io.jynq.drivers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.device.sim.Sim;
import io.jynq.device.sim.SimDevice;
import io.jynq.device.sim.model.AxiGpioModel;
import io.jynq.device.sim.model.HlsModel;
import io.jynq.device.sim.model.IpContext;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.drivers.gpio.AxiGpio;
import io.jynq.drivers.hls.HlsIp;
import io.jynq.drivers.intc.AxiIntc;
import io.jynq.metadata.IpDescription;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.SharedData;
import io.jynq.testing.SimBoards;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real input: PYNQ-Z1's base overlay (.hwh and .bit from ../shared) on the simulated board. */
class PynqZ1BaseTest {
    private static final String TRACE_CNTRL = "xilinx.com:hls:trace_cntrl_32:1.4";
    @TempDir
    Path dir;
    private Overlay ol;
    private SimDevice dev;

    /** A stand-in for the trace controller: on AP_START it sends length_r words 0, 1, 2... with TLAST on capture_32. */
    static final class TraceSource extends HlsModel {
        TraceSource(IpContext ctx) {
            super(ctx);
        }

        @Override
        protected boolean compute() {
            int n = arg("length_r");
            ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                b.putInt(i * 3);
            }
            context.streamOut("capture_32").send(b.array(), true);
            return true;
        }
    }

    @BeforeEach
    void load() {
        Path bit = SharedData.bit("pynqz1_base.bit");
        Path hwh = SharedData.hwh("pynqz1_base.hwh");
        Sim.register(TRACE_CNTRL, TraceSource::new);
        dev = SimBoards.open(dir, 32);
        ol = Overlay.load(bit.toString(), LoadOptions.defaults().withDevice(dev).withHwh(hwh));
    }

    @AfterEach
    void forget() {
        Sim.unregister(TRACE_CNTRL);
    }

    @Test
    void everyIpIsReachable() {
        int n = 0;
        for (IpDescription d : ol.ipDict().values()) {
            if (d.processingSystem()) {
                continue;
            }
            DefaultIp ip = ol.ip(d.name());
            assertEquals(d.physAddr(), ip.mmio().physicalAddress(), d.name());
            ip.mmio().read32(0);
            n++;
        }
        assertEquals(23, n);
    }

    @Test
    void gpioDmaAndIntcAreBoundToTypedDrivers() {
        for (String g : new String[] {"btns_gpio", "leds_gpio", "switches_gpio", "rgbleds_gpio",
                "video/hdmi_in/frontend/axi_gpio_hdmiin"}) {
            assertInstanceOf(AxiGpio.class, ol.ip(g), g);
        }
        assertInstanceOf(AxiDma.class, ol.ip("trace_analyzer_pmoda/axi_dma_0"));
        assertInstanceOf(AxiDma.class, ol.ip("trace_analyzer_arduino/axi_dma_0"));
        assertInstanceOf(AxiIntc.class, ol.ip("system_interrupts"));
        assertInstanceOf(HlsIp.class, ol.ip("video/hdmi_in/color_convert"));
        assertEquals(DefaultIp.class, ol.ip("video/axi_vdma").getClass());
        assertInstanceOf(AxiGpio.class, ol.hierarchy("video/hdmi_in/frontend").ip("axi_gpio_hdmiin"));
    }

    @Test
    void buttonsAreReadable() {
        AxiGpio btns = ol.ip("btns_gpio", AxiGpio.class);
        assertEquals(4, btns.channel1().width());
        assertEquals(0, btns.channel1().read());
        dev.withModels(() -> dev.model("btns_gpio", AxiGpioModel.class).setInput(1, 0b0101));
        assertEquals(0b0101, btns.channel1().read());
        assertEquals(1, btns.channel1().pin(2).read());
        assertEquals(0, btns.channel1().pin(1).read());
    }

    @Test
    void traceAnalyzerS2mmTransferCompletes() {
        AxiDma dma = ol.ip("trace_analyzer_pmoda/axi_dma_0", AxiDma.class);
        assertThrows(IllegalStateException.class, dma::sendChannel);
        HlsIp trace = ol.ip("trace_analyzer_pmoda/trace_cntrl_32_0", HlsIp.class);
        assertEquals("[trigger_V@0x10:32, length_r@0x18:32]", trace.args().toString());
        try (ContiguousBuffer buf = Buffers.allocate(dev, new long[] {256}, DType.U4, false)) {
            dma.recvChannel().transfer(buf);
            trace.call(0, 100);
            dma.recvChannel().await(Duration.ofSeconds(1));
            assertEquals(400, dma.recvChannel().transferred());
            int[] got = new int[100];
            buf.copyTo(got);
            int[] want = new int[100];
            for (int i = 0; i < 100; i++) {
                want[i] = 3 * i;
            }
            assertArrayEquals(want, got);
        }
    }

    @Test
    void metadataViewsAreThoseOfTheHwh() {
        assertEquals(61, ol.interruptControllers().get("system_interrupts").rawIrq());
        assertTrue(ol.interruptPins().containsKey("btns_gpio/ip2intc_irpt"));
        assertTrue(ol.hierarchyDict().containsKey("video/hdmi_in/frontend"));
        assertEquals(100.0, ol.clockDict().get(0).frequencyMhz(), 0.5);
        assertTrue(ol.bitfileName().endsWith("pynqz1_base.bit"));
    }
}
