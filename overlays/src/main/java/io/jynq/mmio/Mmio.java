package io.jynq.mmio;

import io.jynq.device.Device;
import io.jynq.device.RegisterSpace;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A window of PL address space for register reads and writes (PYNQ's {@code MMIO}). Offsets are
 * bytes from {@link #physicalAddress()}; values are little-endian, as the AXI bus carries them.
 *
 * <p>Every access first checks that {@code [offset, offset + width)} lies inside the window and
 * that {@code offset} is a multiple of the access width (1, 2, 4 or 8 bytes); otherwise an
 * {@link MmioException} names the IP, base, offset and length, and nothing touches the bus.
 * Example: on a window of 0x1000 bytes, {@code read32(0xFFC)} is the last legal word;
 * {@code read32(0x1000)} is out of range and {@code read32(0x6)} is unaligned.
 * <pre>{@code
 * Mmio gpio = new Mmio(0x41200000L, 0x10000);   // on Device.active()
 * gpio.write32(0x4, 0x0);                        // TRI: all outputs
 * gpio.write32(0x0, 0xF);                        // DATA: four LEDs on
 * int v = gpio.read32(0x0);
 * }</pre>
 *
 * <p>Thread-safe as far as the device is; reads and writes may have side effects in the IP
 * (clear-on-read, write-1-to-clear), exactly as on a board.
 */
public final class Mmio {
    private final RegisterSpace space;
    private final long base;
    private final long length;
    /**
     * {@code (length / 4) + Long.MIN_VALUE}: the number of whole 32-bit words in the window,
     * biased so that one signed compare is an unsigned one (see {@link #outside32}).
     */
    private final long words32Biased;
    private final String ipName;
    /**
     * The window's {@link RegisterSpace#plainMemory()}, or null: 32-bit accesses to a plain
     * window go straight to it, without the interface call into the space.
     */
    private final ByteBuffer memory;
    /** The window's {@link RegisterSpace#retiredFlag()}, or null: checked before each {@link #memory} access. */
    private final ByteBuffer retired;
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Maps {@code byteLength} bytes at {@code physicalAddress} on {@link Device#active()}.
     *
     * @param physicalAddress base address in bytes
     * @param byteLength window size in bytes, &gt; 0
     * @throws IllegalArgumentException if {@code byteLength <= 0}
     * @throws io.jynq.device.DeviceException if the device has nothing mapped there
     */
    public Mmio(long physicalAddress, long byteLength) {
        this(Device.active(), physicalAddress, byteLength, null);
    }

    /**
     * Maps {@code byteLength} bytes at {@code physicalAddress} on {@code device}.
     *
     * @param ipName the IP named in error messages, or null for {@code "MMIO"}
     * @throws IllegalArgumentException if {@code byteLength <= 0}
     * @throws io.jynq.device.DeviceException if the device has nothing mapped there
     */
    public Mmio(Device device, long physicalAddress, long byteLength, String ipName) {
        this(mapChecked(device, physicalAddress, byteLength), byteLength, ipName);
    }

    /**
     * Wraps a window already mapped (e.g. by a test's scripted device), checked against its
     * {@link RegisterSpace#byteSize()}.
     *
     * @param ipName the IP named in error messages, or null for {@code "MMIO"}
     */
    public Mmio(RegisterSpace space, String ipName) {
        this(space, space.byteSize(), ipName);
    }

    private Mmio(RegisterSpace space, long byteLength, String ipName) {
        this.space = Objects.requireNonNull(space, "space");
        this.base = space.physicalAddress();
        this.length = Math.min(byteLength, space.byteSize());
        this.words32Biased = (length >>> 2) + Long.MIN_VALUE;
        this.ipName = ipName == null ? "MMIO" : ipName;
        ByteBuffer m = space.plainMemory();
        this.memory = m != null && m.capacity() >= length ? m : null;
        this.retired = space.retiredFlag();
    }

    /** {@link #memory}, or null when there is none or its design was replaced (the space then throws). */
    private ByteBuffer live() {
        ByteBuffer r = retired;
        return r != null && (int) INT.getOpaque(r, 0) != 0 ? null : memory;
    }

    private static RegisterSpace mapChecked(Device device, long physicalAddress, long byteLength) {
        if (byteLength <= 0) {
            throw new IllegalArgumentException("MMIO length must be > 0 bytes, got " + byteLength
                    + " at 0x" + Long.toHexString(physicalAddress));
        }
        return Objects.requireNonNull(device, "device").map(physicalAddress, byteLength);
    }

    /** The base physical address, in bytes. */
    public long physicalAddress() {
        return base;
    }

    /** The window length, in bytes. */
    public long byteLength() {
        return length;
    }

    /** The IP this window belongs to, as named in error messages. */
    public String ipName() {
        return ipName;
    }

    /** The raw window under this one, for drivers that have already checked their offsets. */
    public RegisterSpace space() {
        return space;
    }

    /**
     * Reads the 32-bit register at {@code offset} (bytes, 4-aligned); PYNQ's {@code read(offset)}.
     *
     * @throws MmioException if {@code offset} is outside {@code [0, byteLength() - 4]} or not 4-aligned
     */
    public int read32(long offset) {
        if (outside32(offset)) {
            throw refused("read32", offset, 4);
        }
        ByteBuffer m = live();
        // (int) is exact: the check above bounds offset by length <= m.capacity().
        return m != null ? m.getInt((int) offset) : space.read32(offset);
    }

    /**
     * Writes the 32-bit register at {@code offset} (bytes, 4-aligned); PYNQ's {@code write(offset, value)}.
     *
     * @throws MmioException if {@code offset} is outside {@code [0, byteLength() - 4]} or not 4-aligned
     */
    public void write32(long offset, int value) {
        if (outside32(offset)) {
            throw refused("write32", offset, 4);
        }
        ByteBuffer m = live();
        if (m != null) {
            m.putInt((int) offset, value);
        } else {
            space.write32(offset, value);
        }
    }

    /**
     * Range and alignment of a 32-bit access in one unsigned compare: rotating the offset right
     * by 2 moves a misaligned offset's low bits, and a negative offset's sign, into the top bits,
     * so only an aligned offset with {@code offset / 4 < length / 4} (that is, {@code offset + 4
     * <= length}) stays below the word count. The bias turns the unsigned compare into a signed
     * one C2 emits as a single compare and branch.
     */
    private boolean outside32(long offset) {
        return Long.rotateRight(offset, 2) + Long.MIN_VALUE >= words32Biased;
    }

    /** Reads the 32-bit register at {@code offset} as an unsigned value. */
    public long read(long offset) {
        return read32(offset) & 0xFFFF_FFFFL;
    }

    /**
     * Writes the low 32 bits of {@code value} to the register at {@code offset}.
     *
     * @throws IllegalArgumentException if {@code value} does not fit in 32 bits (signed or unsigned)
     */
    public void write(long offset, long value) {
        if (value < Integer.MIN_VALUE || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("value 0x" + Long.toHexString(value) + " for " + ipName
                    + " offset 0x" + Long.toHexString(offset) + " does not fit in 32 bits; use write64");
        }
        write32(offset, (int) value);
    }

    /** Reads the byte at {@code offset}. */
    public byte read8(long offset) {
        check("read8", offset, 1);
        return space.read8(offset);
    }

    /** Reads the 16-bit register at {@code offset} (2-aligned). */
    public short read16(long offset) {
        check("read16", offset, 2);
        return space.read16(offset);
    }

    /** Reads 64 bits at {@code offset} (8-aligned), low word first as two 32-bit bus reads. */
    public long read64(long offset) {
        check("read64", offset, 8);
        return space.read64(offset);
    }

    /** Writes the byte at {@code offset}. */
    public void write8(long offset, byte value) {
        check("write8", offset, 1);
        space.write8(offset, value);
    }

    /** Writes the 16-bit register at {@code offset} (2-aligned). */
    public void write16(long offset, short value) {
        check("write16", offset, 2);
        space.write16(offset, value);
    }

    /** Writes 64 bits at {@code offset} (8-aligned), low word first. */
    public void write64(long offset, long value) {
        check("write64", offset, 8);
        space.write64(offset, value);
    }

    /**
     * Reads {@code dst.length} bytes starting at {@code offset} (4-aligned), one 32-bit bus read
     * per word and byte reads for a tail shorter than a word.
     *
     * @throws MmioException if the range leaves the window or {@code offset} is not 4-aligned
     */
    public void read(long offset, byte[] dst) {
        checkBulk("read", offset, dst.length);
        int i = 0;
        for (; i + 4 <= dst.length; i += 4) {
            int w = space.read32(offset + i);
            dst[i] = (byte) w;
            dst[i + 1] = (byte) (w >>> 8);
            dst[i + 2] = (byte) (w >>> 16);
            dst[i + 3] = (byte) (w >>> 24);
        }
        for (; i < dst.length; i++) {
            dst[i] = space.read8(offset + i);
        }
    }

    /**
     * Writes {@code src} starting at {@code offset} (4-aligned), one 32-bit bus write per word and
     * byte writes for a tail shorter than a word.
     *
     * @throws MmioException if the range leaves the window or {@code offset} is not 4-aligned
     */
    public void write(long offset, byte[] src) {
        checkBulk("write", offset, src.length);
        int i = 0;
        for (; i + 4 <= src.length; i += 4) {
            space.write32(offset + i, (src[i] & 0xFF) | (src[i + 1] & 0xFF) << 8
                    | (src[i + 2] & 0xFF) << 16 | (src[i + 3] & 0xFF) << 24);
        }
        for (; i < src.length; i++) {
            space.write8(offset + i, src[i]);
        }
    }

    /**
     * Reads {@code dst.length} consecutive 32-bit words starting at {@code offset} (4-aligned).
     *
     * @throws MmioException if the range leaves the window or {@code offset} is not 4-aligned
     */
    public void read(long offset, int[] dst) {
        checkBulk("read", offset, 4L * dst.length);
        for (int i = 0; i < dst.length; i++) {
            dst[i] = space.read32(offset + 4L * i);
        }
    }

    /**
     * Writes {@code src} as consecutive 32-bit words starting at {@code offset} (4-aligned).
     *
     * @throws MmioException if the range leaves the window or {@code offset} is not 4-aligned
     */
    public void write(long offset, int[] src) {
        checkBulk("write", offset, 4L * src.length);
        for (int i = 0; i < src.length; i++) {
            space.write32(offset + 4L * i, src[i]);
        }
    }

    private void check(String op, long offset, int width) {
        if (offset < 0 || offset > length - width || (offset & (width - 1)) != 0) {
            throw refused(op, offset, width);
        }
    }

    private void checkBulk(String op, long offset, long byteCount) {
        if (offset < 0 || byteCount > length || offset > length - byteCount || (offset & 3) != 0) {
            throw refused(op, offset, byteCount);
        }
    }

    private MmioException refused(String op, long offset, long byteCount) {
        String where = ipName + " [0x" + Long.toHexString(base) + ", +0x" + Long.toHexString(length) + ")";
        String what = "MMIO " + op + " at offset " + hex(offset) + " (" + byteCount + " bytes)";
        String msg;
        if (offset < 0 || offset > length - byteCount || byteCount > length) {
            msg = what + " is outside " + where;
        } else {
            long align = byteCount >= 4 ? 4 : byteCount;
            if (op.endsWith("64")) {
                align = 8;
            }
            msg = what + " is not " + align + "-byte aligned in " + where
                    + "; use an offset that is a multiple of " + align;
        }
        return new MmioException(msg, ipName, base, offset, length);
    }

    private static String hex(long v) {
        return v < 0 ? "-0x" + Long.toHexString(-v) : "0x" + Long.toHexString(v);
    }

    /** One line, e.g. {@code Mmio[leds_gpio @ 0x41200000, 0x10000 bytes]}. */
    @Override
    public String toString() {
        return "Mmio[" + ipName + " @ 0x" + Long.toHexString(base) + ", 0x" + Long.toHexString(length) + " bytes]";
    }
}
