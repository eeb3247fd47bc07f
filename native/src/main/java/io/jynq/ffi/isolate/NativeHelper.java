package io.jynq.ffi.isolate;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.jynq.ffi.NativeMemory;
import io.jynq.ffi.cc.CCompiler;
import io.jynq.ffi.cheader.CDeclaration;
import io.jynq.ffi.cheader.CKind;
import io.jynq.ffi.cheader.CParameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One helper process ({@code jynq_helper.c}, built with gcc on first use and cached) that runs C
 * functions for this JVM, and the protocol to it over a UNIX socket. Calls are serialised (one C
 * call at a time per helper). The helper starts on the first call and again on the first call
 * after it ended; libraries are loaded into each new helper as they are next called.
 *
 * <p>Stopping: the caller waits for the reply on an interruptible channel, so interrupting the
 * calling thread (the notebook's stop button interrupts the cell's thread) closes the channel at
 * once; the helper is then killed, whatever its C code was doing, and the call throws
 * {@link CancellationException}.
 */
final class NativeHelper {
    private static final int OPEN = 1, LOAD = 2, CALL = 3, UNLOAD = 4;
    private static final int OK = 0, ERROR = 1, FAULT = 2;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private final CCompiler compiler;
    private final ReentrantLock lock = new ReentrantLock();
    private Process process;
    private SocketChannel channel;
    private Path dir;
    private int generation;
    private final Map<Path, Integer> fileIds = new HashMap<>();
    private Scratch scratch;
    private ByteBuffer out = ByteBuffer.allocateDirect(1 << 16).order(ORDER);
    private ByteBuffer in = ByteBuffer.allocateDirect(1 << 16).order(ORDER);
    private final ByteBuffer header = ByteBuffer.allocateDirect(8).order(ORDER);

