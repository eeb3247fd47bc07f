package io.jynq.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.Devices;
import io.jynq.device.sim.SimDevice;
import io.jynq.overlay.pkg.OverlayFinder;
import io.jynq.testing.SimBoards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import jdk.jshell.EvalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %overlay load} of an overlay whose package describes devices, on the simulated board and
 * in a real JShell: {@code ol.dsp_loopback} calls DSP_LOOPBACK's operations with typed methods,
 * opens on first use, completes with Tab, and a device that cannot open says why in one line.
 */
class OverlayDevicesMagicTest {
    @TempDir
    Path dir;
    private SimDevice board;
    private JShellContext ctx;

    @BeforeEach
    void board() {
        board = SimBoards.open(dir, 64);
        Devices.setActive(board);
        System.setProperty("jynq.cc.cache", dir.resolve("cc").toString());
        ctx = new JShellContext();
    }

    @AfterEach
    void restore() {
        ctx.close();
        Devices.setActive(null);
        board.close();
        System.clearProperty("jynq.cc.cache");
    }

    @Test
    void typedOperationsRunOnTheSimulatedBoardAndOpenOnFirstUse() {
        new OverlayMagic().eval(ctx, List.of("load", "dsp_loopback"));
        assertTrue(ctx.printed().contains("ol.dsp_loopback calls the operations of device DSP_LOOPBACK"), ctx.printed());

        // not opened by the load: its AT_INIT PASS_THROUGH (FIR taps 1, 0, ..., 0) has not run yet
        ctx.eval("""
                int[] loopback(int... x) {
                    try (var in = io.jynq.buffer.Buffers.allocate(x.length, io.jynq.buffer.DType.INT32);
                         var out = io.jynq.buffer.Buffers.allocate(x.length, io.jynq.buffer.DType.INT32)) {
                        in.copyFrom(x);
                        ol.axi_dma_0.recvChannel().transfer(out);
                        ol.axi_dma_0.sendChannel().transfer(in);
                        ol.axi_dma_0.sendChannel().await(java.time.Duration.ofSeconds(1));
                        ol.axi_dma_0.recvChannel().await(java.time.Duration.ofSeconds(1));
                        int[] y = new int[x.length];
                        out.copyTo(y);
                        return y;
                    }
                }""");
        ctx.eval("int[] copy(io.jynq.buffer.ContiguousBuffer b) { int[] y = new int[(int) b.byteSize() / 4]; b.copyTo(y); return y; }");
        ctx.eval("ol.fir_0.registers().write(\"coef_0\", 7);");
        assertEquals("\"[7, 14, 21]\"", ctx.eval("java.util.Arrays.toString(loopback(1, 2, 3))"));
        assertTrue(ctx.eval("ol.dsp_loopback.toString()").contains("not opened yet"));
        assertEquals("42", ctx.eval("ol.dsp_loopback.add(2, 40)"));
        assertEquals("\"[1, 2, 3]\"", ctx.eval("java.util.Arrays.toString(loopback(1, 2, 3))"), "AT_INIT ran on the first call");
        assertTrue(ctx.eval("ol.dsp_loopback.toString()").contains("BoundDevice[DSP_LOOPBACK"));
        assertEquals("-2147483648", ctx.eval("ol.dsp_loopback.add(Integer.MAX_VALUE, 1)"));

        // a driver method with an unsigned index (long) and a signed value
        ctx.eval("ol.dsp_loopback.writeWord(3, -7);");
        assertEquals("-7", ctx.eval("ol.dsp_loopback.readWord(3)"));

        // C functions over a contiguous buffer, through SEND_BUFFER
        byte[] data = new byte[1000];
        new Random(5).nextBytes(data);
        // one snippet per eval, as JShell takes them
        ctx.eval("var bytes = new byte[1000];");
        ctx.eval("new java.util.Random(5).nextBytes(bytes);");
        ctx.eval("var buf = io.jynq.buffer.Buffers.allocate(1000, io.jynq.buffer.DType.UINT8);");
        ctx.eval("buf.copyFrom(bytes);");
        assertEquals(Long.toString(fnv1a(data)), ctx.eval("ol.dsp_loopback.checksum(buf)"));
        ctx.eval("var samples = io.jynq.buffer.Buffers.allocate(3, io.jynq.buffer.DType.INT32);");
        ctx.eval("samples.copyFrom(new int[] {1, -2, 3});");
        assertEquals("3", ctx.eval("ol.dsp_loopback.scale(samples)"), "gain defaults to 2");
        assertEquals("3", ctx.eval("ol.dsp_loopback.scale(samples, 5)"));
        assertEquals("\"[10, -20, 30]\"", ctx.eval("java.util.Arrays.toString(copy(samples))"));

        List<String> methods = ctx.complete("ol.dsp_loopback.");
        assertTrue(methods.containsAll(List.of("add(", "checksum(", "scale(", "setTaps(", "readWord(", "writeWord(")),
                methods.toString());
        assertTrue(ctx.complete("ol.dsp").contains("dsp_loopback"), ctx.complete("ol.dsp").toString());
        // what inspection (Shift-Tab) shows: the signature with the description's argument names
        String code = "ol.dsp_loopback.writeWord(";
        List<String> signatures = ctx.shell.sourceCodeAnalysis().documentation(code, code.length(), false).stream()
                .map(d -> d.signature()).toList();
        assertEquals(List.of("void DspLoopbackOverlay.DspLoopback.writeWord(long index, int value)"), signatures);
    }

