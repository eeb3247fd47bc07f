package io.jynq.device.sim;

import io.jynq.metadata.Arch;
import io.jynq.metadata.ModuleDescription;
import io.jynq.metadata.Net;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.metadata.PortDescription;
import io.jynq.metadata.PortDirection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Traces where an interrupt output goes, following the design's nets the way PYNQ's parser walks
 * them (notes/pynq.md section 3, step 6), but forwards: from the source port over its net to
 * every input on it; through an {@code xlconcat} (input {@code In<k>} becomes bit
 * {@code sum(IN<j>_WIDTH, j < k)} of {@code dout}) to whatever {@code dout} drives; ending at
 * another IP's interrupt input (an AXI INTC's {@code intr} bit) or at the PS's {@code IRQ_F2P}
 * (Zynq-7000: bit {@code i} is raw IRQ 61+i for i &lt; 8, 84+i-8 above) or
 * {@code pl_ps_irq0/1} (ZynqMP: 121+i, 136+i).
 */
final class InterruptRouter {
    /** An end of an interrupt route: a model input or a PS line. */
    record Target(String fullpath, String port, int bit, Integer rawIrq) {}

    private final OverlayMetadata md;
    private final Map<String, ModuleDescription> byFullpath = new HashMap<>();

    InterruptRouter(OverlayMetadata md) {
        this.md = md;
        for (ModuleDescription m : md.modules().values()) {
            byFullpath.put(m.fullpath(), m);
        }
    }

    /** Every input reached from output {@code port} of the module at {@code fullpath}. */
    List<Target> route(String fullpath, String port) {
        List<Target> out = new ArrayList<>();
        walk(fullpath, port, 0, out, 0);
        return out;
    }

    private void walk(String fullpath, String port, int bit, List<Target> out, int depth) {
        ModuleDescription m = byFullpath.get(fullpath);
        if (m == null || depth > 16) {
            return;
        }
        PortDescription p = m.ports().get(port);
        if (p == null || p.signame() == null || p.signame().isEmpty()) {
            return;
        }
        Net net = md.nets().get(p.signame());
        if (net == null) {
            return;
        }
        for (String pin : net.pins()) {
            int slash = pin.lastIndexOf('/');
            if (slash < 0) {
                continue;  // an external port
            }
            String sinkPath = pin.substring(0, slash);
            String sinkPort = pin.substring(slash + 1);
            if (sinkPath.equals(fullpath) && sinkPort.equals(port)) {
                continue;
            }
            ModuleDescription sink = byFullpath.get(sinkPath);
            if (sink == null) {
                continue;
            }
            PortDescription sp = sink.ports().get(sinkPort);
            if (sp == null || sp.direction() != PortDirection.IN) {
                continue;
            }
            if ("xlconcat".equals(sink.modType()) && sinkPort.startsWith("In")) {
                walk(sinkPath, "dout", concatOffset(sink, sinkPort) + bit, out, depth + 1);
            } else if (sink.processingSystem()) {
                Integer raw = rawIrq(sinkPort, bit);
                if (raw != null) {
                    out.add(new Target(sinkPath, sinkPort, bit, raw));
                }
            } else {
                out.add(new Target(sinkPath, sinkPort, bit, null));
            }
        }
    }

    private static int concatOffset(ModuleDescription concat, String inPort) {
        int k;
        try {
            k = Integer.parseInt(inPort.substring(2));
        } catch (NumberFormatException e) {
            return 0;
        }
        int offset = 0;
        for (int j = 0; j < k; j++) {
            offset += (int) concat.parameterLong("IN" + j + "_WIDTH", 1);
        }
        return offset;
    }

    private Integer rawIrq(String psPort, int bit) {
        Arch arch = md.arch();
        if (arch == Arch.ZYNQ && "IRQ_F2P".equals(psPort) && bit < 16) {
            return bit < 8 ? 61 + bit : 84 + bit - 8;
        }
        if (arch == Arch.ZYNQ_ULTRASCALE && bit < 8) {
            if ("pl_ps_irq0".equals(psPort)) {
                return 121 + bit;
            }
            if ("pl_ps_irq1".equals(psPort)) {
                return 136 + bit;
            }
        }
        return null;
    }
}
