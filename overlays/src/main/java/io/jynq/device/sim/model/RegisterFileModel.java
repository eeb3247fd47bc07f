package io.jynq.device.sim.model;

import io.jynq.metadata.IpDescription;
import io.jynq.metadata.RegisterDescription;

/**
 * A plain register file: reads return the last write, reset puts each register the {@code .hwh}
 * lists at its {@code RESET_VALUE} (0 where none is given). The simulator gives every IP without
 * a model this behaviour (through a faster path with no model object); user models may extend it
 * and override {@link #write} for the registers that act.
 */
public class RegisterFileModel implements IpModel {
    /** The IP's context. */
    protected final IpContext context;
    /** The IP's register storage. */
    protected final RegisterStore regs;

    /** @param context the IP's context */
    public RegisterFileModel(IpContext context) {
        this.context = context;
        this.regs = context.registers();
    }

    @Override
    public int read(int byteOffset) {
        return regs.get(byteOffset);
    }

    @Override
    public void write(int byteOffset, int value, int byteStrobe) {
        regs.put(byteOffset, RegisterStore.merge(regs.get(byteOffset), value, byteStrobe));
    }

    @Override
    public void reset() {
        applyResetValues(context.description(), regs);
    }

    /**
     * Writes each register's {@code RESET_VALUE} from the {@code .hwh} into {@code store} (32-bit
     * words; a 64-bit register gets its low word at its offset and its high word 4 bytes above).
     * Registers outside the store are skipped.
     */
    public static void applyResetValues(IpDescription ip, RegisterStore store) {
        for (RegisterDescription r : ip.registers().values()) {
            long reset = r.resetValue() == null ? 0 : r.resetValue();
            long off = r.byteOffset() & ~3L;
            if (off + 4 <= store.byteSize()) {
                store.put((int) off, (int) reset);
            }
            if (r.sizeBits() > 32 && off + 8 <= store.byteSize()) {
                store.put((int) off + 4, (int) (reset >>> 32));
            }
        }
    }
}
