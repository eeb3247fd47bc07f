package io.jynq.kernel.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run by the kernel in the background after it is serving: if it was started with
 * {@code -XX:SharedArchiveFile=A} and A's stamp names another JDK than the one it runs on (a JDK
 * upgrade, or a kernelspec pointed at another JDK), the JVM has silently ignored A; a new archive
 * is trained for the next start. The kernel works either way; this only brings back its start
 * time. A failed training is recorded in the stamp so it is not retried at every start.
 */
final class CdsRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(CdsRefresh.class);
    static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";
    static final long START_DELAY_MS = 3000;

    private CdsRefresh() {
    }

    /** Starts the check on a low-priority daemon thread, unless the kernel has no archive. */
    static void startIfStale() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(START_DELAY_MS); // let the session start and the first cells run first
            } catch (InterruptedException e) {
                return;
            }
            refreshIfStale();
        }, "jynq-cds-refresh");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void refreshIfStale() {
        // the JVM's own options, not ProcessHandle's arguments(): those are read from the first
        // 4096 bytes of /proc/PID/cmdline and come back empty for a kernel's long class path
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Path archive = null;
        List<String> jvmOptions = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith(ARCHIVE_OPTION)) {
                archive = Path.of(a.substring(ARCHIVE_OPTION.length()));
            } else {
                jvmOptions.add(a);
            }
        }
        if (archive == null) {
            return;
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        String now = CdsArchive.jdkStamp(Path.of(System.getProperty("java.home")));
        String recorded = CdsArchive.readStamp(archive);
        if (now.equals(recorded) || ("failed " + now).equals(recorded)) {
            return;
        }
        LOG.warn("class-data archive {} was made for [{}], this kernel runs on [{}]: making a new one", archive, recorded, now);
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
        try {
            java.util.Optional<String> failed = CdsArchive.create(javaBin, jvmOptions, classPath, archive);
            if (failed.isPresent()) {
                LOG.warn("cannot refresh the class-data archive {}: {}", archive, failed.get());
                CdsArchive.writeStamp(archive, "failed " + now);
            } else {
                LOG.info("class-data archive {} rebuilt for [{}]", archive, now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("cannot refresh the class-data archive {}: {}", archive, e.toString());
        }
    }
}
