package io.jynq.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aSmallBoardsKernelStartsWithoutTheJitWarmupALargerOneWithIt() {
        java.util.Map<String, String> properties = new java.util.HashMap<>();
        for (String o : KernelMemory.jvmOptions(512L << 20)) {
            if (o.startsWith("-D")) {
                properties.put(o.substring(2, o.indexOf('=')), o.substring(o.indexOf('=') + 1));
            }
        }
        // read back as the kernel reads its settings, so the option names the setting JitWarmup reads
        assertEquals(java.util.Optional.of("off"),
                io.jynq.config.JynqConfig.of(java.util.Map.of(), properties).value(io.jynq.config.Setting.JIT_WARMUP));
        assertTrue(KernelMemory.jvmOptions(4L << 30).stream().noneMatch(o -> o.startsWith("-D")));
        // the user's option replaces the sizing's
        List<String> merged = KernelMemory.merge(KernelMemory.jvmOptions(512L << 20), List.of("-Djynq.jit.warmup=on"));
        assertEquals(1, merged.stream().filter(o -> o.startsWith("-Djynq.jit.warmup=")).count(), merged.toString());
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
        assertTrue(z2.contains("-Xmx72m") && z2.contains("-XX:TieredStopAtLevel=1"), z2.toString());
        assertEquals("1", KernelMemory.environment(512L << 20).get("MALLOC_ARENA_MAX"));
        // a board's MemTotal is below its nominal size (the kernel's own reservations)
        assertEquals(z2, KernelMemory.jvmOptions(490L << 20));
        assertEquals(List.of("-XX:MaxRAM=4096m"), KernelMemory.jvmOptions(KernelMemory.parseSize("4g")));
        assertEquals(List.of("-XX:MaxRAM=2048m"), KernelMemory.jvmOptions(KernelMemory.parseSize("2g")));
        assertTrue(KernelMemory.environment(4L << 30).isEmpty());
    }

    @Test
    void aUserOptionReplacesTheSizedOneOfTheSameSetting() {
        List<String> merged = KernelMemory.merge(List.of("-Xmx72m", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xss512k"),
                List.of("-Xmx256m", "-XX:+UsePerfData", "-Dfoo=1"));
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m", "-XX:+UsePerfData", "-Dfoo=1"), merged);
        assertEquals("-XX:MaxRAM", KernelMemory.key("-XX:MaxRAM=512m"));
        assertEquals(List.of("-Xshare:auto", "-XX:+UseG1GC"), KernelMemory.merge(List.of("-XX:+UseSerialGC", "-Xshare:auto"),
                List.of("-XX:+UseG1GC")), "the JVM refuses two collectors");
        assertEquals("-XX:MaxRAMPercentage", KernelMemory.key("-XX:MaxRAMPercentage=50"));
    }

    @Test
    void theNativeTrimIsKeptForAJvmThatKnowsItAndLeftOutForOneThatRefusesIt(@TempDir Path dir) throws IOException {
        List<String> z2 = KernelMemory.jvmOptions(512L << 20);
        assertTrue(z2.contains(KernelMemory.NATIVE_TRIM), z2.toString());
        Path thisJava = Path.of(System.getProperty("java.home"), "bin", "java");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertEquals(z2, KernelMemory.supportedBy(thisJava, z2, new PrintStream(log)), "OpenJDK 17.0.9+ knows it");

        // a JVM older than 17.0.9 refuses to start with an option it does not know
        Path old = dir.resolve("java");
        Files.writeString(old, "#!/bin/sh\ncase \"$*\" in *TrimNativeHeapInterval*) echo 'Unrecognized VM option' >&2; exit 1;; esac\nexit 0\n");
        assertTrue(old.toFile().setExecutable(true));
        List<String> kept = KernelMemory.supportedBy(old, z2, new PrintStream(log));
        assertFalse(kept.contains(KernelMemory.NATIVE_TRIM), kept.toString());
        assertEquals(z2.size() - 1, kept.size(), "every other option stays");
        assertTrue(log.toString().contains("TrimNativeHeapInterval"), log.toString());
    }

    @Test
    void theArchiveOptionIsLeftOutWithItsUnlockForAJvmWithoutIt(@TempDir Path dir) throws IOException {
        List<String> z2 = KernelMemory.jvmOptions(512L << 20);
        assertTrue(z2.containsAll(List.of(KernelMemory.UNLOCK_DIAGNOSTIC, KernelMemory.ARCHIVE_AT_BASE)), z2.toString());
        // a JVM without HotSpot's diagnostic ArchiveRelocationMode (another VM, a later JDK that dropped it)
        Path other = dir.resolve("java");
        Files.writeString(other, "#!/bin/sh\ncase \"$*\" in *ArchiveRelocationMode*) echo 'Unrecognized VM option' >&2; exit 1;; esac\nexit 0\n");
        assertTrue(other.toFile().setExecutable(true));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> kept = KernelMemory.supportedBy(other, z2, new PrintStream(log));
        assertFalse(kept.contains(KernelMemory.ARCHIVE_AT_BASE) || kept.contains(KernelMemory.UNLOCK_DIAGNOSTIC), kept.toString());
        assertTrue(kept.contains(KernelMemory.NATIVE_TRIM), "the trim is probed on its own");
        assertEquals(z2.size() - 2, kept.size(), kept.toString());
        assertTrue(log.toString().contains("does not know -XX:ArchiveRelocationMode=0"), log.toString());
    }

    @Test
    void thisJvmStartsWithTheSmallSizingAndMapsItsArchiveUnrelocated() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString()));
        cmd.addAll(KernelMemory.supportedBy(java, KernelMemory.jvmOptions(512L << 20), new PrintStream(new ByteArrayOutputStream())));
        cmd.addAll(List.of("-Xlog:cds=info", "-version"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        // OpenJDK 17.0.x relocates by default, logging this; relocation dirties every archive page
        assertFalse(out.contains("ArchiveRelocationMode == 1"), out);
    }

    @Test
    void thisMachinesMemoryIsPositive() {
        assertTrue(KernelMemory.machineMemory() > 64L << 20);
    }
}
