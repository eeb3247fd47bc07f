package io.jynq.mmio;

import io.jynq.device.RegisterOp;
import io.jynq.metadata.Access;

/**
 * A named bit field of a {@link Register}, bits {@code [msb:lsb]} as the {@code .hwh} lists them
 * (e.g. AP_START, bit 0 of an HLS IP's CTRL). A handle is cheap to keep and fast to use: hold it
 * in a variable when writing in a loop.
 * <pre>{@code
 * BitField start = ip.registers().get("CTRL").field("AP_START");
 * start.set(1);                 // read CTRL, set bit 0, write CTRL back
 * }</pre>
 *
 * <p>{@link #set} is a read-modify-write of the whole register, as in PYNQ: the other fields are
 * written back with the values just read (on a write-only register, with 0).
 */
public final class BitField {
    private final Register register;
    private final String name;
    private final int lsb;
    private final int widthBits;
    private final long mask;
    /** The largest value, {@code mask >>> lsb}. */
    private final long valueMask;
    private final Access access;
    private final boolean readable;
    private final boolean writable;
    private final String description;

    BitField(Register register, String name, int lsb, int widthBits, Access access, String description) {
        this.description = description;
        this.register = register;
        this.name = name;
        this.lsb = lsb;
        this.widthBits = widthBits;
        this.mask = (widthBits >= 64 ? -1L : (1L << widthBits) - 1) << lsb;
        this.valueMask = mask >>> lsb;
        this.access = access;
        this.readable = access.readable();
        this.writable = access.writable();
    }

    /** The field name as in the {@code .hwh}. */
    public String name() {
        return name;
    }

    /** The field's own description from the {@code .hwh}, "" if none. */
    public String description() {
        return description;
    }

    /** The lowest bit. */
    public int lsb() {
        return lsb;
    }

    /** The highest bit, {@code lsb() + widthBits() - 1}. */
    public int msb() {
        return lsb + widthBits - 1;
    }

    /** The width in bits. */
    public int widthBits() {
        return widthBits;
    }

    /** The field's access from the {@code .hwh}. */
    public Access access() {
        return access;
    }

    /**
     * Reads the register and returns this field, shifted down to bit 0 (unsigned).
     *
     * @throws UnsupportedOperationException if the field or its register is write-only
     */
    public long get() {
        checkReadable();
        return (register.get() & mask) >>> lsb;
    }

    private void checkReadable() {
        if (!readable) {
            throw new UnsupportedOperationException("field " + this.name + " of " + register.qualifiedName()
                    + " is " + access.hwhName() + "; it cannot be read back");
        }
    }

    /**
     * Writes {@code value} into this field, keeping the register's other bits.
     *
     * @param value 0 .. 2<sup>widthBits</sup>-1 (a negative value down to -2<sup>widthBits-1</sup>
     *        is taken as two's complement)
     * @throws UnsupportedOperationException if the field is read-only; nothing is written
     * @throws IllegalArgumentException if {@code value} does not fit in the field; nothing is written
     */
    public void set(long value) {
        register.writeMasked(mask, checkedBits(value));
    }

    /** {@code value} in place in the register, after the checks {@link #set} documents. */
    private long checkedBits(long value) {
        if (!writable) {
            throw new UnsupportedOperationException("field " + name + " of " + register.qualifiedName()
                    + " is read-only");
        }
        if ((value & ~valueMask) != 0 && !Register.fitsSigned(value, widthBits)) {
            throw new IllegalArgumentException("value " + value + " does not fit in field " + name + " ["
                    + msb() + ":" + lsb + "] (" + widthBits + " bits) of " + register.qualifiedName());
        }
        return (value << lsb) & mask;
    }

    /**
     * The step {@link #set} would perform, for a register program (a masked read-modify-write, or
     * a write of the field alone in a write-only register): the same checks, nothing written.
     *
     * @throws UnsupportedOperationException if the field is read-only
     * @throws IllegalArgumentException if {@code value} does not fit
     */
    public RegisterOp writeOp(long value) {
        return register.maskedOp(mask, checkedBits(value));
    }

    /**
     * The read {@link #get} would perform; {@link #readValue} turns its result into the field.
     *
     * @throws UnsupportedOperationException if the field or its register is write-only
     */
    public RegisterOp readOp() {
        checkReadable();
        return register.readOp();
    }

    /** What {@link #get} returns for a bus read of the register that gave {@code raw}. */
    public long readValue(long raw) {
        return (raw & mask) >>> lsb;
    }

    /**
     * A poll until {@link #get} equals {@code until}, for a register program; null when
     * {@code until} is wider than the field.
     *
     * @throws UnsupportedOperationException if the field or its register is write-only
     */
    public RegisterOp pollOp(long until, java.time.Duration timeout) {
        readOp();
        return (until & ~valueMask) != 0 ? null : register.pollBits(mask, until << lsb, timeout);
    }

    /** One line, e.g. {@code AP_START[0:0]=1} or {@code AP_START[0:0]} when unreadable. */
    @Override
    public String toString() {
        return name + "[" + msb() + ":" + lsb + "]";
    }
}
