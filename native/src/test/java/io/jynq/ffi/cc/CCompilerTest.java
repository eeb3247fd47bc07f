package io.jynq.ffi.cc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import io.jynq.ffi.NativeMemory;
import io.jynq.ffi.cheader.CHeaderException;
import io.jynq.ffi.cheader.CLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CCompilerTest {
    static final String DSP = """
            static unsigned calls;
            uint32_t checksum(const uint8_t *data, size_t len) {
                uint32_t s = 0;
                for (size_t i = 0; i < len; i++) s = s * 31u + data[i];
                calls++;
                return s;
            }
            void scale(float *x, int n, float gain) { for (int i = 0; i < n; i++) x[i] *= gain; }
            unsigned call_count(void) { return calls; }
            bool is_odd(int64_t v) { return v & 1; }
            int8_t negate8(int8_t v) { return -v; }
            double mean(const double *x, int n) { double s = 0; for (int i = 0; i < n; i++) s += x[i]; return s / n; }
            """;

    @TempDir
    Path cache;
    CCompiler cc;

    @BeforeEach
    void setUp() {
        cc = new CCompiler(cache, "gcc", Duration.ofMinutes(1));
    }

    /** A block of native memory as a contiguous buffer would present it. */
    static final class TestBuffer implements NativeMemory {
        final Memory memory;
        boolean closed;

        TestBuffer(long size) {
            memory = new Memory(size);
        }

        @Override
        public long address() {
            return com.sun.jna.Pointer.nativeValue(memory);
        }

        @Override
        public long byteSize() {
            return memory.size();
        }

        @Override
        public void checkOpen() {
            if (closed) {
                throw new IllegalStateException("buffer closed");
            }
        }
    }

    static long javaChecksum(byte[] data) {
        int s = 0;
        for (byte b : data) {
            s = s * 31 + (b & 0xFF);
        }
        return s & 0xFFFF_FFFFL;
    }

    @Test
    void checksumOverANativeBufferEqualsJava() {
        byte[] data = new byte[1024];
        new Random(7).nextBytes(data);
        TestBuffer buf = new TestBuffer(data.length);
        buf.memory.write(0, data, 0, data.length);
        CompiledLibrary built = cc.compile("dsp.c", DSP, List.of());
        assertFalse(built.fromCache());
        try (CLibrary lib = built.load()) {
            assertEquals(javaChecksum(data), lib.function("checksum").invoke(buf, 1024));
            assertEquals(javaChecksum(data), lib.function("checksum").invoke(data, 1024L), "byte[] works too");
            assertEquals(2L, lib.function("call_count").invoke());
        }
    }

    @Test
    void arraysAreCopiedBackAndResultsHaveJavaTypes() {
        try (CLibrary lib = cc.compile("dsp.c", DSP, List.of()).load()) {
            float[] x = {1f, 2f, 3f};
            assertNull(lib.function("scale").invoke(x, 3, 2.0));
            assertArrayEquals(new float[] {2f, 4f, 6f}, x);
            assertEquals(Boolean.TRUE, lib.function("is_odd").invoke(7L));
            assertEquals(Boolean.FALSE, lib.function("is_odd").invoke(8));
            assertEquals((byte) -5, lib.function("negate8").invoke(5));
            assertEquals(2.5, lib.function("mean").invoke(new double[] {1, 2, 3, 4}, 4));
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeTheCall() {
        TestBuffer buf = new TestBuffer(16);
        try (CLibrary lib = cc.compile("dsp.c", DSP, List.of()).load()) {
            var checksum = lib.function("checksum");
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> checksum.invoke(buf));
            assertEquals("uint32_t checksum(const uint8_t *data, size_t len) (dsp.c:2) takes 2 arguments, got 1",
                    count.getMessage());
            IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                    () -> checksum.invoke(new float[4], 4));
            assertTrue(type.getMessage().startsWith("argument 'data' (const uint8_t *) of uint32_t checksum("), type.getMessage());
            assertThrows(IllegalArgumentException.class, () -> lib.function("negate8").invoke(200));
            assertThrows(IllegalArgumentException.class, () -> lib.function("scale").invoke(new float[1], 1.5, 1f));
            IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> checksum.invoke(null, 0));
            assertTrue(nul.getMessage().startsWith("argument 'data' (const uint8_t *) of uint32_t checksum("), nul.getMessage());
            IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class, () -> checksum.invoke(buf, 17));
            assertTrue(tooLong.getMessage().contains("argument 'len'") && tooLong.getMessage().contains("16 bytes of argument 'data'"),
                    tooLong.getMessage());
            assertThrows(IllegalArgumentException.class, () -> checksum.invoke(buf, 1L << 40));
            assertThrows(IllegalArgumentException.class, () -> checksum.invoke(buf, -1L), "size_t -1 is 2^64-1 bytes");
            buf.closed = true;
            IllegalArgumentException closed = assertThrows(IllegalArgumentException.class, () -> checksum.invoke(buf, 16));
            assertTrue(closed.getMessage().startsWith("argument 'data'"), closed.getMessage());
            assertEquals(0L, lib.function("call_count").invoke(), "checksum was never called");
            NoSuchElementException missing = assertThrows(NoSuchElementException.class, () -> lib.function("nope"));
            assertTrue(missing.getMessage().contains("checksum"), missing.getMessage());
        }
    }

    @Test
    void theSameLibraryLoadedTwiceSurvivesClosingEither() {
        // an unchanged %%c cell run twice: the compile cache gives both loads one path
        CompiledLibrary built = cc.compile("dsp.c", DSP, List.of());
        CLibrary first = built.load();
        CLibrary second = cc.compile("dsp.c", DSP, List.of()).load();
        assertEquals(first.path(), second.path());
        first.close();
        TestBuffer buf = new TestBuffer(4);
        buf.memory.write(0, new byte[] {1, 2, 3, 4}, 0, 4);
        assertEquals(((1L * 31 + 2) * 31 + 3) * 31 + 4, second.function("checksum").invoke(buf, 4));
        second.close();
        CLibrary third = built.load();
        assertEquals(0L, third.function("call_count").invoke(), "a fresh load after the last close starts clean");
        third.close();
    }

    @Test
    void closingWhileACallRunsUnloadsOnlyAfterItReturns() throws Exception {
        String slow = "#include <unistd.h>\nint nap(int ms) { usleep(ms * 1000); return ms; }\n";
        CLibrary lib = cc.compile("slow.c", slow, List.of()).load();
        var nap = lib.function("nap");
        java.util.concurrent.CompletableFuture<Object> call = java.util.concurrent.CompletableFuture.supplyAsync(() -> nap.invoke(300));
        Thread.sleep(50);
        lib.close();  // a redefinition while the call is inside nap(): unloading now would crash on return
        assertEquals(300, call.get());
        assertThrows(IllegalStateException.class, () -> nap.invoke(1));
    }

    @Test
    void aClosedLibraryRefusesCalls() {
        CLibrary lib = cc.compile("dsp.c", DSP, List.of()).load();
        var f = lib.function("call_count");
        lib.close();
        assertThrows(IllegalStateException.class, f::invoke);
    }

    @Test
    void compileErrorsPointAtTheUsersLineWithoutTempPaths() {
        String bad = "int ok(void) { return 1; }\n\nint broken(int x) {\n    return x +;\n}\n";
        CCompileException e = assertThrows(CCompileException.class, () -> cc.compile("cell.c", bad, List.of()));
        CDiagnostic first = e.firstError();
        assertEquals("cell.c", first.file());
        assertEquals(4, first.line());
        assertTrue(e.getMessage().startsWith("cell.c:4:"), e.getMessage());
        assertFalse(e.getMessage().contains(cache.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("source.c"), e.getMessage());
        try (var files = java.nio.file.Files.list(cache)) {
            assertEquals(0, files.count(), "nothing half-built is left in the cache");
        } catch (java.io.IOException io) {
            throw new java.io.UncheckedIOException(io);
        }
    }

    @Test
    void theCacheIsKeyedBySourceAndFlags() {
        CompiledLibrary first = cc.compile("dsp.c", DSP, List.of());
        CompiledLibrary again = cc.compile("dsp.c", DSP, List.of());
        CompiledLibrary other = cc.compile("dsp.c", DSP, List.of("-DUNUSED=1"));
        assertTrue(again.fromCache());
        assertEquals(first.library(), again.library());
        assertNotEquals(first.library(), other.library());
        assertFalse(other.fromCache());
        assertTrue(Files.isRegularFile(first.library()));
    }

    @Test
    void warningsAreReportedAtTheSourceLine() {
        CompiledLibrary built = cc.compile("w.c", "int f(int x) {\n  int unused;\n  return x;\n}\n", List.of("-Wall"));
        assertEquals(1, built.warnings().size(), built.warnings().toString());
        assertEquals(2, built.warnings().get(0).line());
        assertEquals("w.c", built.warnings().get(0).file());
    }

    @Test
    void anExplicitHeaderBindsOnlyWhatItDeclares() {
        try (CLibrary lib = cc.compile("dsp.c", DSP, List.of(), "unsigned call_count(void);").load()) {
            assertEquals(List.of("call_count"), List.copyOf(lib.functions().keySet()));
        }
    }

    @Test
    void aDeclaredFunctionMissingFromTheLibraryIsNamed() {
        Path so = cc.compile("dsp.c", DSP, List.of()).library();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CLibrary.load("int checksum2(int x);", so));
        assertTrue(e.getMessage().endsWith("does not export checksum2 (header:1)"), e.getMessage());
    }

    @Test
    void anUnsupportedExportIsReportedAtItsLine() {
        CHeaderException e = assertThrows(CHeaderException.class,
                () -> cc.compile("v.c", "#include <stdarg.h>\nint sum(int n, ...) { return n; }\n", List.of()));
        assertEquals(2, e.line());
    }

    @Test
    void aMissingCompilerSaysHowToInstallOne() {
        CCompiler none = new CCompiler(cache, "no-such-gcc-xyz", Duration.ofSeconds(10));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> none.compile("a.c", "int f(void){return 0;}", List.of()));
        assertTrue(e.getMessage().contains("apt install gcc"), e.getMessage());
    }
}
