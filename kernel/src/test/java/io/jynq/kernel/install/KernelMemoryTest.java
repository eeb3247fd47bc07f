package io.jynq.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KernelMemoryTest {
    @Test
    void sizesReadAsTheJvmAndDfReadThem() {
        assertEquals(512L << 20, KernelMemory.parseSize("512m"));
        assertEquals(512L << 20, KernelMemory.parseSize("512M"));
        assertEquals(4L << 30, KernelMemory.parseSize("4g"));
        assertEquals(4L << 30, KernelMemory.parseSize("4GiB"));
        assertEquals(1000L, KernelMemory.parseSize("1000"));
        assertEquals(2L << 10, KernelMemory.parseSize(" 2k "));
    }

    @Test
    void aStrangersSizeIsRefusedNamingIt() {
        for (String bad : List.of("", "big", "-512m", "512 megabytes", "0", "0g", "99999999999999999999", "9000000000000g")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelMemory.parseSize(bad), bad);
            assertTrue(e.getMessage().startsWith("--memory: '" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void aPynqZ2GetsTheSmallSizingAKv260TheJvmsOwn() {
        List<String> z2 = KernelMemory.jvmOptions(KernelMemory.parseSize("512m"));
        assertTrue(z2.contains("-Xmx96m") && z2.contains("-XX:TieredStopAtLevel=1"), z2.toString());
        assertEquals("2", KernelMemory.environment(512L << 20).get("MALLOC_ARENA_MAX"));
        // a board's MemTotal is below its nominal size (the kernel's own reservations)
        assertEquals(z2, KernelMemory.jvmOptions(490L << 20));
        assertEquals(List.of("-XX:MaxRAM=4096m"), KernelMemory.jvmOptions(KernelMemory.parseSize("4g")));
        assertEquals(List.of("-XX:MaxRAM=2048m"), KernelMemory.jvmOptions(KernelMemory.parseSize("2g")));
        assertTrue(KernelMemory.environment(4L << 30).isEmpty());
    }

    @Test
    void aUserOptionReplacesTheSizedOneOfTheSameSetting() {
        List<String> merged = KernelMemory.merge(List.of("-Xmx96m", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xss512k"),
                List.of("-Xmx256m", "-XX:+UsePerfData", "-Dfoo=1"));
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m", "-XX:+UsePerfData", "-Dfoo=1"), merged);
        assertEquals("-XX:MaxRAM", KernelMemory.key("-XX:MaxRAM=512m"));
        assertEquals(List.of("-Xshare:auto", "-XX:+UseG1GC"), KernelMemory.merge(List.of("-XX:+UseSerialGC", "-Xshare:auto"),
                List.of("-XX:+UseG1GC")), "the JVM refuses two collectors");
        assertEquals("-XX:MaxRAMPercentage", KernelMemory.key("-XX:MaxRAMPercentage=50"));
    }

    @Test
    void thisMachinesMemoryIsPositive() {
        assertTrue(KernelMemory.machineMemory() > 64L << 20);
    }
}
