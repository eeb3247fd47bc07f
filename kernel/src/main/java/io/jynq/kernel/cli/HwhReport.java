package io.jynq.kernel.cli;

import io.jynq.metadata.GpioEntry;
import io.jynq.metadata.Hierarchy;
import io.jynq.metadata.InterruptController;
import io.jynq.metadata.InterruptPin;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.metadata.SystemInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The text {@code ./jynq hwh} prints: a summary line, the IP table, interrupts, GPIO, hierarchy tree. */
final class HwhReport {
    private final OverlayMetadata md;
    private final StringBuilder sb = new StringBuilder();

    HwhReport(OverlayMetadata md) {
        this.md = md;
    }

    String render() {
        SystemInfo si = md.systemInfo();
        sb.append(md.source()).append(": ").append(si.designName()).append(", ").append(si.archName()).append(' ')
                .append(si.part());
        if (si.board() != null) {
            sb.append(", board ").append(si.board());
        }
        if (si.vivadoVersion() != null) {
            sb.append(", Vivado ").append(si.vivadoVersion());
        }
        sb.append(md.partial() ? ", partial design" : ", PS " + md.processingSystem()).append(", ")
                .append(md.modules().size()).append(" modules\n\n");
        ipTable();
        controllers();
        gpio();
        hierarchies();
        return sb.toString();
    }

    private void ipTable() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"IP", "VLNV", "PHYSICAL ADDRESS", "RANGE", "INTERRUPTS"});
        for (IpDescription ip : new TreeMap<>(md.ipDict()).values()) {
            if (ip.processingSystem()) {
                continue;
            }
            List<String> irqs = new ArrayList<>();
            for (Map.Entry<String, InterruptPin> e : ip.interrupts().entrySet()) {
                irqs.add(e.getKey() + " -> " + line(e.getValue()));
            }
            rows.add(new String[] {ip.name() + (ip.memtype() != null && ip.memtype().name().equals("MEMORY") ? " (memory)" : ""),
                ip.type() == null ? "-" : ip.type(), String.format("0x%08X", ip.physAddr()), size(ip.addrRange()),
                irqs.isEmpty() ? "-" : String.join(", ", irqs)});
        }
        table(rows);
    }

    private static String line(InterruptPin p) {
        String where = p.controller().isEmpty() ? "PS" : p.controller();
        return where + "[" + p.index() + "]" + (p.rawIrq() == null ? "" : " IRQ " + p.rawIrq());
    }

    private void controllers() {
        if (md.interruptControllers().isEmpty()) {
            return;
        }
        sb.append("\nInterrupt controllers\n");
        for (InterruptController c : new TreeMap<>(md.interruptControllers()).values()) {
            sb.append("  ").append(c.name()).append(" -> ").append(c.parent().isEmpty() ? "PS" : c.parent()).append('[')
                    .append(c.index()).append(']').append(c.rawIrq() == null ? "" : " IRQ " + c.rawIrq()).append('\n');
        }
    }

    private void gpio() {
        if (md.gpioDict().isEmpty()) {
            return;
        }
        sb.append("\nPS GPIO\n");
        for (GpioEntry g : new TreeMap<>(md.gpioDict()).values()) {
            sb.append("  ").append(g.name()).append(" index ").append(g.index()).append(": ")
                    .append(String.join(", ", g.pins())).append('\n');
        }
    }

    private void hierarchies() {
        if (md.hierarchyDict().isEmpty()) {
            return;
        }
        sb.append("\nHierarchies\n");
        for (Map.Entry<String, Hierarchy> e : new TreeMap<>(md.hierarchyDict()).entrySet()) {
            if (e.getKey().indexOf('/') < 0) {
                sb.append(e.getKey()).append('\n');
                tree(e.getValue(), "");
            }
        }
    }

    private void tree(Hierarchy h, String indent) {
        List<String> labels = new ArrayList<>();
        List<Hierarchy> subs = new ArrayList<>();
        TreeMap<String, Object> children = new TreeMap<>();
        children.putAll(h.hierarchies());
        h.ip().forEach(children::putIfAbsent);
        h.memories().forEach(children::putIfAbsent);
        children.forEach((name, v) -> {
            labels.add(v instanceof Hierarchy ? name + "/" : name);
            subs.add(v instanceof Hierarchy ? (Hierarchy) v : null);
        });
        for (int i = 0; i < labels.size(); i++) {
            boolean last = i == labels.size() - 1;
            sb.append(indent).append(last ? "└── " : "├── ").append(labels.get(i)).append('\n');
            if (subs.get(i) != null) {
                tree(subs.get(i), indent + (last ? "    " : "│   "));
            }
        }
    }

    private void table(List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + w[i] + "s  ", r[i]));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** Bytes as the address editor shows them: 64K, 8M, 1G, or the exact byte count. */
    static String size(long bytes) {
        if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "G";
        }
        if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "M";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + "K";
        }
        return bytes + " bytes";
    }
}
