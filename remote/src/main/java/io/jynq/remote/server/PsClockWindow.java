package io.jynq.remote.server;

import io.jynq.device.ClockDivisors;
import io.jynq.device.Device;
import io.jynq.device.RegisterSpace;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PS clock registers as a board server shows them for a backend that has no PS to map (the
 * simulated board): PYNQ's client opens an MMIO window on them before a download to set the PL
 * clocks. Reads of a PL clock control register are made from the device's clock; a write of new
 * divisors sets the device's clock to source PLL / DIVISOR0 / DIVISOR1. Every other register keeps
 * what was written; the IO PLL reads as the device's PL clock source (so PYNQ's client, which
 * divides the PLL it reads, and JYNQ's clock call set the same frequency, also on a Zynq-7000
 * design served as a ZynqMP with {@code --arch aarch64}), the other PLLs as their PYNQ-board values.
 *
 * <p>Layouts (the same as the embedded backend reads): Zynq-7000 SLCR at 0xF8000000, UG585 B.28:
 * FPGAn_CLK_CTRL at 0x170 + 0x10·n, SRCSEL [5:4], DIVISOR0 [13:8], DIVISOR1 [25:20]; IO/ARM/DDR
 * PLL_CTRL at 0x108/0x100/0x104 with PLL_FDIV [18:12] × 50 MHz. ZynqMP CRL_APB at 0xFF5E0000,
 * UG1087: PLn_REF_CTRL at 0xC0 + 4·n, SRCSEL [2:0], DIVISOR0 [13:8], DIVISOR1 [21:16], CLKACT bit
 * 24; IOPLL_CTRL 0x20 and RPLL_CTRL 0x30 with FBDIV [14:8] × 33.333 MHz.
 */
final class PsClockWindow implements RegisterSpace {
    static final long SLCR = 0xF800_0000L;
    static final long CRL_APB = 0xFF5E_0000L;
    static final long CRF_APB = 0xFD1A_0000L;
    /** Bytes of each PS register block a client may open. */
    static final long SPAN = 0x1000;

    private final Device device;
    private final long base;
    private final long offsetInBlock;
    private final long length;
    private final Map<Long, Integer> stored;

    /**
     * @param stored the block's register values by offset in the block, shared by every window on it
     */
    private PsClockWindow(Device device, long blockBase, long base, long length, Map<Long, Integer> stored) {
        this.device = device;
        this.base = base;
        this.offsetInBlock = base - blockBase;
        this.length = length;
        this.stored = stored;
    }

    /** The PS register block holding {@code [address, address + length)}, or -1 if none does. */
    static long blockOf(long address, long length) {
        for (long b : new long[] {SLCR, CRL_APB, CRF_APB}) {
            if (address >= b && length >= 0 && address - b + length <= SPAN) {
                return b;
            }
        }
        return -1;
    }

    /** The registers of every block, by block base; one per board server. */
    static final class Blocks {
        private final Map<Long, Map<Long, Integer>> byBase = new ConcurrentHashMap<>();

        PsClockWindow window(Device device, long address, long length) {
            long block = blockOf(address, length);
            if (block < 0) {
                throw new IllegalArgumentException("0x" + Long.toHexString(address) + " is not in a PS clock register block");
            }
            return new PsClockWindow(device, block, address, length, byBase.computeIfAbsent(block, Blocks::resetValues));
        }

        private static Map<Long, Integer> resetValues(long block) {
            Map<Long, Integer> m = new ConcurrentHashMap<>();
            // the IO PLL (0x108, 0x20) is not stored until written: it reads as the device's
            // PL clock source (see value), so both ways of setting a clock divide the same PLL
            if (block == SLCR) {
                m.put(0x100L, 40 << 12); // ARM PLL 2000 MHz
                m.put(0x104L, 32 << 12); // DDR PLL 1600 MHz
            } else if (block == CRL_APB) {
                m.put(0x30L, 36 << 8);   // RPLL 1200 MHz
            } else {
                m.put(0x2CL, 63 << 8 | 1 << 16); // DPLL 1050 MHz
            }
            return m;
        }
    }

    private boolean zynq() {
        return base - offsetInBlock == SLCR;
    }

