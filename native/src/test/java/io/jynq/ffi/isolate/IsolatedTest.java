package io.jynq.ffi.isolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.ffi.NativeMemory;
import io.jynq.ffi.cc.CCompiler;
import io.jynq.ffi.cheader.CLibrary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults in C called through the helper process end the helper, never this JVM. */
class IsolatedTest {
    static final String SOURCE = """
            #include <stdlib.h>
            int add(int a, int b) { return a + b; }
            uint32_t checksum(const uint8_t *data, size_t len) {
                uint32_t s = 0;
                for (size_t i = 0; i < len; i++) s = s * 31u + data[i];
                return s;
            }
            int read_null(int *p) { volatile int *q = 0; return *q + (p != 0); }
            int read_before(uint8_t *data) { return ((volatile uint8_t *) data)[-4096]; }
            int read_far(uint8_t *data) { return ((volatile uint8_t *) data)[1ull << 40]; }
            int divide(int a, int b) { return a / b; }
            void crash(void) { abort(); }
            int recurse(int n) { volatile char pad[256]; pad[0] = (char) n; return recurse(n + 1) + pad[0]; }
            void leave(int status) { exit(status); }
            void fill(uint8_t *data, size_t n, uint8_t v) { for (size_t i = 0; i < n; i++) ((volatile uint8_t *) data)[i] = v; }
            void overrun(uint8_t *data, int len) { for (int i = 0; i < len + 128; i++) ((volatile uint8_t *) data)[i] = 0xEE; }
            void spin(void) { for (volatile unsigned long i = 0; ; i++) { } }
            void twice(int32_t *x, int n) { for (int i = 0; i < n; i++) x[i] *= 2; }
            double half(float f) { return f / 2; }
            """;

    @TempDir
    static Path dir;
    static CLibrary lib;
    static FileChannel ddr;
    static MappedByteBuffer mapped;

    /** Pages of a file mapped here and in the helper, as the simulated board's ddr.bin is. */
    record FileBuffer(long offset, long byteSize) implements NativeMemory {
        @Override
        public long address() {
            return NativeMemory.addressOf(mapped) + offset;
        }

        @Override
        public void checkOpen() {}

        @Override
        public FileWindow fileWindow() {
            return new FileWindow(dir.resolve("ddr.bin"), offset);
        }

        ByteBuffer bytes() {
            return mapped.slice((int) offset, (int) byteSize);
        }
    }

