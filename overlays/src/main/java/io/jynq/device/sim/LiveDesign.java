package io.jynq.device.sim;

import io.jynq.device.DeviceException;
import io.jynq.device.PlState;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * Whether the design behind a register file is still the one the PL holds. The first word of
 * every {@code pl-*.regs} file is its retired flag: the download that replaces a design sets it
 * (under the {@link BoardLock}) before unlinking the file, and every process that mapped the file
 * sees the store through its own mapping. A handle of the replaced design then fails at its next
 * access, as an address of the old design on a board would now reach the new design's IP.
 *
 * <p>The check is one opaque 32-bit load per access: cheap enough for the MMIO fast path, and not
 * hoisted out of a polling loop by the JIT.
 */
final class LiveDesign {
    /** Bytes at the start of a register file reserved for the header (the retired flag). */
    static final int HEADER = 4096;
    /** The flag word's value once the design is replaced. */
    private static final int RETIRED = 1;
    /** The flag word's value while fast-path handles must go through their space ({@link #divert}). */
    private static final int DIVERTED = 2;
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final ByteBuffer header;
    private final PlState state;
    private final Supplier<PlState> now;

    LiveDesign(ByteBuffer header, PlState state, Supplier<PlState> now) {
        this.header = header;
        this.state = state;
        this.now = now;
    }

    /** A view of the retired flag (see {@link io.jynq.device.RegisterSpace#retiredFlag()}). */
    ByteBuffer flag() {
        return header.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    boolean retired() {
        return (int) INT.getOpaque(header, 0) == RETIRED;
    }

    /**
     * Whether handles must leave the fast path: the design was retired, or an IP that was a plain
     * register file got a model ({@link #divert}). One opaque load.
     */
    boolean flagged() {
        return (int) INT.getOpaque(header, 0) != 0;
    }

    /**
     * Sends every fast-path handle of this design (an {@code Mmio} reading the register file
     * directly) through its register space from now on, so that an IP that got a model after the
     * handle was made (an RTL binding) reaches the model. The flag word is shared: handles of other
     * processes take the slower path too, and still reach the plain register file there.
     */
    void divert() {
        INT.compareAndSet(header, 0, 0, DIVERTED);
    }

    /**
     * @throws DeviceException naming {@code what}, the design it belonged to, and what the PL
     *     holds now and since when, if the design was replaced
     */
    void check(Supplier<String> what) {
        if (retired()) {
            throw stale(what.get());
        }
    }

    DeviceException stale(String what) {
        String holds;
        try {
            PlState s = now.get();
            holds = s.isProgrammed() ? "it holds " + s.bitfileName() + (s.partial() ? " (partial)" : "")
                    + " since " + s.timestamp() : "it is empty (the board was reset)";
        } catch (RuntimeException e) {
            holds = "its state cannot be read: " + e.getMessage();
        }
        return new DeviceException(what + " belongs to " + state.bitfileName() + " downloaded at " + state.timestamp()
                + ", which the PL no longer holds: " + holds + "; get the IP again from the overlay now loaded"
                + " (or download yours again)");
    }

    /** Marks {@code regsFile} retired for every process that mapped it; a file too short or gone is skipped. */
    static void retire(Path regsFile) {
        try (FileChannel ch = FileChannel.open(regsFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (ch.size() >= HEADER) {
                ByteBuffer h = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4);
                INT.setVolatile(h, 0, RETIRED);
            }
        } catch (IOException e) {
            if (Files.exists(regsFile)) {
                throw new java.io.UncheckedIOException("cannot retire the replaced design's register file " + regsFile, e);
            }
        }
    }
}
