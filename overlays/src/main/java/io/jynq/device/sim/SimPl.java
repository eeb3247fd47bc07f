package io.jynq.device.sim;

import io.jynq.device.DeviceException;
import io.jynq.device.PlState;
import io.jynq.device.sim.model.IpModel;
import io.jynq.device.sim.model.IpModelFactory;
import io.jynq.device.sim.model.RegisterFileModel;
import io.jynq.device.sim.model.RegisterStore;
import io.jynq.metadata.BusConnection;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.MemType;
import io.jynq.metadata.ModuleDescription;
import io.jynq.metadata.OverlayMetadata;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The design loaded in the simulated PL, as this process sees it: one {@link SimIp} per
 * addressable IP (a model, or the fast path for a register file or memory), the AXI4-Stream
 * links, the interrupt wiring and the PS IRQ lines. Built on download (with reset) or when this
 * process attaches to a board another process programmed (without reset: the registers keep the
 * values in the shared file). All model calls happen under {@link #lock()}.
 */
final class SimPl {
    private final Object lock = new Object();
    private final OverlayMetadata md;
    private final PlState state;
    private final SimDevice device;
    private final TreeMap<Long, SimIp> byAddress = new TreeMap<>();
    private final Map<String, SimIp> byName = new LinkedHashMap<>();
    private final Map<String, SimIp> byFullpath = new HashMap<>();
    private final Map<String, IpModel> plumbing = new HashMap<>();
    private final Map<String, StreamChannel> byMaster = new HashMap<>();
    private final Map<String, StreamChannel> bySlave = new HashMap<>();
    private final Map<Integer, SimIrqLine> irqLines = new TreeMap<>();
    private final List<IpModel> clocked = new ArrayList<>();
    private final InterruptRouter router;
    private LiveDesign live;
    private SimPl parent;
    private final java.util.ArrayDeque<Runnable> work = new java.util.ArrayDeque<>();
    private int depth;

    private SimPl(OverlayMetadata md, PlState state, SimDevice device) {
        this.md = md;
        this.state = state;
        this.device = device;
        this.router = new InterruptRouter(md);
    }

    /**
     * Puts this (partial, DFX) design on top of {@code base}: its IPs answer first, the rest of
     * the base design stays as it was (PYNQ's {@code pr_download} into a region).
     */
    void stackOn(SimPl base) {
        this.parent = base;
    }

    /**
     * Builds the design's models over {@code windows}.
     *
     * @param reset true on download: every register to its reset value
     * @throws DeviceException naming the IP when a model cannot be created
     */
    static SimPl build(OverlayMetadata md, PlState state, RegisterWindows windows, SimDevice device, boolean reset) {
        SimPl pl = new SimPl(md, state, device);
        pl.live = new LiveDesign(windows.header(), state, device::plState);
        for (IpDescription ip : RegisterWindows.backedIps(md)) {
            RegisterWindows.Window w = windows.window(ip.name());
            SimIp s = new SimIp(pl, ip, w.registers());
            pl.byAddress.put(ip.physAddr(), s);
            pl.byName.put(ip.name(), s);
            if (ip.memtype() == MemType.REGISTER || !pl.byFullpath.containsKey(ip.fullpath())) {
                pl.byFullpath.put(ip.fullpath(), s);
            }
        }
        pl.wireStreams();
        pl.raiseIrqLines();
        for (IpDescription ip : RegisterWindows.backedIps(md)) {
            SimIp s = pl.byName.get(ip.name());
            if (s.isMemory()) {
                continue;
            }
            IpModelFactory f = ModelRegistry.find(ip, SimPl::note);
            RegisterWindows.Window w = windows.window(ip.name());
            s.context(new SimIpContext(pl, ip, w));
            IpModel m = f == null ? null : create(f, ip, s.context());
            if (m == null) {
                if (reset) {
                    RegisterFileModel.applyResetValues(ip, new RegisterStore(w.registers()));
                }
                continue;
            }
            s.model(m);
            if (m.clocked()) {
                pl.clocked.add(m);
            }
        }
        for (ModuleDescription m : md.modules().values()) {
            boolean plumbing = m.modType() != null && AxisPassThrough.MODTYPES.contains(m.modType());
            if (plumbing && !pl.byFullpath.containsKey(m.fullpath())) {
                pl.plumbing.put(m.fullpath(), new AxisPassThrough(pl.streamIn(m.fullpath(), "S_AXIS"),
                        pl.streamOut(m.fullpath(), "M_AXIS")));
            }
        }
        if (reset) {
            synchronized (pl.lock) {
                for (SimIp s : pl.byName.values()) {
                    if (s.model() != null) {
                        s.model().reset();
                    }
                }
            }
        }
        return pl;
    }

    /**
     * The model {@code f} makes for {@code ip}, or null (a plain register file, with a one-line
     * note) when the IP lacks a register the model needs ({@link java.util.NoSuchElementException}
     * from {@link IpDescription#register}): a user's IP that shares a bundled model's VLNV but not
     * its register layout (issue 14: a {@code fir:1.0} without {@code coef_0..7} failed to download).
     *
     * @throws DeviceException naming the IP when the model fails otherwise (a broken model)
     */
    private static IpModel create(IpModelFactory f, IpDescription ip, SimIpContext ctx) {
        IpModel m;
        try {
            m = f.create(ctx);
        } catch (java.util.NoSuchElementException e) {
            note(ip.name() + ": the simulation model for " + ip.type() + " does not fit this IP (" + e.getMessage()
                    + "); using a plain register file");
            return null;
        } catch (RuntimeException e) {
            throw new DeviceException("cannot create the simulation model of " + ip.name() + " (" + ip.type()
                    + "): " + e, e);
        }
        if (m == null) {
            throw new DeviceException("the model factory for " + ip.type() + " returned null for " + ip.name());
        }
        return m;
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SimPl.class.getName());

    /** One line about how an IP is simulated (a model that does not bind or fit). */
    static void note(String line) {
        LOG.warning(line);
    }

    private void wireStreams() {
        for (BusConnection c : md.streamConnections()) {
            String slavePath = c.slaveFullpath();
            StreamChannel ch = new StreamChannel(() -> modelAt(slavePath), c.slaveInterface(), c.toString(), this::post,
                    StreamBuffering.bytes(md, c));
            byMaster.put(c.masterFullpath() + "/" + c.masterInterface(), ch);
            bySlave.put(slavePath + "/" + c.slaveInterface(), ch);
        }
    }

    private void raiseIrqLines() {
        for (IpDescription ip : md.ipDict().values()) {
            ip.interrupts().values().forEach(pin -> {
                if (pin.rawIrq() != null) {
                    irqLines.computeIfAbsent(pin.rawIrq(), r -> new SimIrqLine(r, this));
                }
            });
        }
        md.interruptControllers().values().forEach(c -> {
            if (c.rawIrq() != null) {
                irqLines.computeIfAbsent(c.rawIrq(), r -> new SimIrqLine(r, this));
            }
        });
    }

    /** The model of the module at {@code fullpath}: an IP's or stream plumbing's; null if none. */
    IpModel modelAt(String fullpath) {
        SimIp s = byFullpath.get(fullpath);
        if (s != null) {
            return s.model();
        }
        return plumbing.get(fullpath);
    }

    StreamChannel streamOut(String fullpath, String intf) {
        StreamChannel c = byMaster.get(fullpath + "/" + intf);
        return c == null ? StreamChannel.UNCONNECTED : c;
    }

    StreamChannel streamIn(String fullpath, String intf) {
        return bySlave.computeIfAbsent(fullpath + "/" + intf, k -> new StreamChannel(null, intf, k + " (unconnected)",
                this::post, 0));
    }

    InterruptWire interruptWire(String fullpath, String port) {
        InterruptWire w = new InterruptWire(fullpath + "/" + port);
        for (InterruptRouter.Target t : router.route(fullpath, port)) {
            if (t.rawIrq() != null) {
                SimIrqLine line = irqLines.computeIfAbsent(t.rawIrq(), r -> new SimIrqLine(r, this));
                w.add(line::set);
            } else {
                w.add(high -> {
                    IpModel m = modelAt(t.fullpath());
                    if (m != null) {
                        m.interruptInput(t.port(), t.bit(), high);
                    }
                });
            }
        }
        return w;
    }

    /** DDR or the design's memory at {@code [phys, phys + length)}, or null: what AXI masters reach. */
    ByteBuffer memoryWindow(long phys, int length) {
        if (length < 0) {
            return null;
        }
        ByteBuffer ddr = device.ddrWindow(phys, length);
        if (ddr != null) {
            return ddr;
        }
        Map.Entry<Long, SimIp> e = byAddress.floorEntry(phys);
        if (e != null && e.getValue().isMemory()) {
            SimIp s = e.getValue();
            long off = phys - s.baseAddress();
            if (off + length <= s.backedBytes()) {
                ByteBuffer w = s.window().duplicate();
                w.position((int) off).limit((int) (off + length));
                return w.slice().order(java.nio.ByteOrder.LITTLE_ENDIAN);
            }
        }
        return parent == null ? null : parent.memoryWindow(phys, length);
    }

    Object lock() {
        return lock;
    }

    /** What this design's AXI masters reach: {@link #memoryWindow}, with holds on simulated DDR. */
    io.jynq.device.sim.model.MemoryBus memoryBus() {
        return new io.jynq.device.sim.model.MemoryBus() {
            @Override
            public ByteBuffer window(long physicalAddress, int byteLength) {
                return memoryWindow(physicalAddress, byteLength);
            }

            @Override
            public void hold(long physicalAddress, long byteLength) {
                device.holdDdr(physicalAddress, byteLength);
            }

            @Override
            public void release(long physicalAddress) {
                device.releaseDdr(physicalAddress);
            }
        };
    }

    /**
     * Runs one step of the simulation under the lock: {@code action}, then every model call it
     * caused (stream data arriving, room freeing), in order, until none is left. Calls caused
     * while a step runs are queued, never nested, so a long transfer cannot deepen the stack.
     */
    void step(Runnable action) {
        synchronized (lock) {
            enter();
            try {
                action.run();
            } finally {
                leave();
            }
        }
    }

    /** Starts a step; the caller holds {@link #lock()} and calls {@link #leave()} in a finally. */
    void enter() {
        depth++;
    }

    /** Ends a step: the outermost one runs the queued model calls (more may queue meanwhile). */
    void leave() {
        try {
            if (depth == 1) {
                Runnable r;
                while ((r = work.poll()) != null) {
                    r.run();
                }
            }
        } finally {
            depth--;
            if (depth == 0) {
                work.clear();  // after an exception, forget what the failed step queued
            }
        }
    }

    /** Queues a model call for the running step, or runs it as a step of its own. */
    void post(Runnable r) {
        synchronized (lock) {
            if (depth > 0) {
                work.add(r);
            } else {
                step(r);
            }
        }
    }

    /**
     * Makes {@code model} the IP's model from now on (an RTL model bound to it), for handles made
     * before too: a model-less IP's fast-path handles are diverted ({@link LiveDesign#divert}).
     */
    void replaceModel(SimIp ip, IpModel model) {
        synchronized (lock) {
            IpModel old = ip.model();
            clocked.remove(old);
            ip.model(model);
            if (model.clocked()) {
                clocked.add(model);
            }
            if (old == null) {
                live.divert();
            }
        }
    }

    /** Lets clocked models advance one cycle (called before each register access). */
    void tick() {
        for (int i = 0; i < clocked.size(); i++) {
            clocked.get(i).advance(1);
        }
    }

    /** Lets {@code cycles} cycles pass for every clocked model ({@code Sim.run}). */
    void run(long cycles) {
        step(() -> {
            for (IpModel m : clocked) {
                m.advance(cycles);
            }
        });
    }

    /** Lets clocked models advance while software waits on an interrupt. */
    void tickIdle() {
        synchronized (lock) {
            for (IpModel m : clocked) {
                m.advance(100);
            }
        }
    }

    boolean hasClockedModels() {
        return !clocked.isEmpty();
    }

    PlState state() {
        return state;
    }

    /** Whether this design is still the one the PL holds, for every handle of its IPs. */
    LiveDesign live() {
        return live;
    }

    /** @throws DeviceException naming {@code ip} and what the PL holds now, if this design was replaced */
    void checkLive(SimIp ip) {
        if (live.retired()) {
            throw live.stale(String.format("%s at 0x%X", ip.name(), ip.baseAddress()));
        }
    }

    OverlayMetadata metadata() {
        return md;
    }

    /** The full design under any partial ones stacked on it. */
    SimPl base() {
        return parent == null ? this : parent.base();
    }

    /** The IP whose range holds {@code phys}, or null. */
    SimIp at(long phys) {
        Map.Entry<Long, SimIp> e = byAddress.floorEntry(phys);
        if (e != null && phys - e.getKey() < e.getValue().addrRange()) {
            return e.getValue();
        }
        return parent == null ? null : parent.at(phys);
    }

    SimIp byName(String name) {
        SimIp s = byName.get(name);
        return s != null || parent == null ? s : parent.byName(name);
    }

    Map<String, SimIp> ips() {
        if (parent == null) {
            return Collections.unmodifiableMap(byName);
        }
        Map<String, SimIp> all = new LinkedHashMap<>(parent.ips());
        all.putAll(byName);
        return Collections.unmodifiableMap(all);
    }

    /** The IPs nearest to {@code phys}, for error messages. */
    List<SimIp> nearest(long phys, int count) {
        List<SimIp> all = new ArrayList<>(ips().values());
        all.sort((a, b) -> Long.compare(distance(a, phys), distance(b, phys)));
        return all.subList(0, Math.min(count, all.size()));
    }

    private static long distance(SimIp ip, long phys) {
        if (phys < ip.baseAddress()) {
            return ip.baseAddress() - phys;
        }
        return Math.max(0, phys - (ip.baseAddress() + ip.addrRange() - 1));
    }

    SimIrqLine irqLine(int raw) {
        SimIrqLine l = irqLines.get(raw);
        return l != null || parent == null ? l : parent.irqLine(raw);
    }

    java.util.Set<Integer> irqNumbers() {
        java.util.Set<Integer> all = new java.util.TreeSet<>(irqLines.keySet());
        if (parent != null) {
            all.addAll(parent.irqNumbers());
        }
        return all;
    }
}
