package io.jynq.device.sim;

import io.jynq.device.RegisterSpace;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fast path: a window of a memory-mapped file read and written directly, for IP without a
 * model (a plain register file), BRAM and DDR. An access is an offset check and one
 * {@link ByteBuffer} get or put; the buffer bounds-checks every index, so nothing outside the
 * window is touched.
 */
final class MappedRegisterSpace implements RegisterSpace {
    private final ByteBuffer buf;
    private final long physicalAddress;
    private final long byteSize;
    private final LiveDesign live;
    private final String ipName;
    /** The IP whose register file this is, or null (DDR, memory): a model bound to it later takes over. */
    private final SimIp ip;
    private final long ipOffset;

    /** A window of DDR: valid as long as the board is open. */
    MappedRegisterSpace(ByteBuffer window, long physicalAddress) {
        this(window, physicalAddress, null, null);
    }

    /**
     * A window of IP {@code ipName}'s registers or memory in a design's register file: every access
     * first checks that {@code live} is still the design the PL holds.
     */
    MappedRegisterSpace(ByteBuffer window, long physicalAddress, LiveDesign live, String ipName) {
        this(window, physicalAddress, live, ipName, null, 0);
    }

    /**
     * As above, for the register file of {@code ip} from {@code ipOffset} on: once the IP has a
     * model (an RTL binding after this handle was made), accesses go to the model.
     */
    MappedRegisterSpace(ByteBuffer window, long physicalAddress, LiveDesign live, String ipName, SimIp ip, long ipOffset) {
        this.ip = ip;
        this.ipOffset = ipOffset;
        this.buf = window.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.physicalAddress = physicalAddress;
        this.byteSize = window.capacity();
        this.live = live;
        this.ipName = ipName;
    }

    /** The model's space when the IP got a model after this handle was made, else null. */
    private RegisterSpace modelled() {
        if (ip == null || live == null || !live.flagged() || ip.model() == null) {
            return null;
        }
        return new ModelRegisterSpace(ip, ipOffset, byteSize);
    }

    private int index(long offset) {
        if (live != null && live.retired()) {
            throw live.stale(String.format("%s at 0x%X", ipName, physicalAddress));
        }
        int i = (int) offset;
        if (i != offset) {
            throw new IndexOutOfBoundsException("offset 0x" + Long.toHexString(offset) + " is outside the window");
        }
        return i;
    }

    @Override
    public long physicalAddress() {
        return physicalAddress;
    }

    @Override
    public long byteSize() {
        return byteSize;
    }

    /** A register file without a model: reads and writes are plain memory accesses. */
    @Override
    public ByteBuffer plainMemory() {
        return buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public ByteBuffer retiredFlag() {
        return live == null ? null : live.flag();
    }

    @Override
    public byte read8(long offset) {
        RegisterSpace m = modelled();
        if (m != null) {
            return m.read8(offset);
        }
        return buf.get(index(offset));
    }

    @Override
    public short read16(long offset) {
        RegisterSpace m = modelled();
        if (m != null) {
            return m.read16(offset);
        }
        return buf.getShort(index(offset));
    }

    @Override
    public int read32(long offset) {
        RegisterSpace m = modelled();
        if (m != null) {
            return m.read32(offset);
        }
        return buf.getInt(index(offset));
    }

    @Override
    public long read64(long offset) {
        RegisterSpace m = modelled();
        if (m != null) {
            return m.read64(offset);
        }
        return buf.getLong(index(offset));
    }

    @Override
    public void write8(long offset, byte value) {
        RegisterSpace m = modelled();
        if (m != null) {
            m.write8(offset, value);
            return;
        }
        buf.put(index(offset), value);
    }

    @Override
    public void write16(long offset, short value) {
        RegisterSpace m = modelled();
        if (m != null) {
            m.write16(offset, value);
            return;
        }
        buf.putShort(index(offset), value);
    }

    @Override
    public void write32(long offset, int value) {
        RegisterSpace m = modelled();
        if (m != null) {
            m.write32(offset, value);
            return;
        }
        buf.putInt(index(offset), value);
    }

    @Override
    public void write64(long offset, long value) {
        RegisterSpace m = modelled();
        if (m != null) {
            m.write64(offset, value);
            return;
        }
        buf.putLong(index(offset), value);
    }
}
