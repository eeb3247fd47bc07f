package io.jynq.device.embedded;

import io.jynq.device.ClockDivisors;
import io.jynq.device.RegisterSpace;
import java.util.Objects;

/**
 * The four PL clocks (fclk0..3) as the PS clock generator makes them: a source PLL divided by two
 * 6-bit divisors in the clock's control register. Frequencies follow PYNQ's {@code pynq/ps.py}:
 * PLL MHz = reference × feedback divisor (rounded to 6 decimals), clock MHz = PLL / (divisor0 ×
 * divisor1) rounded to 6 decimals.
 *
 * <p>Unlike PYNQ, which writes the register once per field, a new setting is one read-modify-write
 * of the control register, so the PL never runs at the transient frequency of half-updated divisors.
 */
public abstract class PlClocks {
    protected final RegisterSpace control;

    /** @param control the register block holding the PLn/FPGAn control registers */
    PlClocks(RegisterSpace control) {
        this.control = control;
    }

    /** Byte offset of clock {@code index}'s control register in {@link #control}. */
    abstract long controlOffset(int index);

    /** Bit offset of DIVISOR1 in the control register (DIVISOR0 is bits [13:8] on both). */
    abstract int divisor1Shift();

    /** The MHz of the PLL that SRCSEL selects. */
    abstract double sourceMhz(int controlValue);

    /** Bits to set besides the divisors when a clock is (re)programmed (CLKACT on ZynqMP). */
    int enableBits() {
        return 0;
    }

    /**
     * The PL clocks of a PS of {@code arch}, read and set through the register windows
     * {@code map} opens (physical address, bytes): the board's own {@code /dev/mem}, or a remote
     * board's MMIO windows, which PYNQ.remote's client also uses for its clocks.
     */
    public static PlClocks over(io.jynq.metadata.Arch arch, java.util.function.BiFunction<Long, Long, RegisterSpace> map) {
        return arch == io.jynq.metadata.Arch.ZYNQ
                ? new ZynqClocks(map.apply(ZynqClocks.SLCR_BASE, ZynqClocks.SLCR_SPAN))
                : new ZynqMpClocks(map.apply(ZynqMpClocks.CRL_APB_BASE, ZynqMpClocks.SPAN),
                        map.apply(ZynqMpClocks.CRF_APB_BASE, ZynqMpClocks.SPAN));
    }

    /** Clock {@code index} in MHz; 0 when a divisor is 0 (the clock is not configured). */
    public double fclkMhz(int index) {
        Objects.checkIndex(index, 4);
        int value = control.read32(controlOffset(index));
        int div0 = (value >>> 8) & 0x3F;
        int div1 = (value >>> divisor1Shift()) & 0x3F;
        if (div0 == 0 || div1 == 0) {
            return 0.0;
        }
        return ClockDivisors.frequencyMhz(sourceMhz(value), div0, div1);
    }

    /** The MHz of the PLL clock {@code index} divides now. */
    public double clockSourceMhz(int index) {
        Objects.checkIndex(index, 4);
        return sourceMhz(control.read32(controlOffset(index)));
    }

    /** The CPU clock in MHz, as PYNQ's {@code get_cpu_mhz} computes it. */
    public abstract double cpuMhz();

    /**
     * Writes both divisors of clock {@code index} in one register write.
     *
     * @throws IllegalArgumentException if a divisor is outside 1..63
     */
    public void setDivisors(int index, int divisor0, int divisor1) {
        Objects.checkIndex(index, 4);
        if (divisor0 < 1 || divisor0 > 63 || divisor1 < 1 || divisor1 > 63) {
            throw new IllegalArgumentException("PL clock divisors must be 1..63, got " + divisor0 + " and " + divisor1);
        }
        long offset = controlOffset(index);
        int value = control.read32(offset);
        int mask = 0x3F << 8 | 0x3F << divisor1Shift();
        value = (value & ~mask) | divisor0 << 8 | divisor1 << divisor1Shift() | enableBits();
        control.write32(offset, value);
    }

    static double round6(double mhz) {
        return Math.round(mhz * 1e6) / 1e6;
    }
}
