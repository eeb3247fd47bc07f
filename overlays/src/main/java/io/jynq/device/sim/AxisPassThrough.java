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
    }

    @Override
    public int read(int byteOffset) {
        return 0;
    }

    @Override
    public void write(int byteOffset, int value, int byteStrobe) {
        // no registers
    }

    @Override
    public void streamArrived(String slaveInterface) {
        if (!out.isConnected()) {
            return;
        }
        StreamChunk c;
        while ((c = in.take(Integer.MAX_VALUE)) != null) {
            out.send(c.data(), c.last());
        }
    }
}
