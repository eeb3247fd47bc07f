package io.jynq.device.sim.model;

import io.jynq.metadata.IpDescription;
import io.jynq.metadata.ModuleDescription;

/**
 * What the simulator gives a model: its description from the {@code .hwh}, the storage of its
 * registers, its AXI4-Stream ports, its interrupt outputs and the memory its AXI masters reach.
 */
public interface IpContext {

    /** The IP's ip_dict name, e.g. {@code axi_dma_0} or {@code video/axi_vdma}. */
    String name();

    /** The ip_dict entry: base address, range, parameters, registers from the {@code .hwh}. */
    IpDescription description();

    /** The MODULE of the block design: ports and bus interfaces, for wiring. */
    ModuleDescription module();

    /** A PARAMETER's value (e.g. {@code C_GPIO_WIDTH}), or {@code defaultValue} when absent. */
    default String parameter(String name, String defaultValue) {
        String v = description().parameter(name);
        return v == null ? defaultValue : v;
    }

    /**
     * A numeric PARAMETER as {@link IpDescription#parameterLong} reads it, or {@code defaultValue} when absent.
     *
     * @throws IllegalArgumentException naming the IP and parameter when the value is not a number
     */
    default long parameterLong(String name, long defaultValue) {
        return description().parameterLong(name, defaultValue);
    }

    /** The IP's register storage, shared with every process on this board. */
    RegisterStore registers();

    /**
     * 4 KiB of storage beside the registers that software cannot reach, for model state every
     * process sharing the board must see (e.g. the levels on GPIO input pins). Zero after a download.
     */
    RegisterStore scratch();

    /**
     * The AXI4-Stream master interface of that name (e.g. {@code M_AXIS_MM2S}); one that is not
     * connected in the design accepts nothing ({@link StreamOut#isConnected()} is false).
     */
    StreamOut streamOut(String masterInterface);

    /** The AXI4-Stream slave interface of that name (e.g. {@code S_AXIS_S2MM}). */
    StreamIn streamIn(String slaveInterface);

    /** The interrupt output port of that name (e.g. {@code ip2intc_irpt}); a no-op where it is not wired. */
    InterruptOut interrupt(String port);

    /** The memory the IP's AXI masters reach: simulated DDR and the design's BRAM. */
    MemoryBus memory();

    /**
     * The lock the simulator holds around every call into the design's models. A model's own
     * public methods that outside code calls (driving an input pin, say) synchronise on it, so
     * they never interleave with register traffic from another thread.
     */
    Object lock();

    /**
     * Runs {@code action} as one step of the simulation: under {@link #lock()}, with the stream
     * and interrupt events it causes delivered after it returns, as for a register access. A
     * model's public input methods (driving a pin, say) wrap their work in it.
     */
    void atomically(Runnable action);
}