    /** The PL clock index whose control register is at {@code blockOffset}, or -1. */
    private int clockAt(long blockOffset) {
        long base = base() - offsetInBlock;
        if (base == SLCR && blockOffset >= 0x170 && blockOffset < 0x1B0 && (blockOffset - 0x170) % 0x10 == 0) {
            return (int) ((blockOffset - 0x170) / 0x10);
        }
        if (base == CRL_APB && blockOffset >= 0xC0 && blockOffset < 0xD0 && blockOffset % 4 == 0) {
            return (int) ((blockOffset - 0xC0) / 4);
        }
        return -1;
    }

    private long base() {
        return base;
    }

    private double pllMhz(int control) {
        if (zynq()) {
            long pll = switch ((control >>> 4) & 3) {
                case 2 -> 0x100;
                case 3 -> 0x104;
                default -> IO_PLL_ZYNQ;
            };
            return 50.0 * ((value(pll) >>> 12) & 0x7F);
        }
        long pll = (control & 7) == 2 ? 0x30 : IO_PLL_ZYNQ_MP;
        return Math.round(33.333 * ((value(pll) >>> 8) & 0x7F) * 1e6) / 1e6;
    }

    private static final long IO_PLL_ZYNQ = 0x108;
    private static final long IO_PLL_ZYNQ_MP = 0x20;

    /** The register at {@code blockOffset}: what was written, else its reset value or the IO PLL's. */
    private int value(long blockOffset) {
        Integer v = stored.get(blockOffset);
        if (v != null) {
            return v;
        }
        if (zynq() && blockOffset == IO_PLL_ZYNQ) {
            return (int) Math.round(device.fclkSourceMhz(0) / 50.0) << 12;
        }
        if (base - offsetInBlock == CRL_APB && blockOffset == IO_PLL_ZYNQ_MP) {
            return (int) Math.round(device.fclkSourceMhz(0) / 33.333) << 8;
        }
        return 0;
    }

    private int divisor1Shift() {
        return zynq() ? 20 : 16;
    }

    @Override
    public long physicalAddress() {
        return base;
    }

    @Override
    public long byteSize() {
        return length;
    }

    @Override
    public int read32(long offset) {
        checkAccess(offset, 4);
        long o = offsetInBlock + offset;
        int clock = clockAt(o);
        int raw = value(o);
        if (clock < 0) {
            return raw;
        }
        double mhz = device.fclkMhz(clock);
        if (mhz <= 0) {
            return raw & ~(0x3F << 8 | 0x3F << divisor1Shift());
        }
        int[] d = ClockDivisors.choose(pllMhz(raw), mhz);
        return (raw & ~(0x3F << 8 | 0x3F << divisor1Shift())) | d[0] << 8 | d[1] << divisor1Shift() | (zynq() ? 0 : 1 << 24);
    }

    @Override
    public void write32(long offset, int value) {
        checkAccess(offset, 4);
        long o = offsetInBlock + offset;
        int clock = clockAt(o);
        if (clock >= 0) {
            int d0 = (value >>> 8) & 0x3F;
            int d1 = (value >>> divisor1Shift()) & 0x3F;
            if (d0 > 0 && d1 > 0) {
                device.setFclkMhz(clock, ClockDivisors.frequencyMhz(pllMhz(value), d0, d1));
            }
        }
        stored.put(o, value);
    }

    @Override
    public byte read8(long offset) {
        return (byte) (read32(offset & ~3L) >>> (8 * (offset & 3)));
    }

    @Override
    public short read16(long offset) {
        return (short) (read32(offset & ~3L) >>> (8 * (offset & 2)));
    }

    @Override
    public long read64(long offset) {
        return (read32(offset) & 0xFFFF_FFFFL) | (long) read32(offset + 4) << 32;
    }

    @Override
    public void write8(long offset, byte value) {
        int shift = (int) (8 * (offset & 3));
        int old = read32(offset & ~3L);
        write32(offset & ~3L, (old & ~(0xFF << shift)) | (value & 0xFF) << shift);
    }

    @Override
    public void write16(long offset, short value) {
        int shift = (int) (8 * (offset & 2));
        int old = read32(offset & ~3L);
        write32(offset & ~3L, (old & ~(0xFFFF << shift)) | (value & 0xFFFF) << shift);
    }

    @Override
    public void write64(long offset, long value) {
        write32(offset, (int) value);
        write32(offset + 4, (int) (value >>> 32));
    }
}
