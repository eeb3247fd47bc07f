package io.jynq.mmio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.testing.BusAccess;
import io.jynq.testing.ScriptedDevice;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MmioTest {
    private static final long BASE = 0x4120_0000L;
    private final ScriptedDevice dev = new ScriptedDevice();
    private final Mmio mmio = new Mmio(dev, BASE, 0x1000, "leds_gpio");

    @Test
    void read32AndWrite32GoToTheBusAtBasePlusOffset() {
        dev.strict().expectWrite(BASE + 0x4, 0).expectWrite(BASE, 0xF).expectRead(BASE, 0xA);
        mmio.write32(0x4, 0);
        mmio.write(0x0, 0xFL);
        assertEquals(0xA, mmio.read32(0x0));
        dev.verify();
    }

    @Test
    void readIsUnsigned() {
        dev.poke(BASE + 8, 0xFFFF_FFFFL);
        assertEquals(0xFFFF_FFFFL, mmio.read(8));
        assertEquals(-1, mmio.read32(8));
    }

    @Test
    void lastWordIsLegalAndOneBeyondIsNot() {
        mmio.write32(0xFFC, 7);
        assertEquals(7, mmio.read32(0xFFC));
        MmioException e = assertThrows(MmioException.class, () -> mmio.read32(0x1000));
        assertEquals("MMIO read32 at offset 0x1000 (4 bytes) is outside leds_gpio [0x41200000, +0x1000)", e.getMessage());
        assertEquals("leds_gpio", e.ipName());
        assertEquals(BASE, e.physicalAddress());
        assertEquals(0x1000, e.offset());
        assertEquals(0x1000, e.byteLength());
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"read32, 0x6", "write32, 0x2", "read64, 0x4", "write16, 0x1", "read32, -4", "write64, 0xffc", "read8, 0x1000"})
    void refusedAccessesNeverReachTheBus(String op, String offsetText) {
        long offset = Long.decode(offsetText);
        dev.strict();
        MmioException e = assertThrows(MmioException.class, () -> {
            switch (op) {
                case "read32" -> mmio.read32(offset);
                case "write32" -> mmio.write32(offset, 1);
                case "read64" -> mmio.read64(offset);
                case "write64" -> mmio.write64(offset, 1);
                case "write16" -> mmio.write16(offset, (short) 1);
                case "read8" -> mmio.read8(offset);
                default -> throw new IllegalStateException(op);
            }
        });
        assertTrue(e.getMessage().contains("leds_gpio [0x41200000, +0x1000)"), e.getMessage());
        assertTrue(dev.traffic().isEmpty());
    }

    @Test
    void unalignedMessageSaysWhatToDo() {
        MmioException e = assertThrows(MmioException.class, () -> mmio.write32(0x6, 1));
        assertTrue(e.getMessage().contains("not 4-byte aligned"), e.getMessage());
        assertTrue(e.getMessage().contains("multiple of 4"), e.getMessage());
    }

    @Test
    void sixtyFourBitAccessIsLowWordFirst() {
        dev.strict().expectWrite(BASE + 0x10, 0x89ABCDEFL).expectWrite(BASE + 0x14, 0x01234567L)
                .expectRead(BASE + 0x10, 0x1).expectRead(BASE + 0x14, 0x2);
        mmio.write64(0x10, 0x0123_4567_89AB_CDEFL);
        assertEquals(0x2_0000_0001L, mmio.read64(0x10));
        dev.verify();
    }

    @Test
    void byteArraysMoveAsLittleEndianWordsThenBytes() {
        mmio.write(0x20, new byte[] {1, 2, 3, 4, 5});
        List<BusAccess> w = dev.writes();
        assertEquals(List.of(BusAccess.write(BASE + 0x20, 0x04030201L), new BusAccess(true, BASE + 0x24, 1, 5)), w);
        dev.poke(BASE + 0x40, 0x11223344L);
        byte[] out = new byte[4];
        mmio.read(0x40, out);
        assertArrayEquals(new byte[] {0x44, 0x33, 0x22, 0x11}, out);
    }

    @Test
    void intArraysRoundTrip() {
        int[] in = {1, -2, 3, Integer.MIN_VALUE};
        mmio.write(0x100, in);
        int[] out = new int[4];
        mmio.read(0x100, out);
        assertArrayEquals(in, out);
        assertThrows(MmioException.class, () -> mmio.write(0xFF8, new int[3]));
    }

    @Test
    void valueTooWideForThirtyTwoBitsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mmio.write(0, 0x1_0000_0000L));
        assertTrue(e.getMessage().contains("does not fit in 32 bits"));
        assertTrue(dev.traffic().isEmpty());
    }

    @Test
    void toStringIsOneLine() {
        assertEquals("Mmio[leds_gpio @ 0x41200000, 0x1000 bytes]", mmio.toString());
    }
}
