package io.jynq.ffi.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link Libc#niceCurrentThread}: the kernel's own view of the thread (/proc), not the call's return value alone. */
@EnabledOnOs(OS.LINUX)
class NiceThreadTest {
    @Test
    void onlyTheCallingThreadGetsTheNiceValue() throws Exception {
        AtomicReference<String> inside = new AtomicReference<>();
        AtomicReference<Boolean> set = new AtomicReference<>();
        Thread t = new Thread(() -> {
            set.set(Libc.niceCurrentThread(19));
            inside.set(nice(Path.of("/proc/thread-self/stat")));
        });
        t.start();
        t.join(30_000);
        assertTrue(set.get());
        assertEquals("19", inside.get());
        assertEquals(nice(Path.of("/proc/self/stat")), nice(Path.of("/proc/thread-self/stat")),
                "the test's own thread kept the process's nice value");
    }

    /** Field 19 of a stat file: the nice value. */
    private static String nice(Path stat) {
        try {
            String raw = Files.readString(stat);
            return raw.substring(raw.lastIndexOf(')') + 2).split(" ")[16];
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
