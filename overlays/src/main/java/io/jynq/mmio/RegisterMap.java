package io.jynq.mmio;

import io.jynq.metadata.IpDescription;
import io.jynq.metadata.RegisterField;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An IP's registers by the names the {@code .hwh} gives them (PYNQ's {@code register_map}).
 * <pre>{@code
 * RegisterMap rm = ol.ip("adder").registers();
 * rm.write("a", 3);                                  // whole register
 * rm.get("CTRL").field("AP_START").set(1);           // one field, read-modify-write
 * long sum = rm.read("ap_return");
 * System.out.println(rm);                            // RegisterMap { CTRL = Register(AP_START=0, ...), ... }
 * }</pre>
 *
 * <p>Names: a register or field is found by its {@code .hwh} name or by the name PYNQ gives it
 * ({@link PynqNames#safe}: {@code Channel_1_GPIO_DATA} for {@code Channel-1 GPIO DATA}); the map
 * lists registers by address, as PYNQ prints them, and prints PYNQ's names. Each register's and
 * field's {@code .hwh} description is {@link Register#description()} / {@link BitField#description()}.
 *
 * <p>Registers up to 32 bits are accessed as one 32-bit word, up to 64 bits as two; wider ones
 * are left out with a warning (as PYNQ does). Offsets come from {@code ADDRESS_OFFSET}, widths
 * from {@code SIZE}, access and fields from the {@code .hwh} listing.
 */
public final class RegisterMap {
    private static final System.Logger LOG = System.getLogger(RegisterMap.class.getName());

    private final String ipName;
    private final Map<String, Register> registers;
    private final Map<String, Register> byPynqName;

    /** A map over explicit registers (e.g. built by a driver for an IP whose {@code .hwh} lists none). */
    public RegisterMap(String ipName, Collection<Register> registers) {
        this.ipName = ipName;
        List<Register> sorted = new ArrayList<>(registers);
        sorted.sort(Comparator.comparingLong(Register::byteOffset)); // stable: equal offsets keep their order
        Map<String, Register> m = new LinkedHashMap<>();
        Map<String, Register> p = new LinkedHashMap<>();
        for (Register r : sorted) {
            m.put(r.name(), r);
            p.putIfAbsent(r.pynqName(), r);
        }
        this.registers = Collections.unmodifiableMap(m);
        this.byPynqName = p;
    }

    /**
     * Builds the map of {@code ip}'s {@code .hwh} registers over {@code mmio}.
     *
     * @throws IllegalArgumentException if the {@code .hwh} lists no registers for this IP
     */
    public static RegisterMap of(IpDescription ip, Mmio mmio) {
        if (ip.registers().isEmpty()) {
            throw new IllegalArgumentException(ip.name() + " (" + ip.type() + ") has no registers in its .hwh;"
                    + " use its Mmio (read32/write32 by offset) instead");
        }
        Map<String, Register> m = new LinkedHashMap<>();
        for (io.jynq.metadata.RegisterDescription d : ip.registers().values()) {
            if (d.sizeBits() > 64 || d.sizeBits() < 1) {
                LOG.log(Level.WARNING, "{0}: register {1} is {2} bits wide; only 1..64 are supported, left out",
                        ip.name(), d.name(), d.sizeBits());
                continue;
            }
            Register r = new Register(mmio, d.name(), d.byteOffset(), d.sizeBits(), d.access()).describedAs(d.description());
            for (RegisterField f : d.fields().values()) {
                if (f.bitOffset() < 0 || f.bitWidth() < 1 || f.bitOffset() + f.bitWidth() > d.sizeBits()) {
                    LOG.log(Level.WARNING, "{0}: field {1}.{2} bits [{3}:{4}] lies outside the {5}-bit register, left out",
                            ip.name(), d.name(), f.name(), f.bitOffset() + f.bitWidth() - 1, f.bitOffset(), d.sizeBits());
                    continue;
                }
                r.addField(f.name(), f.bitOffset(), f.bitWidth(), f.access(), f.description());
            }
            m.put(d.name(), r);
        }
        return new RegisterMap(ip.name(), m.values());
    }

    /**
     * The register of that name: as the {@code .hwh} spells it or as PYNQ does.
     *
     * @throws NoSuchElementException listing the registers that exist, if there is none
     */
    public Register get(String name) {
        Register r = registers.get(name);
        if (r == null) {
            r = byPynqName.get(name);
        }
        if (r == null) {
            throw new NoSuchElementException("no register \"" + name + "\" in " + ipName + "; registers: "
                    + registers.keySet());
        }
        return r;
    }

    /** Whether a register of that name exists. */
    public boolean contains(String name) {
        return registers.containsKey(name) || byPynqName.containsKey(name);
    }

    /** Reads a whole register by name (unsigned); see {@link Register#get()}. */
    public long read(String name) {
        return get(name).get();
    }

    /** Writes a whole register by name; see {@link Register#set(long)}. */
    public void write(String name, long value) {
        get(name).set(value);
    }

    /** The registers by {@code .hwh} name, in address order (unmodifiable). */
    public Map<String, Register> registers() {
        return registers;
    }

    /** The IP this map belongs to. */
    public String ipName() {
        return ipName;
    }

    /**
     * PYNQ's form, one register per line:
     * <pre>
     * RegisterMap {
     *   CTRL = Register(AP_START=0, AP_DONE=0, AP_IDLE=1, AP_READY=0, AUTO_RESTART=0),
     *   a = Register(value=write-only),
     *   ap_return = Register(value=7)
     * }</pre>
     * Building it reads every readable register, with the side effects of those reads.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RegisterMap {");
        boolean first = true;
        for (Register r : registers.values()) {
            sb.append(first ? "\n  " : ",\n  ").append(r.pynqName()).append(" = ").append(r);
            first = false;
        }
        return sb.append(first ? "}" : "\n}").toString();
    }
}
