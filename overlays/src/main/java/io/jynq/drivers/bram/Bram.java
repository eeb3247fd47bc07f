package io.jynq.drivers.bram;

import io.jynq.ip.AxiBramCtrlLayout;
import io.jynq.metadata.IpDescription;
import io.jynq.overlay.BindTo;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.Overlay;

/**
 * A block RAM behind an AXI BRAM controller (PG078 v4.1), as the PS sees it: a MEMORY range of
 * {@link #byteSize()} bytes read and written by 32-bit word index or in bulk.
 * <pre>{@code
 * Bram ram = ol.ip("axi_bram_ctrl_0", Bram.class);
 * ram.write(0, new int[] {1, 2, 3});
 * int x = ram.readWord(2);                 // 3
 * }</pre>
 */
@BindTo(AxiBramCtrlLayout.VLNV)
public class Bram extends DefaultIp {

    public Bram(Overlay overlay, IpDescription description) {
        super(overlay, description);
    }

    /** The memory size in bytes (the MEMRANGE's size). */
    public long byteSize() {
        return mmio().byteLength();
    }

    /** The number of 32-bit words. */
    public long words() {
        return byteSize() / 4;
    }

    /** Word {@code index} (byte offset {@code 4 * index}). @throws io.jynq.mmio.MmioException if outside */
    public int readWord(long index) {
        return mmio().read32(4 * index);
    }

    /** Writes word {@code index}. @throws io.jynq.mmio.MmioException if outside */
    public void writeWord(long index, int value) {
        mmio().write32(4 * index, value);
    }

    /** Reads {@code dst.length} words from word {@code index}. @throws io.jynq.mmio.MmioException if the range leaves the memory */
    public void read(long index, int[] dst) {
        mmio().read(4 * index, dst);
    }

    /** Writes {@code src} from word {@code index}. @throws io.jynq.mmio.MmioException if the range leaves the memory */
    public void write(long index, int[] src) {
        mmio().write(4 * index, src);
    }

    /** One line, e.g. {@code Bram[axi_bram_ctrl_0 @ 0x40000000, 8192 bytes]}. */
    @Override
    public String toString() {
        return "Bram[" + name() + " @ 0x" + Long.toHexString(physicalAddress()) + ", " + description().addrRange() + " bytes]";
    }
}
