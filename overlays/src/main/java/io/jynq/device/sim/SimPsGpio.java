package io.jynq.device.sim;

import io.jynq.device.AbstractPsGpioLine;
import io.jynq.device.DeviceException;
import io.jynq.device.PsGpioLine;
import io.jynq.device.sim.model.IpModel;
import io.jynq.metadata.GpioEntry;
import io.jynq.metadata.ModuleDescription;
import io.jynq.metadata.Net;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.metadata.PortDescription;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The PS GPIO (EMIO) pins of the simulated board, wired as the loaded design's {@code gpio_dict}
 * says. Driving a pin that reaches a reset input resets what that input resets, at the edge that
 * asserts it:
 * <ul>
 * <li>a {@code proc_sys_reset}'s {@code aux_reset_in} or {@code ext_reset_in} (active high when
 *     its {@code C_AUX_RESET_HIGH}/{@code C_EXT_RESET_HIGH} is 1, as on the PYNQ-Z1 base design's
 *     IOP resets): every modelled IP on the nets of its reset outputs;
 * <li>a reset port of a modelled IP itself ({@code *resetn}, {@code *rst_n}: active low; other
 *     {@code *reset*}/{@code *rst*}: active high).
 * </ul>
 * Holding a reset asserted does not freeze the IP; only the edge resets it. Pins not in the design
 * read what was last written (0 at first). Thread-safe.
 */
final class SimPsGpio {
    /** EMIO pins a Zynq-7000 has (ZynqMP has 96; the larger bound serves both). */
    static final int PINS = 96;
    private static final List<String> RESET_OUTPUTS = List.of("peripheral_aresetn", "peripheral_reset",
            "interconnect_aresetn", "bus_struct_reset", "mb_reset");

    private final int[] level = new int[PINS];
    private final boolean[] held = new boolean[PINS];
    private final Supplier<SimPl> design;

    /** @param design the loaded design, or null when the PL is empty */
    SimPsGpio(Supplier<SimPl> design) {
        this.design = design;
    }

    synchronized PsGpioLine open(int index, boolean output) {
        Objects.checkIndex(index, PINS);
        if (held[index]) {
            throw new DeviceException("PS GPIO " + index + " is held already; release() it first");
        }
        held[index] = true;
        return new Line(index, output);
    }

    private synchronized void release(int index) {
        held[index] = false;
    }

    private synchronized int read(int index) {
        return level[index];
    }

    private void write(int index, int value) {
        int before;
        synchronized (this) {
            before = level[index];
            level[index] = value;
        }
        SimPl pl = design.get();
        if (pl == null || before == value) {
            return;
        }
        OverlayMetadata md = pl.base().metadata();
        Set<String> targets = new LinkedHashSet<>();
        for (GpioEntry e : md.gpioDict().values()) {
            if (e.index() == index) {
                for (String pin : e.pins()) {
                    targets.addAll(resetTargets(md, pin, value));
                }
            }
        }
        if (!targets.isEmpty()) {
            pl.step(() -> targets.forEach(fullpath -> {
                IpModel m = pl.modelAt(fullpath);
                if (m != null) {
                    m.reset();
                }
            }));
        }
    }

    /** The fullpaths of the IPs that {@code pin} ({@code <module>/<port>}) at {@code value} resets. */
    static Set<String> resetTargets(OverlayMetadata md, String pin, int value) {
        Set<String> out = new LinkedHashSet<>();
        int slash = pin.lastIndexOf('/');
        if (slash <= 0) {
            return out;
        }
        String fullpath = pin.substring(0, slash);
        String port = pin.substring(slash + 1).toLowerCase(Locale.ROOT);
        ModuleDescription m = module(md, fullpath);
        if (m == null) {
            return out;
        }
        if ("proc_sys_reset".equals(m.modType()) && (port.equals("aux_reset_in") || port.equals("ext_reset_in"))) {
            String high = m.parameters().get(port.startsWith("aux") ? "C_AUX_RESET_HIGH" : "C_EXT_RESET_HIGH");
            int asserted = "0".equals(high) ? 0 : 1;
            if (value == asserted) {
                for (String output : RESET_OUTPUTS) {
                    PortDescription p = m.ports().get(output);
                    Net net = p == null || p.signame() == null ? null : md.nets().get(p.signame());
                    if (net != null) {
                        for (String member : net.pins()) {
                            int s = member.lastIndexOf('/');
                            if (s > 0 && !member.substring(0, s).equals(fullpath)) {
                                out.add(member.substring(0, s));
                            }
                        }
                    }
                }
            }
        } else if (port.contains("rst") || port.contains("reset")) {
            int asserted = port.endsWith("n") ? 0 : 1;
            if (value == asserted) {
                out.add(fullpath);
            }
        }
        return out;
    }

    private static ModuleDescription module(OverlayMetadata md, String fullpath) {
        for (ModuleDescription m : md.modules().values()) {
            if (m.fullpath().equals(fullpath)) {
                return m;
            }
        }
        return null;
    }

    private final class Line extends AbstractPsGpioLine {
        Line(int index, boolean output) {
            super(index, output);
        }

        @Override
        protected int level() {
            return SimPsGpio.this.read(index());
        }

        @Override
        protected void drive(int value) {
            SimPsGpio.this.write(index(), value);
        }

        @Override
        protected void release() {
            SimPsGpio.this.release(index());
        }

        @Override
        public String toString() {
            return "PsGpioLine[sim EMIO " + index() + (isOutput() ? ", out" : ", in") + (isClosed() ? ", released]" : "]");
        }
    }
}
