package io.jynq.overlay.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.d2l.BoundDevice;
import io.jynq.drivers.bram.Bram;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.ffi.cc.CCompiler;
import io.jynq.overlay.Overlay;
import io.jynq.testing.SimBoards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled dsp_loopback package's device DSP_LOOPBACK on the simulated board: every kind of
 * implementation (driver methods, register programs, C functions with SEND_BUFFER) against the
 * hardware's behaviour and a Java reference.
 */
class DspLoopbackDeviceTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    @TempDir
    Path dir;
    private Overlay ol;
    private CCompiler cc;
    private BoundDevice dsp;

    @BeforeEach
    void open() {
        ol = SimBoards.dspLoopback(dir);
        cc = new CCompiler(dir.resolve("cc"), "gcc", Duration.ofMinutes(1));
        dsp = DeviceOps.open(ol, "DSP_LOOPBACK", cc);
    }

    private ContiguousBuffer alloc(int n, DType type) {
        return Buffers.allocate(ol.device(), new long[] {n}, type, false);
    }

    /** Sends x through the DMA loopback (and so through the FIR) and returns what comes back. */
    private int[] loopback(int[] x) {
        AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);
        try (ContiguousBuffer in = alloc(x.length, DType.INT32); ContiguousBuffer out = alloc(x.length, DType.INT32)) {
            in.copyFrom(x);
            dma.recvChannel().transfer(out);
            dma.sendChannel().transfer(in);
            dma.sendChannel().await(SECOND);
            dma.recvChannel().await(SECOND);
            int[] y = new int[x.length];
            out.copyTo(y);
            return y;
        }
    }

    @Test
    void atInitRegisterProgramMakesTheFirAPassThrough() {
        int[] x = new Random(1).ints(64).toArray();
        assertArrayEquals(x, loopback(x));
    }

    @Test
    void setTapsRegisterProgramGivesTheReferenceFir() {
        dsp.call("SET_TAPS", Map.of("c0", 1, "c1", -2, "c3", 5));
        int[] x = new Random(2).ints(200, -1000, 1000).toArray();
        int[] y = new int[x.length];
        for (int n = 0; n < x.length; n++) {
            y[n] = x[n] - 2 * (n >= 1 ? x[n - 1] : 0) + 5 * (n >= 3 ? x[n - 3] : 0);
        }
        assertArrayEquals(y, loopback(x));
    }

    @ParameterizedTest(name = "ADD({0}, {1}) = {2}")
    @CsvSource({"2, 40, 42", "-5, 3, -2", "2147483647, 1, -2147483648"})
    void addRegisterProgramAndDriverMethodAgree(int a, int b, long sum) {
        assertEquals(sum, dsp.call("ADD", Map.of("a", a, "b", b)));
        assertEquals(sum, dsp.call("ADD_WITH_DRIVER", Map.of("a", a, "b", b)));
    }

    @Test
    void blockRamDriverMethodsConvertArguments() {
        dsp.call("WRITE_WORD", Map.of("index", 3, "value", -7));
        assertEquals(-7, ol.ip("axi_bram_ctrl_0", Bram.class).readWord(3));
        assertEquals(-7L, dsp.call("READ_WORD", Map.of("index", 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dsp.call("WRITE_WORD", Map.of("index", 3, "value", 1L << 33)));
        assertTrue(e.getMessage().contains("\"value\""), e.getMessage());
    }

    static long fnv1a(byte[] data) {
        long h = 2166136261L;
        for (byte b : data) {
            h ^= b & 0xFF;
            h = (h * 16777619L) & 0xFFFF_FFFFL;
        }
        return h;
    }

    @Test
    void checksumInCEqualsJava() {
        byte[] data = new byte[1000];
        new Random(3).nextBytes(data);
        try (ContiguousBuffer buf = alloc(data.length, DType.UINT8)) {
            buf.copyFrom(data);
            assertEquals(fnv1a(data), dsp.call("CHECKSUM", Map.of("data", buf)));
            byte[] middle = java.util.Arrays.copyOfRange(data, 100, 116);
            assertEquals(fnv1a(middle), dsp.call("CHECKSUM", Map.of("data", buf.slice(100, 116))));
        }
    }

    @Test
    void scaleInCWorksInPlaceAsJavaWould() {
        int[] x = new Random(4).ints(513).toArray();
        try (ContiguousBuffer buf = alloc(x.length, DType.INT32)) {
            buf.copyFrom(x);
            assertEquals((long) x.length, dsp.call("SCALE", Map.of("data", buf, "gain", -3)));
            int[] y = new int[x.length];
            buf.copyTo(y);
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i] * -3, y[i], "sample " + i);
            }
            dsp.call("SCALE", Map.of("data", buf)); // default gain 2
            buf.copyTo(y);
            assertEquals(x[7] * -6, y[7]);
        }
    }

    /** As on a board, where a buffer has a native address (u-dma-buf): C gets the pointer itself, no copy. */
    @Test
    void memoryWithANativeAddressIsPassedAsItsPointer() {
        com.sun.jna.Memory native_ = new com.sun.jna.Memory(12);
        native_.write(0, new int[] {1, -2, 3}, 0, 3);
        io.jynq.ffi.NativeMemory m = new io.jynq.ffi.NativeMemory() {
            @Override
            public long address() {
                return com.sun.jna.Pointer.nativeValue(native_);
            }

            @Override
            public long byteSize() {
                return 12;
            }

            @Override
            public void checkOpen() {
            }
        };
        assertEquals(3L, dsp.call("SCALE", Map.of("data", m, "gain", 10)));
        assertArrayEquals(new int[] {10, -20, 30}, native_.getIntArray(0, 3));
        native_.close();
    }

    @Test
    void lengthIsAutomaticAndAClosedBufferIsRefused() {
        ContiguousBuffer buf = alloc(16, DType.UINT8);
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> dsp.call("CHECKSUM", Map.of("data", buf, "len_data", 3)));
        assertTrue(len.getMessage().contains("set from the buffer's size"), len.getMessage());
        buf.close();
        IllegalArgumentException closed = assertThrows(IllegalArgumentException.class,
                () -> dsp.call("CHECKSUM", Map.of("data", buf)));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }

    /** The C operations run in the helper process: a helper ended mid-session is replaced at the next call. */
    @Test
    void cOperationsRunInTheHelperProcessAndSurviveItsEnd() {
        try (ContiguousBuffer buf = alloc(4096, DType.UINT8)) {
            byte[] data = new byte[4096];
            new Random(7).nextBytes(data);
            buf.copyFrom(data);
            assertEquals(fnv1a(data), dsp.call("CHECKSUM", Map.of("data", buf)));
            long first = io.jynq.ffi.isolate.Isolated.helperPid();
            assertTrue(first > 0 && first != ProcessHandle.current().pid(), "CHECKSUM ran in a helper process: " + first);
            io.jynq.ffi.isolate.Isolated.restartHelper();  // as a crash in C code would end it
            assertEquals(fnv1a(data), dsp.call("CHECKSUM", Map.of("data", buf)));
            long second = io.jynq.ffi.isolate.Isolated.helperPid();
            assertTrue(second > 0 && second != first, "a new helper: " + first + " then " + second);
        }
    }

    @Test
    void theNativeLibraryIsBuiltOnceAndReusedByTheNextOpen() throws IOException {
        long built = libraries();  // the package's library and its call shim for the helper process
        assertTrue(built >= 1 && built <= 2, "libraries: " + built);
        BoundDevice again = DeviceOps.open(ol, "DSP_LOOPBACK", cc);
        assertEquals(built, libraries());
        try (ContiguousBuffer buf = alloc(4, DType.UINT8)) {
            buf.copyFrom(new byte[] {1, 2, 3, 4});
            assertEquals(fnv1a(new byte[] {1, 2, 3, 4}), again.call("CHECKSUM", Map.of("data", buf)));
        }
    }

    private long libraries() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("cc"))) {
            return s.filter(p -> p.toString().endsWith(".so")).count();
        }
    }

    /** A typed view of DSP_LOOPBACK, as a notebook author would declare it. */
    interface Dsp {
        int add(int a, int b);

        long addWithDriver(long a, long b);

        void writeWord(int index, int value);

        int readWord(int index);

        long checksum(ContiguousBuffer data);

        int scale(ContiguousBuffer data);

        default int twice(int a) {
            return add(a, a);
        }
    }

    interface Wrong {
        int add(int a);
    }

    interface Unknown {
        void fir();
    }

    @Test
    void typedFacadeCallsOperationsByMethodName() {
        Dsp typed = DeviceOps.facade(dsp, Dsp.class);
        assertEquals(42, typed.add(2, 40));
        assertEquals(-2L, typed.addWithDriver(-5, 3));
        assertEquals(42, typed.twice(21));
        typed.writeWord(5, 1234);
        assertEquals(1234, typed.readWord(5));
        try (ContiguousBuffer buf = alloc(8, DType.INT32)) {
            buf.copyFrom(new int[] {1, 2, 3, 4, 5, 6, 7, 8});
            assertEquals(8, typed.scale(buf));
            assertEquals(16, buf.getInt(7));
            byte[] bytes = new byte[32];
            buf.byteBuffer().get(bytes);
            assertEquals(fnv1a(bytes), typed.checksum(buf));
        }
        assertEquals("BoundDevice[DSP_LOOPBACK, 9 operations]", typed.toString());
    }

    @Test
    void typedFacadeIsCheckedWhenMade() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> DeviceOps.facade(dsp, Wrong.class));
        assertEquals("Wrong.add takes 1 parameters but ADD(int32_t a, int32_t b) -> int32_t takes 2", wrong.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DeviceOps.facade(dsp, Unknown.class));
        assertTrue(unknown.getMessage().startsWith("Unknown.fir has no operation in device DSP_LOOPBACK; methods it can"
                + " have: [resetDma, passThrough, setTaps, add,"), unknown.getMessage());
    }

    @Test
    void unknownDeviceListsTheDevices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceOps.open(ol, "FIR", cc));
        assertEquals("overlay package dsp_loopback has no device \"FIR\"; devices: DSP_LOOPBACK", e.getMessage());
    }
}
