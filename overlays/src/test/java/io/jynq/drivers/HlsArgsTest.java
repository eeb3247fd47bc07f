package io.jynq.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.drivers.hls.HlsIp;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.testing.BusAccess;
import io.jynq.testing.Designs;
import io.jynq.testing.ScriptedDevice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How HlsIp lays arguments into registers: 64-bit arguments over two words, buffers by physical address. */
class HlsArgsTest {
    private static final long ADD = 0x43C1_0000L;
    @TempDir
    Path dir;
    private final ScriptedDevice dev = new ScriptedDevice();

    /** dsp_loopback with add_0's {@code b} widened to 64 bits, as Vitis lists a {@code long long} or pointer argument. */
    private HlsIp add64() {
        String hwh = Designs.dspLoopbackHwh();
        int at = hwh.indexOf("<REGISTER NAME=\"b\">");
        int size = hwh.indexOf("<PROPERTY NAME=\"SIZE\" VALUE=\"32\"/>", at);
        hwh = hwh.substring(0, size) + "<PROPERTY NAME=\"SIZE\" VALUE=\"64\"/>"
                + hwh.substring(size + "<PROPERTY NAME=\"SIZE\" VALUE=\"32\"/>".length());
        Overlay ol = Overlay.of(Designs.placeholderBit(dir, "dsp_loopback.bit"), Designs.parse(hwh, "dsp_loopback.hwh"),
                LoadOptions.defaults().withDevice(dev));
        return ol.ip("add_0", HlsIp.class);
    }

    @Test
    void sixtyFourBitArgumentsGoLowWordFirstAcrossTwoWords() {
        HlsIp add = add64();
        assertEquals("[a@0x18:32, b@0x20:64]", add.args().toString());
        dev.poke(ADD, 0x4);
        dev.onWrite(ADD, v -> dev.poke(ADD, 0x6));
        add.call(1, 0x1234_5678_9ABC_DEF0L);
        assertEquals(List.of(BusAccess.write(ADD + 0x18, 1), BusAccess.write(ADD + 0x20, 0x9ABC_DEF0L),
                BusAccess.write(ADD + 0x24, 0x1234_5678L), BusAccess.write(ADD, 1)), dev.writes());
    }

    @Test
    void buffersArePassedByPhysicalAddress() {
        HlsIp add = add64();
        ContiguousBuffer buf = Buffers.allocate(dev, new long[] {8}, DType.F4, false);
        dev.poke(ADD, 0x4);
        add.start(2.5f, buf);
        assertEquals(Float.floatToRawIntBits(2.5f), (int) dev.peek(ADD + 0x18));
        assertEquals(buf.physicalAddress(), dev.peek(ADD + 0x20) | dev.peek(ADD + 0x24) << 32);
    }

    @Test
    void aClosedBufferOrAWrongTypeIsRefusedBeforeAnyWrite() {
        HlsIp add = add64();
        ContiguousBuffer buf = Buffers.allocate(dev, new long[] {8}, DType.U4, false);
        buf.close();
        dev.poke(ADD, 0x4);
        IllegalArgumentException closed = assertThrows(IllegalArgumentException.class, () -> add.start(1, buf));
        assertEquals("argument 2 (b, 64 bits) of add_0 is a closed buffer", closed.getMessage());
        IllegalArgumentException dbl = assertThrows(IllegalArgumentException.class, () -> add.start(1.5, 2));
        assertTrue(dbl.getMessage().contains("expected an integer, boolean, float or ContiguousBuffer, got Double 1.5"),
                dbl.getMessage());
        assertTrue(dev.writes().isEmpty());
    }

    @Test
    void anIpWithoutHandshakeSaysHowToUseIt() {
        Overlay ol = Overlay.of(Designs.placeholderBit(dir, "dsp_loopback.bit"),
                Designs.parse(Designs.dspLoopbackHwh(), "dsp_loopback.hwh"), LoadOptions.defaults().withDevice(dev));
        HlsIp fir = ol.ip("fir_0", HlsIp.class);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fir.call());
        assertTrue(e.getMessage().contains("registers().write(name, value)"), e.getMessage());
    }
}