    @BeforeAll
    static void load() throws IOException {
        ddr = FileChannel.open(dir.resolve("ddr.bin"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        mapped = ddr.map(FileChannel.MapMode.READ_WRITE, 0, 1 << 20);
        CCompiler cc = new CCompiler(dir.resolve("cc"), "gcc", Duration.ofMinutes(1));
        lib = Isolated.load(cc.compile("clib.c", SOURCE, List.of()), cc);
    }

    @AfterAll
    static void close() throws IOException {
        lib.close();
        ddr.close();
    }

    Object call(String f, Object... args) {
        return lib.function(f).invoke(args);
    }

    @Test
    void callsPassScalarsBuffersAndArrays() {
        assertEquals(5, call("add", 2, 3));
        FileBuffer buf = new FileBuffer(0, 4096);
        for (int i = 0; i < 4096; i++) {
            buf.bytes().put(i, (byte) (i * 7));
        }
        long expected = 0;
        for (int i = 0; i < 4096; i++) {
            expected = (expected * 31 + ((i * 7) & 0xFF)) & 0xFFFF_FFFFL;
        }
        assertEquals(expected, call("checksum", buf, 4096L));
        int[] x = {1, -2, 3};
        call("twice", x, 3);
        assertArrayEquals(new int[] {2, -4, 6}, x, "arrays are copied back after the call");
        assertEquals(1.25, call("half", 2.5f));
    }

    NativeFaultException fault(String f, Object... args) {
        NativeFaultException e = assertThrows(NativeFaultException.class, () -> call(f, args));
        assertEquals(5, call("add", 2, 3), "the next call starts a new helper");
        return e;
    }

    @Test
    void nullDereferenceNamesTheFunctionLineAndAddress() {
        NativeFaultException e = fault("read_null", new FileBuffer(0, 4096));
        assertTrue(e.getMessage().startsWith("SIGSEGV in read_null (clib.c:8) reading 0x0"), e.getMessage());
        assertEquals("clib.c:8", e.sourceLine());
    }

    @Test
    void readingBeforeABufferHitsItsGuardPage() {
        NativeFaultException e = fault("read_before", new FileBuffer(8192, 4096));
        assertTrue(e.getMessage().contains("4096 bytes before argument 'data'"), e.getMessage());
    }

    @Test
    void readingFarBeyondFaults() {
        assertTrue(fault("read_far", new FileBuffer(8192, 4096)).getMessage().startsWith("SIGSEGV in read_far (clib.c:10)"));
    }

    @Test
    void divisionByZero() {
        NativeFaultException e = fault("divide", 1, 0);
        assertTrue(e.getMessage().startsWith("SIGFPE in divide (clib.c:11): integer division by zero"), e.getMessage());
    }

    @Test
    void abortNamesTheCallingLine() {
        NativeFaultException e = fault("crash");
        assertTrue(e.getMessage().startsWith("SIGABRT in crash (clib.c:12): abort() called"), e.getMessage());
    }

    @Test
    void unboundedRecursionIsAStackOverflow() {
        NativeFaultException e = fault("recurse", 0);
        assertTrue(e.getMessage().startsWith("SIGSEGV in recurse"), e.getMessage());
        assertTrue(e.getMessage().contains("stack overflow"), e.getMessage());
    }

    @Test
    void exitEndsOnlyTheHelper() {
        NativeFaultException e = fault("leave", 3);
        assertTrue(e.getMessage().startsWith("leave ended the helper process with exit(3)"), e.getMessage());
    }

    @Test
    void anOverrunFaultsInsteadOfWritingTheNeighbour() {
        FileBuffer a = new FileBuffer(16384, 4096);
        FileBuffer b = new FileBuffer(20480, 4096);
        call("fill", b, 4096L, 0x11);
        NativeFaultException e = fault("overrun", a, 4096);
        assertTrue(e.getMessage().contains("writing") && e.getMessage().contains("0 bytes past the end of argument 'data'"),
                e.getMessage());
        for (int i = 0; i < 4096; i++) {
            assertEquals(0x11, b.bytes().get(i), "byte " + i + " of the neighbouring buffer");
        }
    }

    @Test
    void interruptingTheCallerEndsASpinningCall() throws Exception {
        Thread[] caller = new Thread[1];
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        caller[0] = new Thread(() -> {
            try {
                call("spin");
                result.complete(null);
            } catch (Throwable t) {
                result.complete(t);
            }
        });
        caller[0].start();
        while (Isolated.helperPid() < 0 || !caller[0].getState().equals(Thread.State.RUNNABLE)) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        caller[0].interrupt();
        Throwable t = result.get(30, TimeUnit.SECONDS);
        assertTrue(t instanceof CancellationException, String.valueOf(t));
        assertEquals(5, call("add", 2, 3));
    }

    @Test
    void redefiningWhileACallRunsLeavesThatCallItsCode() throws Exception {
        CCompiler cc = new CCompiler(dir.resolve("cc"), "gcc", Duration.ofMinutes(1));
        CLibrary first = Isolated.load(cc.compile("slow.c", "#include <unistd.h>\nint nap(int ms) { usleep(ms * 1000); return ms; }\n",
                List.of()), cc);
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> first.function("nap").invoke(1500));
        Thread.sleep(300);
        // the cell run again with new source: the old library is closed, the new one bound at once
        first.close();
        CLibrary second = Isolated.load(cc.compile("slow.c", "int nap(int ms) { return -ms; }\n", List.of()), cc);
        assertEquals(1500, running.get(60, TimeUnit.SECONDS), "the running call finished in its own code");
        assertEquals(-5, second.function("nap").invoke(5));
        assertThrows(IllegalStateException.class, () -> first.function("nap").invoke(1));
        second.close();
    }

    @Test
    void aNullBufferIsRefusedBeforeTheCall() {
        assertThrows(IllegalArgumentException.class, () -> call("checksum", null, 0L));
    }
}
