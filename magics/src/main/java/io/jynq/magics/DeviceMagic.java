package io.jynq.magics;

import io.jynq.device.Device;
import io.jynq.device.MemoryStats;
import io.jynq.device.PlState;
import io.jynq.render.Html;
import java.util.List;
import java.util.Set;

/**
 * {@code %device}: the board this session drives: backend ({@code sim} or {@code embedded}), what
 * the PL holds, the PL clocks, and contiguous memory in use and free (bytes, the largest free
 * block, live buffers), and the simulated time of RTL models on the simulated board.
 */
public final class DeviceMagic implements LineMagic {
    static final String USAGE = "%device";

    @Override
    public String name() {
        return "device";
    }

    @Override
    public String help() {
        return "backend, PL state, PL clocks and contiguous memory in use and free";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Object eval(MagicContext ctx, List<String> args) {
        if (!MagicArgs.parse(args, Set.of(), Set.of(), USAGE).positional().isEmpty()) {
            throw new MagicUsageException("%device takes no arguments: " + USAGE);
        }
        Device d = Device.active();
        PlState s = d.plState();
        MemoryStats m = d.memoryStats();
        String time = d.simulatedTime();
        String[][] all = {
            {"backend", d.name()},
            {"PL holds", s.isProgrammed() ? s.bitfileName() + " (since " + s.timestamp() + ")" : "nothing"},
            {"PL clocks", clocks(d)},
            {"contiguous memory used", mib(m.usedBytes()) + " of " + mib(m.totalBytes()) + " in " + m.liveBuffers() + " buffers"},
            {"contiguous memory free", mib(m.freeBytes()) + ", largest block " + mib(m.largestFreeBlock())},
            {"simulated time", time},
        };
        // the simulated time row only where something counts it (RTL models on the simulator)
        String[][] rows = time.isEmpty() ? java.util.Arrays.copyOf(all, all.length - 1) : all;
        StringBuilder text = new StringBuilder("Device");
        StringBuilder html = new StringBuilder("<table class=\"jynq-device\"><tbody>");
        for (String[] r : rows) {
            text.append(String.format("%n  %-24s %s", r[0], r[1]));
            html.append("<tr><th style=\"text-align:left\">").append(r[0]).append("</th><td>").append(Html.escape(r[1]))
                    .append("</td></tr>");
        }
        return new View(html.append("</tbody></table>").toString(), text.toString());
    }

    private static String clocks(Device d) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            b.append(i == 0 ? "" : ", ").append("fclk").append(i).append(' ').append(String.format("%.1f", d.fclkMhz(i)))
                    .append(" MHz");
        }
        return b.toString();
    }

    /** Bytes in MiB with two decimals, and the exact byte count when under 1 MiB. */
    static String mib(long bytes) {
        return bytes < (1 << 20) ? bytes + " bytes" : String.format("%.2f MiB", bytes / 1048576.0);
    }
}
