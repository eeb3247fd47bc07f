package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceMemory;
import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.model.AxiGpioModel;
import io.jynq.ip.AxiDmaLayout;
import io.jynq.ip.AxiGpioLayout;
import io.jynq.ip.HlsCtrlLayout;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real PYNQ-Z1 base overlay (.hwh and .bit from ../shared) on the simulated board. */
class PynqZ1BaseOnSimTest {
    @TempDir
    Path dir;
    SimDevice board;
    OverlayMetadata md;

    @BeforeEach
    void download() {
        md = HwhParser.parse(SharedData.hwh("pynqz1_base.hwh"));
        board = SimDevice.open(SimConfig.at(dir));
        board.download(SharedData.bit("pynqz1_base.bit"), md, false);
    }

    @AfterEach
    void close() {
        if (board != null) {  // null when ../shared is absent and the test was skipped
            board.close();
        }
    }

    @Test
    void everyIpIsReachableAndUnknownIpIsARegisterFileWithHwhResetValues() {
        int n = 0;
        for (IpDescription ip : md.ipDict().values()) {
            if (ip.processingSystem()) {
                continue;
            }
            RegisterSpace s = board.map(ip.physAddr(), Math.min(ip.addrRange(), 0x1000));
            s.read32(0);
            n++;
        }
        assertTrue(n > 20, n + " IPs");
        // the VDMA has no model: a register file starting at the .hwh's RESET_VALUEs
        RegisterSpace vdma = board.map(md.ip("video/axi_vdma").physAddr(), 0x1000);
        assertEquals(0x10042, vdma.read32(0x00), "MM2S_VDMACR RESET_VALUE");
        assertEquals(0x6200_0000, vdma.read32(0x2C), "VDMA_VERSION RESET_VALUE");
        // audio_direct_0 has no model: its registers read their last write
        IpDescription audio = md.ip("audio_direct_0");
        RegisterSpace a = board.map(audio.physAddr(), audio.addrRange());
        a.write32(0x4, 0x1234);
        assertEquals(0x1234, a.read32(0x4));
    }

    @Test
    void buttonsAreReadableAndRaiseTheirInterruptLine() {
        RegisterSpace btns = board.map(md.ip("btns_gpio").physAddr(), 0x1000);
        board.model("btns_gpio", AxiGpioModel.class).setInput(1, 0b0101);
        assertEquals(0b0101, btns.read32(AxiGpioLayout.GPIO_DATA));
        assertNotNull(board.irq(md.interruptControllers().get("system_interrupts").rawIrq()));
    }

    @Test
    void traceAnalyzerCaptureCompletesAnS2mmTransfer() {
        RegisterSpace dma = board.map(md.ip("trace_analyzer_arduino/axi_dma_0").physAddr(), 0x1000);
        RegisterSpace trace = board.map(md.ip("trace_analyzer_arduino/trace_cntrl_64_0").physAddr(), 0x1000);
        try (DeviceMemory buf = board.allocate(16 * 8, 64, false)) {
            dma.write32(AxiDmaLayout.S2MM_DMACR, AxiDmaLayout.DMACR_RS);
            dma.write32(AxiDmaLayout.S2MM_DA, (int) buf.physicalAddress());
            dma.write32(AxiDmaLayout.S2MM_LENGTH, 16 * 8);
            trace.write32(0x10, 0);   // trigger_V_1: fire at once
            trace.write32(0x1C, 16);  // length_r
            trace.write32(HlsCtrlLayout.CTRL, HlsCtrlLayout.AP_START);
            int sr = dma.read32(AxiDmaLayout.S2MM_DMASR);
            assertTrue((sr & AxiDmaLayout.DMASR_IDLE) != 0, AxiDmaLayout.describeDmasr(sr));
            assertEquals(16 * 8, dma.read32(AxiDmaLayout.S2MM_LENGTH), "through axis_data_fifo_0 to S2MM");
            assertTrue((trace.read32(HlsCtrlLayout.CTRL) & HlsCtrlLayout.AP_DONE) != 0);
        }
    }
}
