package io.jynq.ffi.libc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Linux thread id of the calling thread, read from {@code /proc/thread-self} (a link to
 * {@code PID/task/TID}). Plain Java on purpose: unlike {@link Libc}, using it loads no native
 * library, so a thread may learn its id at once and leave the libc call for later.
 */
public final class ThreadIds {
    private ThreadIds() {
    }

    /**
     * @return the calling thread's id, as {@code gettid()} would give it
     * @throws IOException where there is no {@code /proc/thread-self} (not Linux, or /proc not mounted)
     */
    public static int current() throws IOException {
        String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
        try {
            return Integer.parseInt(self.substring(self.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            throw new IOException("/proc/thread-self links to " + self + ", not PID/task/TID", e);
        }
    }
}
