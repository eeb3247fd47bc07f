package io.jynq.kernel.cli;

import io.jynq.config.InvalidSettingException;
import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import io.jynq.kernel.display.StreamPump;
import io.jynq.kernel.eval.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The kernel process's settings ({@link JynqConfig}), with the rule the kernel needs on top: a
 * value that cannot be read never stops the kernel (every restart would die again, with the
 * reason only in the server's log); it becomes a problem the first cell shows, and the default
 * is used.
 *
 * @param timeout         {@link Setting#TIMEOUT}, or null for none
 * @param compilerOptions {@link Setting#COMPILER_OPTS}
 * @param streamRate      {@link Setting#IOPUB_DATA_RATE_LIMIT}, bytes per second, 0 for unlimited
 * @param problems        one sentence per value that could not be read
 */
record KernelSettings(Duration timeout, List<String> compilerOptions, long streamRate, List<String> problems) {

    static KernelSettings from(JynqConfig config) {
        List<String> problems = new ArrayList<>();
        Duration timeout = null;
        try {
            timeout = Timeouts.parse(config.string(Setting.TIMEOUT, null));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage() + "; cells run without a time limit");
        }
        String opts = config.string(Setting.COMPILER_OPTS, "");
        List<String> compilerOptions = opts.isBlank() ? List.of() : Arrays.asList(opts.strip().split("\\s+"));
        long rate = StreamPump.DEFAULT_RATE;
        try {
            rate = config.wholeNumber(Setting.IOPUB_DATA_RATE_LIMIT, StreamPump.DEFAULT_RATE, 0, Long.MAX_VALUE / 4);
        } catch (InvalidSettingException e) {
            problems.add(e.getMessage() + "; using " + StreamPump.DEFAULT_RATE + " bytes/s");
        }
        return new KernelSettings(timeout, List.copyOf(compilerOptions), rate, List.copyOf(problems));
    }
}
