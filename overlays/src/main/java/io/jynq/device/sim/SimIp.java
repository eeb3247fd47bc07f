package io.jynq.device.sim;

import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.model.IpModel;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.MemType;
import java.nio.ByteBuffer;

/**
 * One addressable IP of the loaded design in this process: its window of the board's register
 * file, and its model (null for a plain register file or memory, which take the fast path).
 */
final class SimIp {
    private final SimPl pl;
    private final IpDescription description;
    private final ByteBuffer window;
    private IpModel model;
    private SimIpContext context;

    SimIp(SimPl pl, IpDescription description, ByteBuffer window) {
        this.pl = pl;
        this.description = description;
        this.window = window;
    }

    String name() {
        return description.name();
    }

    IpDescription description() {
        return description;
    }

    long baseAddress() {
        return description.physAddr();
    }

    long addrRange() {
        return description.addrRange();
    }

    /** Bytes of the range backed by the window (the whole range, up to {@link RegisterWindows#MAX_WINDOW}). */
    long backedBytes() {
        return window.capacity();
    }

    boolean isMemory() {
        return description.memtype() == MemType.MEMORY;
    }

    ByteBuffer window() {
        return window;
    }

    IpModel model() {
        return model;
    }

    void model(IpModel m) {
        this.model = m;
    }

    /** The context the IP's model sees (also for a plain register file, for a model bound later). */
    SimIpContext context() {
        return context;
    }

    void context(SimIpContext c) {
        this.context = c;
    }

    int read(int offset) {
        pl.checkLive(this);
        synchronized (pl.lock()) {
            pl.enter();
            try {
                pl.tick();
                return model.read(offset);
            } finally {
                pl.leave();  // delivers the stream events the access caused
            }
        }
    }

    void write(int offset, int value, int strobe) {
        pl.checkLive(this);
        synchronized (pl.lock()) {
            pl.enter();
            try {
                pl.tick();
                model.write(offset, value, strobe);
            } finally {
                pl.leave();
            }
        }
    }

    /** A register space over {@code [offset, offset + length)} of this IP. */
    RegisterSpace space(long offset, long length) {
        if (model == null) {
            ByteBuffer w = window.duplicate();
            w.position((int) offset).limit((int) (offset + length));
            return new MappedRegisterSpace(w.slice(), baseAddress() + offset, pl.live(), name(), this, offset);
        }
        return new ModelRegisterSpace(this, offset, length);
    }

    @Override
    public String toString() {
        return name() + " @ 0x" + Long.toHexString(baseAddress()) + " (" + (addrRange() >> 10) + " KiB"
                + (model == null ? (isMemory() ? ", memory" : ", register file") : ", " + model.getClass().getSimpleName()) + ")";
    }
}