    NativeHelper(CCompiler compiler) {
        this.compiler = compiler;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "jynq-native-helper-stop"));
    }

    /**
     * Loads {@code link}'s library into the helper now (starting it), so a missing export is
     * reported at load; when a call is running (a background thread inside a C function), the
     * library is loaded at its first call instead, so redefining a cell never waits for that call.
     */
    void loadIfIdle(HelperLink link) {
        if (!lock.tryLock()) {
            return;
        }
        try {
            ensureLoaded(link);
        } finally {
            lock.unlock();
        }
    }

    /** Unloads {@code link}'s library if the current helper has it loaded. */
    void unload(HelperLink link) {
        lock.lock();
        try {
            if (link.generation == generation && isAlive()) {
                link.generation = -1;
                begin(UNLOAD).putInt(link.libId);
                exchange(null, null);
            }
        } catch (RuntimeException e) {
            // the helper is gone or going: its libraries go with it
        } finally {
            lock.unlock();
        }
    }

    /**
     * Calls function {@code index} of {@code link}'s library.
     *
     * @param values checked values as {@link io.jynq.ffi.cheader.NativeLink.Call#invoke} describes
     * @return the result in JNA's form, or null for void
     * @throws NativeFaultException if the C code faulted or ended the helper
     * @throws CancellationException if the calling thread was interrupted (the helper is killed)
     * @throws IllegalArgumentException for a pointer argument the helper cannot map
     */
    Object call(HelperLink link, int index, CDeclaration d, Object[] values) {
        if (d.returnType().isPointer()) {
            throw new IllegalArgumentException(d.signature() + " returns a pointer, which means nothing outside the"
                    + " helper process that runs isolated C calls; bind it in-process (%%c NAME --in-process)");
        }
        lockInterruptibly();
        try {
            ensureLoaded(link);
            List<Runnable> copyBack = new ArrayList<>();
            long[] spans = new long[values.length];
            List<Object[]> staged = stage(d, values, spans);
            if (!staged.isEmpty() && scratch.fileId < 0) {
                scratch.fileId = fileId(scratch.file());
            }
            int[] files = new int[values.length];
            java.util.Arrays.fill(files, -1);
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof NativeMemory m && m.fileWindow() != null && d.parameters().get(i).type().isPointer()) {
                    files[i] = fileId(m.fileWindow().file());  // OPEN before the CALL is built: one request buffer
                }
            }
            ByteBuffer b = begin(CALL).putInt(link.fnIds[index]).putInt(values.length);
            for (int i = 0; i < values.length; i++) {
                encode(b, d, i, values[i], files[i], staged, copyBack);
            }
            ByteBuffer reply = exchange(d, spans);
            long bits = reply.getLong();
            copyBack.forEach(Runnable::run);
            return decode(d.returnType().kind(), bits);
        } finally {
            lock.unlock();
        }
    }

    private void lockInterruptibly() {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for another C call to finish");
        }
    }

    private void ensureLoaded(HelperLink link) {
        if (!isAlive()) {
            start();
        }
        if (link.generation == generation) {
            return;
        }
        ByteBuffer b = begin(LOAD);
        putString(b, link.library.toString());
        putString(b, link.shim.toString());
        b.putInt(link.names.size());
        for (String n : link.names) {
            putString(b, n);
        }
        ByteBuffer r = exchange(null, null);
        link.libId = r.getInt();
        link.fnIds = new int[link.names.size()];
        for (int i = 0; i < link.fnIds.length; i++) {
            link.fnIds[i] = r.getInt();
        }
        link.generation = generation;
    }

    /** Arrays and Strings copied into the scratch file: {value, offset, bytes} per staged argument. */
    private List<Object[]> stage(CDeclaration d, Object[] values, long[] spans) {
        List<Object[]> staged = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            spans[i] = -1;
            if (v instanceof NativeMemory m && (m.fileWindow() != null || m.address() == 0)) {
                spans[i] = m.byteSize();  // mapped where it is (or refused in encode)
            } else if (v instanceof NativeMemory || v instanceof String || (v != null && v.getClass().isArray())) {
                // heap values, and native memory no other process can map (copied, not zero-copy)
                byte[] utf8 = v instanceof String s ? (s + "\0").getBytes(StandardCharsets.UTF_8) : null;
                long bytes = utf8 != null ? utf8.length : io.jynq.ffi.cheader.CFunction.argumentBytes(v);
                staged.add(new Object[] {utf8 != null ? utf8 : v, total, bytes, i});
                spans[i] = bytes;
                total += Scratch.pageUp(bytes);
            }
        }
        if (!staged.isEmpty()) {
            scratch().reserve(total);
        }
        return staged;
    }

    private void encode(ByteBuffer b, CDeclaration d, int i, Object v, int file, List<Object[]> staged,
            List<Runnable> copyBack) {
        CParameter p = d.parameters().get(i);
        if (!p.type().isPointer()) {
            b.putInt(0).putLong(bits(v));
            return;
        }
        if (v instanceof NativeMemory m && file >= 0 && m.fileWindow() != null) {
            b.putInt(1).putInt(file).putLong(m.fileWindow().offset()).putLong(m.byteSize());
            return;
        }
        if (v instanceof Pointer) {
            throw new IllegalArgumentException("argument '" + p.name() + "' of " + d.signature() + ": a JNA Pointer is an"
                    + " address in this JVM, meaningless in the helper process; pass a contiguous buffer or an array,"
                    + " or bind the function in-process (%%c NAME --in-process)");
        }
        for (Object[] s : staged) {
            if ((int) s[3] == i) {
                long off = (long) s[1];
                scratch.copyIn(s[0], off);
                if (!(v instanceof String)) {
                    copyBack.add(() -> scratch.copyOut(v, off));
                }
                b.putInt(1).putInt(scratch.fileId).putLong(off).putLong((long) s[2]);
                return;
            }
        }
        throw new IllegalArgumentException("argument '" + p.name() + "' of " + d.signature() + ": " + v
                + " has no native address and no file another process can map");
    }

    private static long bits(Object v) {
        if (v instanceof Float f) {
            return Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
        }
        if (v instanceof Double dv) {
            return Double.doubleToRawLongBits(dv);
        }
        if (v instanceof NativeLong nl) {
            return nl.longValue();
        }
        return ((Number) v).longValue();
    }

    private static Object decode(CKind kind, long bits) {
        return switch (kind) {
            case VOID -> null;
            case BOOL, CHAR, INT8, UINT8 -> (byte) bits;
            case INT16, UINT16 -> (short) bits;
            case INT32, UINT32 -> (int) bits;
            case INT64, UINT64 -> bits;
            case LONG, ULONG -> new NativeLong(com.sun.jna.Native.LONG_SIZE == 8 ? bits : (int) bits);
            case FLOAT -> Float.intBitsToFloat((int) bits);
            case DOUBLE -> Double.longBitsToDouble(bits);
            case POINTER -> throw new IllegalStateException("pointer results are refused before the call");
        };
    }

    private int fileId(Path file) {
        Integer id = fileIds.get(file);
        if (id == null) {
            putString(begin(OPEN), file.toString());
            id = exchange(null, null).getInt();
            fileIds.put(file, id);
        }
        return id;
    }

    private Scratch scratch() {
        if (scratch == null) {
            scratch = new Scratch(dir);
        }
        return scratch;
    }

    private ByteBuffer begin(int op) {
        out.clear();
        return out.putInt(op).putInt(0);
    }

    private static void putString(ByteBuffer b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.putInt(bytes.length).put(bytes);
    }

    /** Sends the request in {@code out}; returns the OK reply's payload, or throws for an error or a fault. */
    private ByteBuffer exchange(CDeclaration called, long[] spans) {
        try {
            out.putInt(4, out.position() - 8);
            out.flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            header.clear();
            if (!readFully(header)) {
                throw ended(called);
            }
            int status = header.getInt(0);
            int len = header.getInt(4);
            if (in.capacity() < len) {
                in = ByteBuffer.allocateDirect(Math.max(len, in.capacity() * 2)).order(ORDER);
            }
            in.clear().limit(len);
            if (!readFully(in)) {
                throw ended(called);
            }
            in.flip();
            if (status == OK) {
                return in;
            }
            if (status == FAULT && called != null) {
                NativeFaultException fault = FaultReport.read(in, called, spans);
                kill();
                throw fault;
            }
            byte[] msg = new byte[in.remaining()];
            in.get(msg);
            throw new IllegalArgumentException(new String(msg, StandardCharsets.UTF_8));
        } catch (ClosedByInterruptException e) {
            kill();
            throw new CancellationException("interrupted: the C call " + (called == null ? "" : called.name() + " ")
                    + "was stopped by ending JYNQ's helper process (it restarts on the next call)");
        } catch (IOException e) {
            if (called != null && process != null) {
                throw ended(called);
            }
            kill();
            throw new UncheckedIOException("lost the connection to JYNQ's C helper process", e);
        } catch (RuntimeException | Error e) {
            if (!(e instanceof NativeFaultException) && !(e instanceof IllegalArgumentException)) {
                kill();  // e.g. ThreadDeath from a stopped cell: the helper's state is unknown
            }
            throw e;
        }
    }

    private NativeFaultException ended(CDeclaration called) {
        Process p = process;
        int status = -1;
        try {
            if (p != null && p.waitFor(5, TimeUnit.SECONDS)) {
                status = p.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        if (called == null) {
            throw new IllegalStateException("JYNQ's C helper process ended (status " + status + ")");
        }
        return FaultReport.ended(called, status);
    }

    private boolean readFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean isAlive() {
        return process != null && channel != null && channel.isOpen();
    }

    private void start() {
        kill();
        try {
            Path program = compiler.compileProgram("jynq_helper.c", helperSource(), List.of("-ldl"));
            dir = Files.createTempDirectory("jynq-c-");
            Path socket = dir.resolve("s");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                server.configureBlocking(false);
                process = new ProcessBuilder(program.toString(), socket.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                pump(process.getErrorStream());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                SocketChannel c;
                while ((c = server.accept()) == null) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("JYNQ's C helper process " + program + " did not connect"
                                + (process.isAlive() ? " within 20 s" : " (exit status " + process.exitValue() + ")"));
                    }
                    Thread.sleep(1);
                }
                c.configureBlocking(true);
                channel = c;
            } finally {
                Files.deleteIfExists(socket);
            }
            generation++;
            fileIds.clear();
            if (scratch != null) {
                scratch.close();
                scratch = null;
            }
        } catch (IOException e) {
            kill();
            throw new UncheckedIOException("cannot start JYNQ's C helper process", e);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while starting JYNQ's C helper process");
        }
    }

    /** What the C code prints (the helper's stdout and stderr) goes to this JVM's standard output. */
    private static void pump(InputStream err) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = err.read(buf)) > 0; ) {
                    System.out.write(buf, 0, n);
                    System.out.flush();
                }
            } catch (IOException e) {
                // the helper ended
            }
        }, "jynq-native-helper-output");
        t.setDaemon(true);
        t.start();
    }

    private static String helperSource() {
        try (InputStream s = NativeHelper.class.getResourceAsStream("jynq_helper.c")) {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("jynq_helper.c is missing from the native jar", e);
        }
    }

    /** Ends the helper (if any) at once; the next call starts a new one. */
    void kill() {
        Process p = process;
        process = null;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing a dead channel
            }
            channel = null;
        }
        if (p != null) {
            p.destroyForcibly();
        }
        if (scratch != null) {
            scratch.close();
            scratch = null;
        }
        if (dir != null) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a leftover empty temp directory
            }
            dir = null;
        }
    }

    private void stop() {
        kill();
    }

    /** Whether a helper process is running now (for tests and the bench). */
    boolean running() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The helper's process id, or -1 (for tests). */
    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }
}
