package io.jynq.kernel.cli;

import io.jynq.kernel.display.StreamPump;
import io.jynq.kernel.eval.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The kernel process's settings from its environment, read in one place. A value that cannot be
 * read never stops the kernel (every restart would die again, with the reason only in the
 * server's log): it becomes a problem the first cell shows, and the default is used.
 *
 * <ul>
 *   <li>{@code JYNQ_TIMEOUT}: per-cell limit ({@link Timeouts#parse}); default none</li>
 *   <li>{@code JYNQ_COMPILER_OPTS}: javac options for snippets, separated by blanks</li>
 *   <li>{@code JYNQ_IOPUB_DATA_RATE_LIMIT}: stdout+stderr bytes per second reaching the notebook,
 *       averaged over 3 s; default 1000000 (the Jupyter server's {@code iopub_data_rate_limit});
 *       0 for no limit</li>
 * </ul>
 *
 * @param timeout         per-cell limit, or null for none
 * @param compilerOptions extra javac options
 * @param streamRate      bytes per second, 0 for unlimited
 * @param problems        one sentence per value that could not be read
 */
record KernelSettings(Duration timeout, List<String> compilerOptions, long streamRate, List<String> problems) {

    static KernelSettings from(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Duration timeout = null;
        try {
            timeout = Timeouts.parse(env.get("JYNQ_TIMEOUT"));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage() + "; cells run without a time limit");
        }
        String opts = env.get("JYNQ_COMPILER_OPTS");
        List<String> compilerOptions = opts == null || opts.isBlank() ? List.of() : Arrays.asList(opts.strip().split("\\s+"));
        long rate = StreamPump.DEFAULT_RATE;
        String r = env.get("JYNQ_IOPUB_DATA_RATE_LIMIT");
        if (r != null && !r.isBlank()) {
            try {
                rate = Math.round(Double.parseDouble(r.strip()));
                if (rate < 0) {
                    throw new NumberFormatException("negative");
                }
            } catch (NumberFormatException e) {
                rate = StreamPump.DEFAULT_RATE;
                problems.add("JYNQ_IOPUB_DATA_RATE_LIMIT='" + r + "' is not a number of bytes per second (0 = no limit); using "
                        + StreamPump.DEFAULT_RATE);
            }
        }
        return new KernelSettings(timeout, List.copyOf(compilerOptions), rate, List.copyOf(problems));
    }
}