    static long fnv1a(byte[] data) {
        long h = 2166136261L;
        for (byte b : data) {
            h ^= b & 0xFF;
            h = (h * 16777619L) & 0xFFFF_FFFFL;
        }
        return h;
    }

    /** A copy of the bundled package in {@code dir/name}, its description edited by {@code edit}. */
    private Path packageCopy(String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path from = OverlayFinder.standard().find("dsp_loopback").pkg().orElseThrow().folder();
        Path to = dir.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        Path d2l = to.resolve("dsp_loopback.d2l.yaml");
        Files.writeString(d2l, edit.apply(Files.readString(d2l)));
        return to;
    }

    @Test
    void aDeviceThatCannotOpenSaysWhyInOneLineAndTheRestOfTheFacadeWorks() throws IOException {
        Path pkg = packageCopy("misnamed", s -> s.replace("{write: coef_7, value: 0}", "{write: coef_9, value: 0}"));
        new OverlayMagic().eval(ctx, List.of("load", pkg.toString()));

        AssertionError e = assertThrows(AssertionError.class, () -> ctx.eval("ol.dsp_loopback.add(2, 40)"));
        EvalException thrown = (EvalException) e.getCause();
        assertEquals(DeviceOpenException.class.getName(), thrown.getExceptionClassName());
        String m = thrown.getMessage();
        assertTrue(m.startsWith("device DSP_LOOPBACK of overlay dsp_loopback did not open: "), m);
        assertTrue(m.contains("dsp_loopback.d2l.yaml:") && m.contains("coef_9"), m);
        assertFalse(m.contains("\n"), m);
        assertEquals(0, thrown.getStackTrace().length, "one line in the notebook: no frames");
        assertEquals(null, thrown.getCause(), "one line in the notebook: no 'Caused by'");
        // nothing opened, so nothing ran: the IPs still work, and the next call tries again
        assertEquals("7", ctx.eval("ol.add_0.call(3, 4)"));
        assertThrows(AssertionError.class, () -> ctx.eval("ol.dsp_loopback.add(2, 40)"));
    }

    @Test
    void anInvalidDescriptionLeavesTheDevicesOutWithOneLineAndLoadsTheRest() throws IOException {
        Path pkg = packageCopy("badtype", s -> s.replace("{name: a, type: int32_t}", "{name: a, type: int33_t}"));
        new OverlayMagic().eval(ctx, List.of("load", pkg.toString()));

        String warning = ctx.printed().lines().filter(l -> l.startsWith("device operations of dsp_loopback left out"))
                .findFirst().orElseThrow(() -> new AssertionError(ctx.printed()));
        assertTrue(warning.contains("dsp_loopback.d2l.yaml:") && warning.contains("int33_t"), warning);
        assertEquals("2", ctx.eval("DspLoopbackOverlay.class.getConstructors()[0].getParameterCount()"));
        assertEquals("7", ctx.eval("ol.add_0.call(3, 4)"));
    }

    @Test
    void anOverlayWithoutAPackageGetsTheFacadeWithoutDevices() throws IOException {
        Path from = OverlayFinder.standard().find("dsp_loopback").pkg().orElseThrow().folder();
        Path bare = Files.createDirectories(dir.resolve("bare"));
        Files.copy(from.resolve("dsp_loopback.bit"), bare.resolve("dsp_loopback.bit"));
        Files.copy(from.resolve("dsp_loopback.hwh"), bare.resolve("dsp_loopback.hwh"));
        new OverlayMagic().eval(ctx, List.of("load", bare.resolve("dsp_loopback.bit").toString()));

        assertEquals("2", ctx.eval("DspLoopbackOverlay.class.getConstructors()[0].getParameterCount()"));
        assertEquals("0", ctx.eval("DspLoopbackOverlay.class.getDeclaredClasses().length"));
        assertFalse(ctx.complete("ol.").contains("dsp_loopback"));
        assertFalse(ctx.printed().contains("device"), ctx.printed());
    }
}
