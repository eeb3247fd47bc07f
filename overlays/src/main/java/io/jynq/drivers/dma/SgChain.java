package io.jynq.drivers.dma;

import static io.jynq.ip.AxiDmaDescriptor.BUFFER_ADDRESS;
import static io.jynq.ip.AxiDmaDescriptor.BUFFER_ADDRESS_MSB;
import static io.jynq.ip.AxiDmaDescriptor.CONTROL;
import static io.jynq.ip.AxiDmaDescriptor.CONTROL_TXEOF;
import static io.jynq.ip.AxiDmaDescriptor.CONTROL_TXSOF;
import static io.jynq.ip.AxiDmaDescriptor.LENGTH_MASK;
import static io.jynq.ip.AxiDmaDescriptor.NXTDESC;
import static io.jynq.ip.AxiDmaDescriptor.NXTDESC_MSB;
import static io.jynq.ip.AxiDmaDescriptor.STATUS;
import static io.jynq.ip.AxiDmaDescriptor.STATUS_CMPLT;
import static io.jynq.ip.AxiDmaDescriptor.STATUS_ERROR_MASK;
import static io.jynq.ip.AxiDmaDescriptor.STRIDE;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.device.Device;
import io.jynq.device.DeviceException;
import io.jynq.ip.AxiDmaDescriptor;

/**
 * A descriptor chain for one scatter-gather transfer, laid out as PYNQ's {@code _SGDMAChannel}
 * lays it out: one 64-byte slot per descriptor in a contiguous buffer of its own, each buffer block
 * as large as the channel allows rounded down to the alignment, at least two descriptors when the
 * data allows it (PYNQ's "always have at least two descriptors"), TXSOF on the first and TXEOF on
 * the last (S2MM ignores both), the last pointing back to the first. Field layout: PG021 v7.1
 * "Scatter Gather Descriptor" ({@link AxiDmaDescriptor}).
 */
final class SgChain implements AutoCloseable {
    private final ContiguousBuffer descriptors;
    private final int count;
    private final boolean cyclic;

    private SgChain(ContiguousBuffer descriptors, int count, boolean cyclic) {
        this.descriptors = descriptors;
        this.count = count;
        this.cyclic = cyclic;
    }

    /**
     * Allocates and fills the chain for {@code byteCount} bytes at physical {@code address}.
     *
     * @param blockLimit the most bytes one descriptor may move (the channel's maximum)
     * @param alignment the buffer alignment each block must keep (1 with DRE)
     * @throws io.jynq.device.OutOfDeviceMemoryException if the descriptors do not fit in device memory
     */
    static SgChain build(Device device, long address, long byteCount, long blockLimit, int alignment, boolean cyclic) {
        long block = Math.min(blockLimit - blockLimit % alignment, LENGTH_MASK - LENGTH_MASK % alignment);
        if (block >= byteCount) {
            long half = byteCount / 2;
            block = half - half % alignment;
            if (block == 0) {
                block = byteCount;  // too short to split on the alignment: one descriptor (PYNQ divides by zero)
            }
        }
        long n = (byteCount + block - 1) / block;
        if (n > Integer.MAX_VALUE / 16) {
            throw new IllegalArgumentException(byteCount + " bytes need " + n + " descriptors, too many");
        }
        int count = (int) n;
        ContiguousBuffer d = Buffers.allocate(device, new long[] {count, STRIDE / 4}, DType.U4, false);
        long base = d.physicalAddress();
        long remain = byteCount;
        for (int i = 0; i < count; i++) {
            long next = base + (long) ((i + 1) % count) * STRIDE;
            long len = Math.min(block, remain);
            long buf = address + i * block;
            int control = (int) len | (i == 0 ? CONTROL_TXSOF : 0) | (i == count - 1 ? CONTROL_TXEOF : 0);
            put(d, i, NXTDESC, next);
            put(d, i, NXTDESC_MSB, next >>> 32);
            put(d, i, BUFFER_ADDRESS, buf);
            put(d, i, BUFFER_ADDRESS_MSB, buf >>> 32);
            put(d, i, CONTROL, control);
            put(d, i, STATUS, 0);  // allocated memory is not zeroed: a stale Cmplt would be an SGIntErr
            remain -= len;
        }
        d.flush();
        return new SgChain(d, count, cyclic);
    }

    private static void put(ContiguousBuffer d, int descriptor, int offset, long value) {
        d.setInt((long) descriptor * (STRIDE / 4) + offset / 4, (int) value);
    }

    private int word(int descriptor, int offset) {
        return descriptors.getInt((long) descriptor * (STRIDE / 4) + offset / 4);
    }

    /** Physical address of the first descriptor (CURDESC). */
    long first() {
        return descriptors.physicalAddress();
    }

    /**
     * What to write to TAILDESC: the last descriptor, or in cyclic mode an address outside the
     * chain (one slot past its end), as PG021 and PYNQ ask.
     */
    long tail() {
        return descriptors.physicalAddress() + (long) (cyclic ? count : count - 1) * STRIDE;
    }

    int count() {
        return count;
    }

    boolean cyclic() {
        return cyclic;
    }

    /** Re-reads the STATUS words the DMA wrote. */
    void refresh() {
        descriptors.invalidate();
    }

    /** Descriptors with Cmplt set. */
    int completed() {
        int n = 0;
        for (int i = 0; i < count; i++) {
            n += (word(i, STATUS) & STATUS_CMPLT) != 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * The bytes moved: the sum of STATUS "transferred bytes" (PYNQ's {@code transferred}).
     *
     * @param label the channel, for messages
     * @throws DeviceException if a descriptor reports DMAIntErr/DMASlvErr/DMADecErr, naming it
     */
    long transferred(String label) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            int status = word(i, STATUS);
            if ((status & STATUS_ERROR_MASK) != 0) {
                throw new DeviceException(label + ": descriptor " + i + " of " + count + " at 0x"
                        + Long.toHexString(first() + (long) i * STRIDE) + " failed: STATUS=0x" + Integer.toHexString(status)
                        + " (" + AxiDmaDescriptor.describeStatus(status) + ")");
            }
            sum += status & LENGTH_MASK;
        }
        return sum;
    }

    /** e.g. {@code "3 of 4 descriptors done"}, for messages. */
    String progress() {
        return completed() + " of " + count + " descriptor" + (count == 1 ? "" : "s") + " done";
    }

    @Override
    public void close() {
        descriptors.close();
    }
}
