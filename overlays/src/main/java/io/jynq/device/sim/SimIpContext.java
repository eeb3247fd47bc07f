package io.jynq.device.sim;

import io.jynq.device.sim.model.InterruptOut;
import io.jynq.device.sim.model.IpContext;
import io.jynq.device.sim.model.MemoryBus;
import io.jynq.device.sim.model.RegisterStore;
import io.jynq.device.sim.model.StreamIn;
import io.jynq.device.sim.model.StreamOut;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.ModuleDescription;
import java.util.HashMap;
import java.util.Map;

/** The {@link IpContext} of one IP of a {@link SimPl}. */
final class SimIpContext implements IpContext {
    private final SimPl pl;
    private final IpDescription ip;
    private final RegisterStore registers;
    private final RegisterStore scratch;
    private final Map<String, InterruptWire> wires = new HashMap<>();

    SimIpContext(SimPl pl, IpDescription ip, RegisterWindows.Window window) {
        this.pl = pl;
        this.ip = ip;
        this.registers = new RegisterStore(window.registers());
        this.scratch = new RegisterStore(window.scratch());
    }

    @Override
    public String name() {
        return ip.name();
    }

    @Override
    public IpDescription description() {
        return ip;
    }

    @Override
    public ModuleDescription module() {
        return pl.metadata().module(ip.instance());
    }

    @Override
    public RegisterStore registers() {
        return registers;
    }

    @Override
    public RegisterStore scratch() {
        return scratch;
    }

    @Override
    public StreamOut streamOut(String masterInterface) {
        return pl.streamOut(ip.fullpath(), masterInterface);
    }

    @Override
    public StreamIn streamIn(String slaveInterface) {
        return pl.streamIn(ip.fullpath(), slaveInterface);
    }

    @Override
    public InterruptOut interrupt(String port) {
        return wires.computeIfAbsent(port, p -> pl.interruptWire(ip.fullpath(), p));
    }

    @Override
    public Object lock() {
        return pl.lock();
    }

    @Override
    public void atomically(Runnable action) {
        pl.step(action);
    }

    @Override
    public MemoryBus memory() {
        return pl.memoryBus();
    }
}
