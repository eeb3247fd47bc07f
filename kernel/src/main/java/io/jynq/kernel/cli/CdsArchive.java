package io.jynq.kernel.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Creates the kernel's AppCDS archive (JDK 13+ dynamic archive) with a training run of the very
 * JVM, options and class path the kernel will use; the JVM refuses an archive whose JDK build or
 * class path does not match, and with {@code -Xshare:auto} it does so silently (an unattended
 * JDK upgrade cost 250 ms of every start). So next to {@code jynq.jsa} a stamp file
 * ({@code jynq.jsa.jdk}) records the JDK it was made with ({@link #jdkStamp}); a kernel that finds
 * the stamp different from its own JDK makes a new archive ({@link CdsRefresh}).
 */
final class CdsArchive {
    static final int TRAINING_MINUTES = 5;

    private CdsArchive() {
    }

    /**
     * Trains and writes the archive (to a temporary name, then renamed, so a kernel starting
     * meanwhile maps either the old archive or the new one), then its stamp. The training's
     * output goes to a file, not a pipe: a training run that hangs is stopped after
     * {@value #TRAINING_MINUTES} minutes instead of blocking the reader forever.
     *
     * @param java       the java binary the kernel runs on
     * @param jvmOptions the kernel's JVM options, without {@code -XX:SharedArchiveFile}
     * @return empty if the archive was written, else why not (the training's output); the
     *     caller says it where its user sees it (a kernel must not print into a cell)
     */
    static Optional<String> create(Path java, List<String> jvmOptions, List<String> classPath, Path archive)
            throws InterruptedException {
        Path tmp = archive.resolveSibling(archive.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Path log = archive.resolveSibling(archive.getFileName() + ".log-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(archive.getParent());
            Files.deleteIfExists(tmp);
            List<String> cmd = new ArrayList<>();
            cmd.add(java.toString());
            cmd.addAll(jvmOptions);
            cmd.add("-XX:ArchiveClassesAtExit=" + tmp);
            cmd.add("-cp");
            cmd.add(String.join(File.pathSeparator, classPath));
            cmd.add(io.jynq.kernel.install.KernelSpec.MAIN_CLASS);
            cmd.add("--train");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().remove("JPY_PARENT_PID"); // a training run is nobody's kernel
            Process p = pb.start();
            boolean ended = p.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES);
            if (!ended || p.exitValue() != 0 || !Files.isRegularFile(tmp)) {
                p.destroyForcibly();
                Files.deleteIfExists(tmp);
                String out = Files.isRegularFile(log) ? Files.readString(log).strip() : "";
                return Optional.of((ended ? "training exited with " + p.exitValue() : "training did not end within "
                        + TRAINING_MINUTES + " min") + (out.isEmpty() ? "" : ": " + out));
            }
            Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writeStamp(archive, jdkStamp(javaHome(java)));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create CDS archive " + archive + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // a leftover log file beside the archive does no harm
            }
        }
    }

    /** The stamp file of an archive. */
    static Path stampFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".jdk");
    }

    /** The stamp recorded for an archive, or null if none. */
    static String readStamp(Path archive) {
        try {
            return Files.readString(stampFile(archive)).strip();
        } catch (IOException e) {
            return null;
        }
    }

    static void writeStamp(Path archive, String stamp) throws IOException {
        Path f = stampFile(archive);
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.writeString(tmp, stamp + "\n");
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The JDK home of a java binary (symbolic links resolved: /usr/bin/java is an alternative). */
    static Path javaHome(Path java) throws IOException {
        return java.toRealPath().getParent().getParent();
    }

    /**
     * What identifies a JDK build for CDS: its home, the {@code JAVA_RUNTIME_VERSION} of its
     * {@code release} file, and the size and time of {@code lib/modules} (a package upgrade of
     * the same version rewrites it).
     */
    static String jdkStamp(Path javaHome) {
        String version = "?";
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_RUNTIME_VERSION=")) {
                    version = line.substring(line.indexOf('=') + 1).replace("\"", "");
                }
            }
        } catch (IOException e) {
            version = System.getProperty("java.runtime.version");
        }
        Path modules = javaHome.resolve("lib").resolve("modules");
        String files;
        try {
            files = Files.size(modules) + "@" + Files.getLastModifiedTime(modules).toMillis();
        } catch (IOException e) {
            files = "no-modules";
        }
        return javaHome + " " + version + " " + files;
    }
}
