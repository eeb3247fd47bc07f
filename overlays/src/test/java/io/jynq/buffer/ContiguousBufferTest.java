package io.jynq.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.OutOfDeviceMemoryException;
import io.jynq.testing.ScriptedDevice;
import io.jynq.testing.ScriptedMemory;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContiguousBufferTest {
    private final ScriptedDevice dev = new ScriptedDevice();

    private ContiguousBuffer alloc(DType t, long... shape) {
        return Buffers.allocate(dev, shape, t, false);
    }

    @Test
    void shapeSizeAndAddress() {
        ContiguousBuffer b = alloc(DType.INT32, 4, 5);
        assertArrayEquals(new long[] {4, 5}, b.shape());
        assertEquals(20, b.length());
        assertEquals(80, b.byteSize());
        assertEquals(0, b.physicalAddress() % 64);
        assertEquals(13, b.flatIndex(2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> b.flatIndex(4, 0));
    }

    @ParameterizedTest(name = "{0}: stored {1} reads back {2}")
    @CsvSource({"U1, -1, 255", "I1, 255, -1", "U2, 65535, 65535", "I2, 65535, -1", "U4, -1, 4294967295",
            "I4, 4294967295, -1", "U8, -1, -1", "F4, 3, 3", "F8, -7, -7"})
    void valuesAreStoredAtTheDtypesWidth(DType t, long stored, long expected) {
        ContiguousBuffer b = alloc(t, 3);
        b.setLong(1, stored);
        assertEquals(expected, b.getLong(1));
        assertEquals(0, b.getLong(0));
    }

    @Test
    void u8AboveTwoToTheSixtyThreeReadsUnsignedAsDouble() {
        ContiguousBuffer b = alloc(DType.U8, 1);
        b.setLong(0, -1);
        assertEquals(1.8446744073709552E19, b.getDouble(0));
    }

    @Test
    void bulkCopiesRoundTripAndAreLittleEndian() {
        ContiguousBuffer b = alloc(DType.U4, 4);
        b.copyFrom(new int[] {0x04030201, 2, 3, 4});
        int[] out = new int[4];
        b.copyTo(out);
        assertArrayEquals(new int[] {0x04030201, 2, 3, 4}, out);
        assertEquals(ByteOrder.LITTLE_ENDIAN, b.byteBuffer().order());
        assertEquals(1, b.byteBuffer().get(0));
        ContiguousBuffer f = alloc(DType.FLOAT32, 2);
        f.copyFrom(new float[] {1.5f, -2f});
        assertArrayEquals(new double[] {1.5, -2}, f.toDoubleArray());
    }

    @Test
    void bulkCopyOfTheWrongWidthOrLengthSaysSo() {
        ContiguousBuffer b = alloc(DType.I2, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.copyFrom(new int[4]));
        assertTrue(e.getMessage().contains("i2 takes short[]"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> b.copyFrom(new short[5]));
        assertThrows(IndexOutOfBoundsException.class, () -> b.getLong(4));
    }

    @Test
    void sliceOffsetsThePhysicalAddressAndSharesMemory() {
        ContiguousBuffer b = alloc(DType.U4, 64);
        ContiguousBuffer s = b.slice(16, 32);
        assertEquals(b.physicalAddress() + 64, s.physicalAddress());
        assertEquals(16, s.length());
        s.setLong(0, 99);
        assertEquals(99, b.getLong(16));
        ContiguousBuffer m = alloc(DType.U2, 4, 8).slice(1, 3);
        assertArrayEquals(new long[] {2, 8}, m.shape());
        assertThrows(IndexOutOfBoundsException.class, () -> b.slice(10, 65));
    }

    @Test
    void flushAndInvalidateReachTheDeviceMemoryForTheSliceRange() {
        ContiguousBuffer b = Buffers.allocate(dev, new long[] {16}, DType.U4, true);
        assertTrue(b.cacheable());
        ScriptedMemory mem = dev.memoryAt(b.physicalAddress());
        b.flush();
        b.slice(4, 8).invalidate();
        assertEquals(1, mem.flushes);
        assertEquals(1, mem.invalidates);
    }

    @Test
    void closeFreesOnceAndUseAfterCloseIsAClearError() {
        ContiguousBuffer b = alloc(DType.U4, 1024);
        ContiguousBuffer s = b.slice(0, 10);
        assertEquals(1, dev.memoryStats().liveBuffers());
        b.close();
        b.close();
        assertEquals(0, dev.memoryStats().liveBuffers());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.getLong(0));
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
        assertThrows(IllegalStateException.class, b::physicalAddress);
        assertThrows(IllegalStateException.class, () -> s.setLong(0, 1));
        assertThrows(IllegalStateException.class, b::flush);
        assertTrue(b.toString().endsWith("closed]"));
    }

    @Test
    void allocationLargerThanMemoryNamesTheLargestFreeBlockAndLeavesStateIntact() {
        dev.memoryLimit(1 << 20);
        ContiguousBuffer keep = alloc(DType.U1, 1000);
        OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class, () -> alloc(DType.U4, 1 << 20));
        assertTrue(e.getMessage().contains("largest free block"), e.getMessage());
        assertEquals(1, dev.memoryStats().liveBuffers());
        keep.setLong(999, 7);
        assertEquals(7, keep.getLong(999));
    }

    @Test
    void badShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> alloc(DType.U1));
        assertThrows(IllegalArgumentException.class, () -> alloc(DType.U1, 4, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> alloc(DType.U8, 1L << 30));
        assertTrue(e.getMessage().contains("2 GiB"));
    }

    @Test
    void dtypeParsesNumpySpellings() {
        assertEquals(DType.U4, DType.parse("uint32"));
        assertEquals(DType.I2, DType.parse("<i2"));
        assertEquals(DType.F8, DType.parse("float64"));
        assertEquals(DType.INT32, DType.I4);
        assertThrows(IllegalArgumentException.class, () -> DType.parse(">u4"));
    }

    @Test
    void toStringShowsTheFirstValues() {
        ContiguousBuffer b = alloc(DType.I4, 10);
        for (int i = 0; i < 10; i++) {
            b.setInt(i, i);
        }
        assertEquals("ContiguousBuffer[i4[10] @ 0x" + Long.toHexString(b.physicalAddress())
                + ", 40 bytes: 0, 1, 2, 3, 4, 5, 6, 7, ...]", b.toString());
    }
}
