package io.jynq.device.sim;

import io.jynq.device.sim.model.IpModel;
import io.jynq.device.sim.model.StreamChunk;
import io.jynq.device.sim.model.StreamIn;
import io.jynq.device.sim.model.StreamOut;
import java.util.Set;

/**
 * Stream plumbing without registers (AXI4-Stream data FIFO, register slice, clock converter):
 * whatever arrives on {@code S_AXIS} leaves on {@code M_AXIS} unchanged, packet ends included.
 * Held back while {@code M_AXIS} is unconnected.
 */
final class AxisPassThrough implements IpModel {
    /** MODTYPEs modelled as pass-through. */
    static final Set<String> MODTYPES = Set.of("axis_data_fifo", "axis_register_slice", "axis_clock_converter");

    private final StreamIn in;
    private final StreamOut out;

    AxisPassThrough(StreamIn in, StreamOut out) {
        this.in = in;
        this.out = out;
        out.onRoom(() -> streamArrived("S_AXIS"));
    }

    @Override
    public int read(int byteOffset) {
        return 0;
    }

    @Override
    public void write(int byteOffset, int value, int byteStrobe) {
        // no registers
    }

    /** Length-preserving: drains what its output link takes. */
    @Override
    public long streamDrain(String slaveInterface) {
        return out.room();
    }

    @Override
    public void streamArrived(String slaveInterface) {
        while (in.available() > 0 && out.room() > 0) {
            StreamChunk c = in.take((int) Math.min(out.room(), Integer.MAX_VALUE));
            out.send(c.data(), c.last());
        }
    }
}
