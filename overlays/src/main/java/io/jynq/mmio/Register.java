package io.jynq.mmio;

import io.jynq.device.RegisterOp;
import io.jynq.metadata.Access;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One register of an IP, read and written through its {@link Mmio} (PYNQ's {@code Register}).
 * Values are unsigned and at most 64 bits wide; a register of up to 32 bits is one 32-bit bus
 * access, a wider one two (low word first).
 *
 * <p><b>Bit slices are closed, {@code [msb:lsb]}</b>, the hardware convention PYNQ follows:
 * both ends are included and the first bound is the higher bit. Worked example: DATA holds
 * {@code 0b1011_0110}; {@code get(5, 2)} takes bits 5, 4, 3 and 2, that is {@code 0b1101 = 13};
 * {@code set(5, 2, 0)} then writes {@code 0b1000_0010}. A slice of one bit is {@code get(3, 3)}.
 *
 * <p>Access from the {@code .hwh}: a read-only register refuses {@link #set}; a write-only one
 * refuses {@link #get} and shows {@code write-only} in {@link #toString()}. Every refusal happens
 * before the bus is touched.
 */
public final class Register {
    private final Mmio mmio;
    private final String ipName;
    private final String name;
    private final long offset;
    private final int widthBits;
    private final boolean wide;
    private final long valueMask;
    private final Access access;
    /** {@code access.readable()} and {@code writable()}, kept as flags for the field-write path. */
    private final boolean readable;
    private final boolean writable;
    private final Map<String, BitField> fields = new LinkedHashMap<>();
    private String description = "";

    /**
     * @param mmio the IP's window
     * @param name the register name, as in the {@code .hwh}
     * @param byteOffset offset from the IP's base in bytes (4-aligned; 8-aligned when wider than 32 bits)
     * @param widthBits 1..64
     * @param access the register's access
     * @throws IllegalArgumentException if {@code widthBits} is not 1..64
     */
    public Register(Mmio mmio, String name, long byteOffset, int widthBits, Access access) {
        if (widthBits < 1 || widthBits > 64) {
            throw new IllegalArgumentException("register " + name + " of " + mmio.ipName() + " is " + widthBits
                    + " bits wide; 1..64 are supported");
        }
        this.mmio = mmio;
        this.ipName = mmio.ipName();
        this.name = name;
        this.offset = byteOffset;
        this.widthBits = widthBits;
        this.wide = widthBits > 32;
        this.valueMask = widthBits == 64 ? -1L : (1L << widthBits) - 1;
        this.access = access == null ? Access.READ_WRITE : access;
        this.readable = this.access.readable();
        this.writable = this.access.writable();
    }

    /**
     * Adds a named field covering bits {@code [lsb + widthBits - 1 : lsb]}.
     *
     * @throws IllegalArgumentException if the field does not lie inside the register
     */
    public Register addField(String fieldName, int lsb, int fieldWidthBits, Access fieldAccess) {
        if (lsb < 0 || fieldWidthBits < 1 || lsb + fieldWidthBits > widthBits) {
            throw new IllegalArgumentException("field " + fieldName + " bits [" + (lsb + fieldWidthBits - 1) + ":"
                    + lsb + "] lies outside " + qualifiedName() + " (" + widthBits + " bits)");
        }
        Access a = fieldAccess == null ? access : fieldAccess;
        if (!access.readable() && a.readable()) {
            a = access;
        }
        fields.put(fieldName, new BitField(this, fieldName, lsb, fieldWidthBits, a, ""));
        return this;
    }

    /**
     * As {@link #addField(String, int, int, Access)}, with the field's {@code .hwh} description.
     *
     * @throws IllegalArgumentException if the field does not lie inside the register
     */
    public Register addField(String fieldName, int lsb, int fieldWidthBits, Access fieldAccess, String fieldDescription) {
        addField(fieldName, lsb, fieldWidthBits, fieldAccess);
        BitField f = fields.get(fieldName);
        fields.put(fieldName, new BitField(this, fieldName, lsb, fieldWidthBits, f.access(),
                fieldDescription == null ? "" : fieldDescription));
        return this;
    }

    /** Sets the register's description (the {@code .hwh} {@code DESCRIPTION}); returns this. */
    public Register describedAs(String text) {
        description = text == null ? "" : text;
        return this;
    }

    /** The register's description from the {@code .hwh} (PYNQ's property docstring), "" if none. */
    public String description() {
        return description;
    }

    /** The name PYNQ gives this register as an attribute ({@link PynqNames#safe}), e.g. {@code Channel_1_GPIO_DATA}. */
    public String pynqName() {
        return PynqNames.safe(name);
    }

    /** The register name. */
    public String name() {
        return name;
    }

    String qualifiedName() {
        return ipName + "." + name;
    }

    /** Offset from the IP's base, in bytes. */
    public long byteOffset() {
        return offset;
    }

    /** Width in bits (1..64). */
    public int widthBits() {
        return widthBits;
    }

    /** The register's access from the {@code .hwh}. */
    public Access access() {
        return access;
    }

    /** The fields, in {@code .hwh} order (unmodifiable). */
    public Map<String, BitField> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /**
     * The field of that name: as the {@code .hwh} spells it, or as PYNQ does ({@link PynqNames#safe}).
     *
     * @throws NoSuchElementException listing the fields that exist, if there is none
     */
    public BitField field(String fieldName) {
        BitField f = fields.get(fieldName);
        if (f == null && fieldName != null) {
            for (BitField g : fields.values()) {
                if (PynqNames.safe(g.name()).equals(fieldName)) {
                    f = g;
                    break;
                }
            }
        }
        if (f == null) {
            throw new NoSuchElementException("no field \"" + fieldName + "\" in " + qualifiedName()
                    + "; fields: " + fields.keySet());
        }
        return f;
    }

    /**
     * Reads the register (unsigned, {@code widthBits} wide).
     *
     * @throws UnsupportedOperationException if the register is write-only; nothing is read
     */
    public long get() {
        checkReadable();
        return raw() & valueMask;
    }

    private void checkReadable() {
        if (!readable) {
            throw new UnsupportedOperationException(qualifiedName() + " is write-only; it cannot be read back");
        }
    }

    /**
     * Writes the whole register.
     *
     * @param value 0 .. 2<sup>widthBits</sup>-1; a negative value down to -2<sup>widthBits-1</sup>
     *        is taken as two's complement (so {@code set(-1)} sets every bit)
     * @throws UnsupportedOperationException if the register is read-only; nothing is written
     * @throws IllegalArgumentException if {@code value} does not fit; nothing is written
     */
    public void set(long value) {
        rawWrite(checkedValue(value));
    }

    private long checkedValue(long value) {
        checkWritable();
        if ((value & ~valueMask) != 0 && !fitsSigned(value, widthBits)) {
            throw new IllegalArgumentException("value " + value + " (0x" + Long.toHexString(value)
                    + ") does not fit in " + qualifiedName() + " (" + widthBits + " bits)");
        }
        return value & valueMask;
    }

    /**
     * Reads bits {@code [msb:lsb]} (closed, see the class comment), shifted down to bit 0.
     *
     * @throws IllegalArgumentException if {@code msb < lsb} or the slice leaves the register
     * @throws UnsupportedOperationException if the register is write-only
     */
    public long get(int msb, int lsb) {
        long mask = sliceMask(msb, lsb);
        return (get() & mask) >>> lsb;
    }

    /**
     * Writes {@code value} into bits {@code [msb:lsb]} (closed), keeping the other bits
     * (read-modify-write; on a write-only register the other bits are written as 0).
     *
     * @throws IllegalArgumentException if the slice is invalid or {@code value} does not fit in it
     * @throws UnsupportedOperationException if the register is read-only
     */
    public void set(int msb, int lsb, long value) {
        long mask = sliceMask(msb, lsb);
        checkWritable();
        int w = msb - lsb + 1;
        if (w < 64 && (value >>> w) != 0 && !fitsSigned(value, w)) {
            throw new IllegalArgumentException("value " + value + " does not fit in " + qualifiedName() + "["
                    + msb + ":" + lsb + "] (" + w + " bits)");
        }
        writeMasked(mask, (value << lsb) & mask);
    }

    /** Bit {@code index} as a boolean, {@code get(index, index) == 1}. */
    public boolean bit(int index) {
        return get(index, index) != 0;
    }

    /** Sets or clears bit {@code index}, keeping the others. */
    public void setBit(int index, boolean on) {
        set(index, index, on ? 1 : 0);
    }

    /**
     * The step {@link #set} would perform, for a register program: the same checks, nothing written.
     *
     * @throws UnsupportedOperationException if the register is read-only
     * @throws IllegalArgumentException if {@code value} does not fit
     */
    public RegisterOp writeOp(long value) {
        return RegisterOp.write(offset, wide ? 8 : 4, checkedValue(value));
    }

    /**
     * The read {@link #get} would perform, for a register program; {@link #readValue} turns its
     * result into what {@code get} returns.
     *
     * @throws UnsupportedOperationException if the register is write-only
     */
    public RegisterOp readOp() {
        checkReadable();
        return RegisterOp.read(offset, wide ? 8 : 4);
    }

    /** What {@link #get} returns for a bus read that gave {@code raw}. */
    public long readValue(long raw) {
        return raw & valueMask;
    }

    /**
     * A poll until {@link #get} equals {@code until}, for a register program; null when
     * {@code until} is wider than the register (no read can equal it: poll one by one, which times
     * out as it should).
     *
     * @throws UnsupportedOperationException if the register is write-only
     */
    public RegisterOp pollOp(long until, java.time.Duration timeout) {
        readOp();
        return (until & ~valueMask) != 0 ? null : RegisterOp.poll(offset, wide ? 8 : 4, valueMask, until, timeout);
    }

    RegisterOp maskedOp(long mask, long bits) {
        return readable ? RegisterOp.modify(offset, wide ? 8 : 4, mask, bits) : RegisterOp.write(offset, wide ? 8 : 4, bits);
    }

    RegisterOp pollBits(long mask, long bits, java.time.Duration timeout) {
        return RegisterOp.poll(offset, wide ? 8 : 4, mask, bits, timeout);
    }

    void writeMasked(long mask, long bits) {
        long old = readable ? raw() : 0;
        rawWrite((old & ~mask) | bits);
    }

    private long raw() {
        return wide ? mmio.read64(offset) : mmio.read32(offset) & 0xFFFF_FFFFL;
    }

    private void rawWrite(long v) {
        if (wide) {
            mmio.write64(offset, v);
        } else {
            mmio.write32(offset, (int) v);
        }
    }

    private void checkWritable() {
        if (!writable) {
            throw new UnsupportedOperationException(qualifiedName() + " is read-only");
        }
    }

    private long sliceMask(int msb, int lsb) {
        if (lsb < 0 || msb < lsb || msb >= widthBits) {
            throw new IllegalArgumentException("bit slice [" + msb + ":" + lsb + "] of " + qualifiedName()
                    + " is invalid: need " + (widthBits - 1) + " >= msb >= lsb >= 0 (closed [msb:lsb], msb first)");
        }
        int w = msb - lsb + 1;
        return (w == 64 ? -1L : (1L << w) - 1) << lsb;
    }

    static boolean fitsSigned(long value, int widthBits) {
        return widthBits >= 64 || (value < 0 && value >= -(1L << (widthBits - 1)));
    }

    /**
     * PYNQ's form: {@code Register(AP_START=0, AP_DONE=1, ...)}, {@code Register(value=3)} when
     * there are no fields, {@code Register(value=write-only)} for a write-only register. Reading a
     * register for this string has the side effects of a read (e.g. clear-on-read bits).
     */
    @Override
    public String toString() {
        if (!access.readable()) {
            return "Register(value=write-only)";
        }
        long v = get();
        if (fields.isEmpty()) {
            return "Register(value=" + v + ")";
        }
        StringBuilder sb = new StringBuilder("Register(");
        boolean first = true;
        for (BitField f : fields.values()) {
            sb.append(first ? "" : ", ").append(PynqNames.safe(f.name())).append('=');
            if (f.access().readable()) {
                long m = (f.widthBits() >= 64 ? -1L : (1L << f.widthBits()) - 1);
                sb.append((v >>> f.lsb()) & m);
            } else {
                sb.append("write-only");
            }
            first = false;
        }
        return sb.append(')').toString();
    }
}
