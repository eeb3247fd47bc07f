package io.jynq.ffi.rtl;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One live Verilator model of a {@link RtlLibrary}: its clock, its AXI4-Lite slave (one native
 * call per whole handshake), its AXI4-Stream ports (one native call per burst, straight from and
 * into direct buffers such as simulated DDR) and its interrupt output.
 *
 * <p>Time is counted in cycles of the model's clock. Every call may first let {@code pending}
 * idle cycles pass (time that went by in the rest of the design), then runs the handshake; the
 * handshake's own cycles count too.
 *
 * <p>A Verilator model is not thread-safe: calls must not overlap. The simulated board makes all
 * calls under its PL lock; an overlapping call from elsewhere fails with
 * {@link IllegalStateException} instead of corrupting the model. After {@link #close()} every call
 * fails with {@link IllegalStateException}.
 */
public final class RtlModelHandle implements AutoCloseable {
    /** Cycles a register access may take before it counts as stalled: far beyond any AXI4-Lite slave's latency. */
    public static final int LITE_LIMIT_CYCLES = 10_000;

    private final RtlLibrary library;
    private final int features;
    private final ByteBuffer io = ByteBuffer.allocateDirect(16 * 8).order(ByteOrder.nativeOrder());
    private final LongBuffer slots = io.asLongBuffer();
    private final long ioAddress = Pointer.nativeValue(Native.getDirectBufferPointer(io));
    private long handle;
    private boolean busy;
    private boolean irq;

    private RtlModelHandle(RtlLibrary library, long handle) {
        this.library = library;
        this.handle = handle;
        this.features = RtlNative.jr_features(handle);
    }

    /**
     * Loads {@code library} and creates its model, held in reset for 16 cycles and released.
     *
     * @throws IllegalStateException if the library cannot be loaded (the loader's reason included)
     */
    public static RtlModelHandle open(RtlLibrary library) {
        RtlNative.load();
        byte[] error = new byte[512];
        long h = RtlNative.jr_open(library.path().toString(), error, error.length);
        if (h == 0) {
            int n = 0;
            while (n < error.length && error[n] != 0) {
                n++;
            }
            throw new IllegalStateException("cannot load the RTL model of " + library.top() + ": "
                    + new String(error, 0, n, StandardCharsets.UTF_8));
        }
        return new RtlModelHandle(library, h);
    }

    /** The library this model runs. */
    public RtlLibrary library() {
        return library;
    }

    /** Whether the model has an AXI4-Lite slave. */
    public boolean hasLite() {
        return (features & 1) != 0;
    }

    /** Whether the model has an AXI4-Stream slave (input). */
    public boolean hasStreamIn() {
        return (features & 2) != 0;
    }

    /** Whether the model has an AXI4-Stream master (output). */
    public boolean hasStreamOut() {
        return (features & 4) != 0;
    }

    /** Whether the model has an interrupt output. */
    public boolean hasInterrupt() {
        return (features & 8) != 0;
    }

    /** The interrupt output's level after the last call. */
    public boolean interrupt() {
        return irq;
    }

    private long enter() {
        if (handle == 0) {
            throw new IllegalStateException("the RTL model of " + library.top() + " is closed");
        }
        if (busy) {
            throw new IllegalStateException("the RTL model of " + library.top() + " is already in a call from another"
                    + " thread; calls into one model must not overlap");
        }
        busy = true;
        return handle;
    }

    /**
     * One AXI4-Lite read of the 32-bit word at {@code byteAddress}.
     *
     * @param pendingCycles idle cycles to run first, &gt;= 0
     * @return the data and response
     * @throws IllegalStateException if the model is closed or in another call
     */
    public LiteResponse read32(int byteAddress, long pendingCycles) {
        long h = enter();
        try {
            long r = RtlNative.jr_read(h, byteAddress, pendingCycles, LITE_LIMIT_CYCLES);
            irq = (r & (1L << 34)) != 0;
            boolean stalled = (r & (1L << 35)) != 0;
            return new LiteResponse((int) r, (int) (r >>> 32) & 3, stalled,
                    stalled ? ((r & (1L << 36)) != 0 ? "RVALID" : "ARREADY") : null);
        } finally {
            busy = false;
        }
    }

    /**
     * One AXI4-Lite write of {@code data} to the word at {@code byteAddress}.
     *
     * @param byteStrobe WSTRB, 0x1..0xF
     * @param pendingCycles idle cycles to run first, &gt;= 0
     * @throws IllegalStateException if the model is closed or in another call
     */
    public LiteResponse write32(int byteAddress, int data, int byteStrobe, long pendingCycles) {
        long h = enter();
        try {
            int r = RtlNative.jr_write(h, byteAddress, data, byteStrobe, pendingCycles, LITE_LIMIT_CYCLES);
            irq = (r & 4) != 0;
            boolean stalled = (r & 8) != 0;
            String waitingFor = !stalled ? null : (r & 16) == 0 ? "AWREADY" : (r & 32) == 0 ? "WREADY" : "BVALID";
            return new LiteResponse(0, r & 3, stalled, waitingFor);
        } finally {
            busy = false;
        }
    }

    /**
     * Streams {@code in} (from its position to its limit) into the model's AXI4-Stream slave while
     * taking beats of its master into {@code out} (from its position), until the input is taken
     * and the output has been idle for {@code maxIdleCycles}, an output beat carries TLAST, the
     * output area is full, or the input stalls for {@code maxIdleCycles}. Neither buffer's
     * position moves; the result says how many bytes moved.
     *
     * @param in bytes to send, or null; a direct buffer is read in place, another is copied
     * @param inLast whether TLAST goes with the last byte of {@code in}
     * @param out where output beats go, a direct buffer, or null for none
     * @param maxIdleCycles cycles without a beat moving that end the burst, &gt;= 1
     * @param maxCycles the most cycles the burst may take, &gt;= 1
     * @throws IllegalArgumentException if {@code out} is not direct
     * @throws IllegalStateException if the model is closed or in another call
     */
    public StreamResult stream(ByteBuffer in, boolean inLast, ByteBuffer out, long maxIdleCycles, long maxCycles) {
        if (out != null && !out.isDirect()) {
            throw new IllegalArgumentException("the output of a stream burst must be a direct buffer");
        }
        ByteBuffer src = in;
        if (in != null && !in.isDirect()) {
            src = ByteBuffer.allocateDirect(in.remaining()).put(in.duplicate()).flip();
        }
        long h = enter();
        try {
            slots.put(0, src == null ? 0 : address(src));
            slots.put(1, src == null ? 0 : src.remaining());
            slots.put(2, inLast ? 1 : 0);
            slots.put(3, out == null ? 0 : address(out));
            slots.put(4, out == null ? 0 : out.remaining());
            slots.put(5, Math.max(1, maxIdleCycles));
            slots.put(6, Math.max(1, maxCycles));
            RtlNative.jr_stream(h, ioAddress);
            irq = slots.get(12) != 0;
            return new StreamResult((int) slots.get(7), (int) slots.get(8), slots.get(9) != 0, slots.get(10),
                    StreamResult.Status.values()[(int) slots.get(11)]);
        } finally {
            busy = false;
        }
    }

    private static long address(ByteBuffer b) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(b)) + b.position();
    }

    /**
     * Lets {@code cycles} cycles pass with every handshake input idle.
     *
     * @return the interrupt output's level afterwards
     */
    public boolean run(long cycles) {
        long h = enter();
        try {
            irq = RtlNative.jr_run(h, Math.max(0, cycles)) != 0;
            return irq;
        } finally {
            busy = false;
        }
    }

    /** Holds the model in reset for 16 cycles and releases it. */
    public void reset() {
        long h = enter();
        try {
            RtlNative.jr_reset(h);
        } finally {
            busy = false;
        }
    }

    /** Rising clock edges since the model was created. */
    public long cycles() {
        long h = enter();
        try {
            return RtlNative.jr_cycles(h);
        } finally {
            busy = false;
        }
    }

    /**
     * The handshake outputs the RTL drives now: bit 0 s_axis TREADY, bit 1 m_axis TVALID, bit 2
     * AWREADY, bit 3 WREADY, bit 4 ARREADY, bit 5 BVALID, bit 6 RVALID.
     */
    public int probe() {
        long h = enter();
        try {
            return RtlNative.jr_probe(h);
        } finally {
            busy = false;
        }
    }

    /**
     * Starts writing a VCD waveform of every signal to {@code file} from now on, or stops (null).
     *
     * @param periodPs the clock period in picoseconds, for the waveform's time axis
     * @throws IllegalStateException if the file cannot be opened
     */
    public void trace(Path file, long periodPs) {
        long h = enter();
        try {
            if (RtlNative.jr_trace(h, file == null ? null : file.toString(), periodPs) != 0) {
                throw new IllegalStateException("cannot write the waveform to " + file);
            }
        } finally {
            busy = false;
        }
    }

    /** Ends the model (and its trace); further calls fail. */
    @Override
    public void close() {
        if (handle != 0) {
            long h = enter();
            handle = 0;
            busy = false;
            RtlNative.jr_close(h);
        }
    }

    @Override
    public String toString() {
        return "RtlModelHandle[" + library.top() + (handle == 0 ? ", closed" : "") + "]";
    }

    /**
     * What an AXI4-Lite handshake returned.
     *
     * @param data RDATA of a read (0 for a write)
     * @param resp RRESP or BRESP: 0 OKAY, 1 EXOKAY, 2 SLVERR, 3 DECERR
     * @param stalled whether the handshake did not finish within {@link #LITE_LIMIT_CYCLES}
     * @param waitingFor the signal the RTL never raised when stalled (e.g. {@code AWREADY}), else null
     */
    public record LiteResponse(int data, int resp, boolean stalled, String waitingFor) {}

    /**
     * What a stream burst moved.
     *
     * @param consumed input bytes the model took
     * @param produced output bytes written to the output area
     * @param outputLast whether the last output byte ended a packet (TLAST)
     * @param cycles clock cycles the burst took
     * @param status why the burst ended
     */
    public record StreamResult(int consumed, int produced, boolean outputLast, long cycles, Status status) {
        /** Why a burst ended; the order matches the shim's {@code JR_ST_*} codes. */
        public enum Status { DRAINED, PACKET, OUTPUT_FULL, INPUT_STALLED }
    }
}
