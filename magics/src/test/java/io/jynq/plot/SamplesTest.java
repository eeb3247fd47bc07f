package io.jynq.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;

class SamplesTest {

    static Stream<Arguments> sources() {
        return Stream.of(
            Arguments.of("double[]", new double[] {1, -2, 3.5}),
            Arguments.of("float[]", new float[] {1, -2, 3.5f}),
            Arguments.of("long[]", new long[] {1, -2, 3}),
            Arguments.of("int[]", new int[] {1, -2, 3}),
            Arguments.of("short[]", new short[] {1, -2, 3}),
            Arguments.of("byte[]", new byte[] {1, -2, 3}),
            Arguments.of("DoubleBuffer", DoubleBuffer.wrap(new double[] {1, -2, 3.5})),
            Arguments.of("FloatBuffer", FloatBuffer.wrap(new float[] {1, -2, 3.5f})),
            Arguments.of("LongBuffer", LongBuffer.wrap(new long[] {1, -2, 3})),
            Arguments.of("IntBuffer", IntBuffer.wrap(new int[] {1, -2, 3})),
            Arguments.of("ShortBuffer", ShortBuffer.wrap(new short[] {1, -2, 3})),
            Arguments.of("Tablesaw DoubleColumn", DoubleColumn.create("v", 1, -2, 3.5)),
            Arguments.of("Tablesaw IntColumn", IntColumn.create("v", 1, -2, 3)),
            Arguments.of("List<Double>", java.util.List.of(1.0, -2.0, 3.5)),
            Arguments.of("Integer[]", new Integer[] {1, -2, 3}),
            Arguments.of("Set of mixed Numbers", new java.util.LinkedHashSet<Number>(java.util.List.of(1, -2L, 3.5f))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void everySupportedTypeReadsItsValuesInOrder(String name, Object data) {
        Samples s = Samples.from(data);
        assertEquals(3, s.length());
        assertEquals(1.0, s.get(0));
        assertEquals(-2.0, s.get(1));
        double[] bulk = new double[5];
        s.read(1, bulk, 2, 2);
        assertEquals(-2.0, bulk[2]);
        assertEquals(s.get(2), bulk[3]);
        assertThrows(IndexOutOfBoundsException.class, () -> s.get(3));
        assertThrows(IndexOutOfBoundsException.class, () -> s.read(2, bulk, 0, 2));
    }

    @Test
    void nioViewStartsAtThePositionAndLeavesItAlone() {
        DoubleBuffer b = DoubleBuffer.wrap(new double[] {9, 8, 7, 6});
        b.position(1).limit(3);
        Samples s = Samples.of(b);
        assertEquals(2, s.length());
        assertEquals(8.0, s.get(0));
        assertEquals(7.0, s.get(1));
        assertEquals(1, b.position());
    }

    @Test
    void byteBufferIsReadInItsByteOrderAsTheDeclaredType() {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) -2).putShort(2, (short) 0x1234).putShort(4, (short) 0xFFFF).putShort(6, (short) 7);
        assertArrayEquals(new double[] {-2, 0x1234, -1, 7}, all(Samples.of(b, ElementType.INT16)));
        assertArrayEquals(new double[] {65534, 0x1234, 65535, 7}, all(Samples.of(b, ElementType.UINT16)));
        assertArrayEquals(new double[] {0xFE, 0xFF, 0x34, 0x12, 0xFF, 0xFF, 7, 0}, all(Samples.of(b, ElementType.UINT8)));
        assertEquals(0x1234FFFEL, Samples.of(b, ElementType.UINT32).get(0));
        assertEquals(0x0007FFFFL, Samples.of(b, ElementType.UINT32).get(1));
        ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0xFFFFFFFE);
        assertEquals(4294967294.0, Samples.of(word, ElementType.UINT32).get(0));
        assertEquals(-2.0, Samples.of(word, ElementType.INT32).get(0));
        ByteBuffer wide = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1L);
        assertEquals(18446744073709551615.0, Samples.of(wide, ElementType.UINT64).get(0));
        assertEquals(-1.0, Samples.of(wide, ElementType.INT64).get(0));
        ByteBuffer big = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putFloat(0, 1.5f);
        assertEquals(1.5, Samples.of(big, ElementType.FLOAT32).get(0));
    }

    @Test
    void directLittleEndianBufferFromItsPositionReadsInBulkLikeOneByOne() {
        ByteBuffer b = ByteBuffer.allocateDirect(2 + 2 * 20_000).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 20_000; i++) {
            b.putShort(2 + 2 * i, (short) (i - 10_000));
        }
        b.position(2);
        Samples s = Samples.of(b, ElementType.INT16);
        assertEquals(20_000, s.length());
        double[] bulk = all(s);
        for (int i = 0; i < 20_000; i++) {
            assertEquals((short) (i - 10_000), bulk[i], "element " + i);
            assertEquals(bulk[i], s.get(i));
        }
        assertEquals(2, b.position(), "position untouched");
        XyData d = MinMaxDecimator.decimate(s, 100);
        assertEquals(-10_000.0, Arrays.stream(d.y()).min().getAsDouble());
    }

    @Test
    void elementTypeFollowsANumpyStyleDtype() {
        assertEquals(ElementType.INT16, ElementType.of(2, true, false));   // i2
        assertEquals(ElementType.UINT32, ElementType.of(4, false, false)); // u4
        assertEquals(ElementType.FLOAT64, ElementType.of(8, true, true));  // f8
        var e = assertThrows(IllegalArgumentException.class, () -> ElementType.of(2, true, true));
        assertEquals("no element type of 2 bytes, floating point (expected 1, 2, 4 or 8 bytes; 4 or 8 for floating point)",
            e.getMessage());
    }

    @Test
    void byteBufferWithAPartialElementIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Samples.of(ByteBuffer.allocate(10), ElementType.INT32));
        assertEquals("ByteBuffer of 10 remaining bytes is not a whole number of INT32 elements (4 bytes each)", e.getMessage());
    }

    @Test
    void bareByteBufferAsksForItsElementType() {
        var e = assertThrows(IllegalArgumentException.class, () -> Samples.from(ByteBuffer.allocate(4)));
        assertTrue(e.getMessage().contains("ElementType"), e.getMessage());
    }

    @Test
    void tablesawMissingValuesReadAsNaN() {
        IntColumn c = IntColumn.create("v", 1, 2);
        c.appendMissing();
        assertTrue(Double.isNaN(Samples.of(c).get(2)));
    }

    @Test
    void unsupportedTypeListsWhatIsSupported() {
        var e = assertThrows(IllegalArgumentException.class, () -> Samples.from("hello"));
        assertTrue(e.getMessage().startsWith("cannot plot java.lang.String: expected double[], float[]"), e.getMessage());
        assertTrue(e.getMessage().contains("TestSignal"), "registered adapters are listed: " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Samples.from(null));
    }

    @Test
    void anAdapterFoundByServiceLoaderMakesANewTypePlottable() {
        // TestSignalAdapter is registered in src/test/resources/META-INF/services: Plot is unchanged
        var chart = Plot.line(new TestSignalAdapter.TestSignal(5));
        assertArrayEquals(new double[] {0, 2, 4, 6, 8}, chart.getSeriesMap().get("y").getYData());
    }

    @Test
    void aListWithSomethingElseNamesTheElement() {
        var e = assertThrows(IllegalArgumentException.class, () -> Samples.from(java.util.List.of(1, "two")));
        assertEquals("cannot plot element 1 of the collection: java.lang.String is not a Number", e.getMessage());
        assertTrue(Double.isNaN(Samples.from(java.util.Arrays.asList(1.0, null)).get(1)));
    }

    @Test
    void rampIsATimeAxis() {
        Samples t = Samples.ramp(10, 0.5, 4);
        assertArrayEquals(new double[] {10, 10.5, 11, 11.5}, all(t));
    }

    static double[] all(Samples s) {
        double[] a = new double[(int) s.length()];
        s.read(0, a, 0, a.length);
        return a;
    }
}
