package io.jynq.device;

import java.nio.ByteBuffer;

/**
 * A window of PL address space for register access, as returned by {@link Device#map}. Offsets
 * are in bytes from {@link #physicalAddress()}; values are little-endian as the AXI bus carries
 * them.
 *
 * <p>This is the raw, fast path under {@code io.jynq.mmio.Mmio}, which checks range and
 * alignment and names the IP in its errors. Implementations must still never touch memory
 * outside {@code [0, byteSize())}: one backed by native memory checks every access and throws
 * {@link IndexOutOfBoundsException} rather than crash the JVM. On the simulator a read or write
 * may have side effects (clear-on-read, write-1-to-clear, a DMA that starts), exactly as on the
 * board.
 */
public interface RegisterSpace {

    /** The physical address of offset 0, in bytes. */
    long physicalAddress();

    /** The window size in bytes. */
    long byteSize();

    /**
     * Checks a {@code width}-byte access at {@code offset} (bytes): aligned to its width and inside
     * {@code [0, byteSize())}. For windows whose every access is checked in Java (remote, emulated).
     *
     * @throws IndexOutOfBoundsException naming the offset, width, window size and address
     */
    default void checkAccess(long offset, int width) {
        if (offset < 0 || offset % width != 0 || offset > byteSize() - width) {
            throw new IndexOutOfBoundsException(String.format("offset 0x%x (%d bytes) is unaligned or outside the"
                    + " %d-byte window at 0x%x", offset, width, byteSize(), physicalAddress()));
        }
    }

    /**
     * Whether {@link #runProgram} runs register programs here as one unit, which pays where each
     * access costs a round trip (a window on a board over the network: one for all the steps).
     * False by default: callers then access registers one by one.
     */
    default boolean runsPrograms() {
        return false;
    }

    /**
     * Runs the steps in order as one unit (see {@link #runsPrograms()}). Every step is checked
     * before any runs.
     *
     * @param ops the steps
     * @return the values of the READ steps, in order (8-byte reads whole, 4-byte ones unsigned)
     * @throws UnsupportedOperationException unless {@link #runsPrograms()}
     * @throws io.jynq.error.HardwareTimeoutException if a poll times out (the message gives the
     *     register and its last value); the steps before it have run
     * @throws IndexOutOfBoundsException if a step lies outside the window; nothing has run
     */
    default long[] runProgram(java.util.List<RegisterOp> ops) {
        throw new UnsupportedOperationException("this window runs no register programs; access the registers one by one");
    }

    /**
     * Whether {@link #runProgram} itself refuses to run once the PL no longer holds the design its
     * device downloaded ({@link Device#plStateAsDownloaded()}), failing with an exception that says
     * "stale design" and what the PL holds; then nobody needs to ask the PL before a program.
     * False by default.
     */
    default boolean refusesStaleDesign() {
        return false;
    }

    /** Reads the 8-bit register at {@code offset}. */
    byte read8(long offset);

    /** Reads the 16-bit register at {@code offset} (2-byte aligned). */
    short read16(long offset);

    /** Reads the 32-bit register at {@code offset} (4-byte aligned). */
    int read32(long offset);

    /** Reads 64 bits at {@code offset} (8-byte aligned): the low word first, as two 32-bit reads on a 32-bit bus. */
    long read64(long offset);

    /** Writes the 8-bit register at {@code offset}. */
    void write8(long offset, byte value);

    /** Writes the 16-bit register at {@code offset} (2-byte aligned). */
    void write16(long offset, short value);

    /** Writes the 32-bit register at {@code offset} (4-byte aligned). */
    void write32(long offset, int value);

    /** Writes 64 bits at {@code offset} (8-byte aligned): the low word first. */
    void write64(long offset, long value);

    /**
     * A new little-endian view of the memory behind this window, when every access to it is a
     * plain memory read or write with no side effect (a register file without a model, BRAM or
     * DDR on the simulator); otherwise null, the default. Index 0 is offset 0 and the capacity is
     * {@link #byteSize()}. {@code io.jynq.mmio.Mmio} reads and writes such a window through the
     * buffer, after its own range and alignment checks, so that the hot path has no interface call
     * that turns megamorphic once a program uses several kinds of window (measured: 4.3 ns against
     * 2.5-3.0 ns per 32-bit access). The buffer still checks every index itself.
     */
    default ByteBuffer plainMemory() {
        return null;
    }

    /**
     * A view whose first 32-bit word (little-endian) turns non-zero once this window's design is
     * no longer the one the PL holds, or once its accesses must go through this space for another
     * reason (an IP of the design got a simulation model), or null (the default) for a window that never goes stale.
     * Whoever reads {@link #plainMemory()} directly checks the word before each access and, when
     * it is set, calls this space's own access method, which throws the exception explaining
     * what the PL holds now (or reaches the model).
     */
    default ByteBuffer retiredFlag() {
        return null;
    }
}
