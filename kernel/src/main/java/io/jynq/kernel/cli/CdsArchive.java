package io.jynq.kernel.cli;

import io.jynq.kernel.install.KernelSpec;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creates the kernel's AppCDS archive (JDK 13+ dynamic archive) with a training run of the very
 * JVM, options and class path the kernelspec will use; the JVM refuses an archive whose class
 * path does not match, so it is tied to this install. If the build changes the jars, the kernel
 * still starts (with {@code -Xshare:auto} the archive is then ignored), only slower: reinstall.
 */
final class CdsArchive {
    private CdsArchive() {
    }

    /** @return true if the archive was written; false (with a message) if training failed */
    static boolean create(KernelSpec spec, Path archive) throws InterruptedException {
        try {
            Files.createDirectories(archive.getParent());
            Files.deleteIfExists(archive);
            List<String> cmd = new ArrayList<>();
            cmd.add(spec.java().toString());
            cmd.addAll(spec.jvmOptions());
            cmd.add("-XX:ArchiveClassesAtExit=" + archive);
            cmd.add("-cp");
            cmd.add(String.join(File.pathSeparator, spec.classPath()));
            cmd.add(KernelSpec.MAIN_CLASS);
            cmd.add("--train");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(archive)) {
                p.destroyForcibly();
                System.err.println("jynq install-kernel: no class-data-sharing archive (kernel starts slower): " + log.strip());
                return false;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create CDS archive " + archive + ": " + e.getMessage(), e);
        }
    }
}
