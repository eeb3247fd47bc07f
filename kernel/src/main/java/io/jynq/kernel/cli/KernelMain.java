package io.jynq.kernel.cli;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import io.jynq.kernel.JynqKernel;
import io.jynq.kernel.wire.ConnectionFile;
import io.jynq.kernel.wire.KernelConnection;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The kernel process, as the kernelspec starts it: {@code java ... KernelMain CONNECTION_FILE}.
 * A plain main rather than a picocli command because every millisecond before the first
 * kernel_info_reply counts (the target is 1 s from process start).
 *
 * <p>Options: {@code --train} runs a throw-away session for the class-data-sharing archive
 * ({@code install-kernel} does this); {@code --insecure-no-key} accepts a connection file with an empty key (no message
 * is then authenticated). Environment: {@code JYNQ_TIMEOUT} (per-cell limit, e.g. {@code 30s}),
 * {@code JYNQ_STARTUP} (a .jsh file run at startup), {@code JYNQ_COMPILER_OPTS} (javac options for
 * snippets), {@code JYNQ_IOPUB_DATA_RATE_LIMIT} (see {@link KernelSettings}), {@code JYNQ_DEVICE} (device backend name, default {@code sim}), {@code JPY_PARENT_PID}
 * (set by jupyter_client: the kernel ends when that process does, see {@link ParentWatch}).
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // before the first logger exists: log lines go to the process's real stderr (the
        // Jupyter server's log), never into a cell, whatever System.err is later.
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("java.awt.headless", "true");
        createCrashDirectory();
        List<String> argv = Arrays.asList(args);
        if (argv.contains("--train")) {
            CdsTraining.run();
            System.exit(0);
        }
        boolean insecure = argv.contains("--insecure-no-key");
        List<String> files = argv.stream().filter(a -> !a.startsWith("--")).collect(Collectors.toList());
        if (files.size() != 1) {
            System.err.println("usage: KernelMain [--insecure-no-key] CONNECTION_FILE");
            System.exit(2);
        }
        ConnectionFile file;
        try {
            file = ConnectionFile.read(Path.of(files.get(0)), insecure);
        } catch (RuntimeException e) {
            System.err.println("jynq kernel: " + e.getMessage());
            System.exit(2);
            return;
        }
        JynqConfig config = JynqConfig.current();
        KernelSettings settings = KernelSettings.from(config);
        JynqKernel kernel = new JynqKernel(settings.timeout(), settings.compilerOptions());
        kernel.setStreamRateLimit(settings.streamRate());
        settings.problems().forEach(kernel::reportAtFirstCell);
        KernelConnection connection = new KernelConnection(file);
        // before the first request can come, so a bad setting is shown in the first cell; it
        // waits for the session and then for a quiet spell
        io.jynq.kernel.warmup.JitWarmup.startIfEnabled(config, kernel, connection);
        kernel.serve(connection);
        connection.connect();
        ParentWatch.start(config.string(Setting.PARENT_PID, null), connection::close);
        kernel.startSession();
        CdsRefresh.startIfStale();
        connection.awaitClose();
        System.exit(0);
    }

    /** The JVM writes hs_err files only into a directory that exists (see KernelSpec#crashDirectory). */
    private static void createCrashDirectory() {
        try {
            java.nio.file.Files.createDirectories(io.jynq.config.JynqConfig.current().crashDir());
        } catch (java.io.IOException | RuntimeException e) {
            // the JVM falls back to its working directory, as before
        }
    }
}
