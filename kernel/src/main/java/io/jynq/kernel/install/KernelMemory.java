package io.jynq.kernel.install;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's JVM options for a board's memory, chosen by measurement ({@code ./jynq bench memory},
 * figures in the session note of issue 19): on a board of at most {@link #SMALL_BOARD_BYTES} (a
 * PYNQ-Z2 has 512 MB for Linux, the Jupyter server and the kernel) the kernel runs every tutorial,
 * the PYNQ-Z1 base design's included, with a third of its heap to spare; larger boards keep the JVM's own sizing for their memory (a quarter of it as
 * heap, both JIT tiers), which a KV260's 4 GB affords.
 *
 * <p>What costs resident memory in the kernel, measured with {@code -XX:NativeMemoryTracking} after
 * all tutorials: the heap (53 MB live after a full collection once the PYNQ-Z1 base design is
 * loaded: the JShell compiler's symbol tables and class path jar indexes, the designs' parsed
 * metadata; JShell's completion index is built only on first completion, see DeferredClassIndex; the serial collector keeps the heap at its high-water mark until a full collection),
 * the class-data archive (30 MB, shared with other JVMs and dropped first under memory pressure
 * since it is file-backed), compiled code (15 MB with C1 only, 25 MB with C2), class metadata
 * (13 MB), compiler arenas (C2's reach 15 MB while it compiles) and glibc's per-thread malloc
 * arenas.
 */
public final class KernelMemory {
    /** Boards up to this size get {@link #SMALL_BOARD_OPTIONS}: 768 MiB, between a PYNQ-Z2 and a 1 GB board. */
    public static final long SMALL_BOARD_BYTES = 768L << 20;

    /**
     * Options for a board with at most {@link #SMALL_BOARD_BYTES}. The heap limit is the live heap
     * after all tutorials (53 MB with the PYNQ-Z1 base design loaded) plus a half: at -Xmx72m the
     * old generation (two thirds of the heap with the serial collector) is already 95% live.
     */
    static final List<String> SMALL_BOARD_OPTIONS = List.of(
            "-XX:MaxRAM=512m",            // ergonomics as on the board, whatever machine installs
            "-Xmx80m",                    // the heap: the largest single cost
            "-XX:MinHeapFreeRatio=10",    // give heap back after a full collection ...
            "-XX:MaxHeapFreeRatio=30",    // ... rather than keep it at its high-water mark
            "-XX:TieredStopAtLevel=1",    // C1 only: half the compiled code, no C2 arenas
            "-XX:CICompilerCount=1",      // one compiler thread on a 2-core Cortex-A9
            "-XX:ReservedCodeCacheSize=24m",
            "-XX:MaxMetaspaceSize=128m",  // a bound, so a class leak fails a cell, not the board
            "-Xss512k",                   // thread stacks (the JVM's default is 1 MB on ARM)
            "-XX:-UsePerfData",           // no /tmp/hsperfdata mapping
            KernelMemory.NATIVE_TRIM);    // glibc keeps freed native memory (javac, fonts): 8 MB back

    /**
     * Gives freed C heap back to the system every 2 s (glibc's malloc_trim), which glibc does
     * not do by itself for memory freed below the top of an arena: measured 8 MB after all
     * tutorials. A JVM option since OpenJDK 17.0.9; {@link #supportedBy} drops it for an older JVM.
     */
    static final String NATIVE_TRIM = "-XX:TrimNativeHeapInterval=2000";

    /** Environment for a small board's kernel: two glibc malloc arenas instead of 8 per core. */
    static final Map<String, String> SMALL_BOARD_ENV = Map.of("MALLOC_ARENA_MAX", "2");

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    private KernelMemory() {
    }

    /** The physical memory of this machine (or of its container) in bytes. */
    public static long machineMemory() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }

    /**
     * Reads a memory size as {@code --memory} takes it: {@code 512m}, {@code 4g}, {@code 4GiB},
     * {@code 1024M}, {@code 536870912} (bytes); k, m, g, t are powers of 1024.
     *
     * @throws IllegalArgumentException naming the text if it is not such a size or is zero
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--memory: '" + text + "' is not a memory size (e.g. 512m, 4g)");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--memory: '" + text + "' is too large", e);
        }
        if (n == 0 || Long.numberOfLeadingZeros(n) <= shift) {
            throw new IllegalArgumentException("--memory: '" + text + "' must be between 1 byte and 8 EiB");
        }
        return n << shift;
    }

    /**
     * The JVM options for a board of {@code boardBytes} of memory: above {@link #SMALL_BOARD_BYTES}
     * only {@code -XX:MaxRAM}, so the JVM sizes itself as it would on that board (a quarter of it
     * as heap) on whatever machine installs.
     */
    public static List<String> jvmOptions(long boardBytes) {
        return boardBytes <= SMALL_BOARD_BYTES ? SMALL_BOARD_OPTIONS : List.of("-XX:MaxRAM=" + (boardBytes >> 20) + "m");
    }

    /**
     * {@code options} less those of the optional ones ({@link #NATIVE_TRIM}) that {@code java}
     * refuses to start with (an older JVM than the option), each dropped one named on {@code log}.
     */
    public static List<String> supportedBy(Path java, List<String> options, java.io.PrintStream log) {
        List<String> out = new ArrayList<>(options);
        if (out.contains(NATIVE_TRIM) && !starts(java, NATIVE_TRIM)) {
            out.remove(NATIVE_TRIM);
            log.println("jynq: " + java + " does not know " + NATIVE_TRIM + " (OpenJDK 17.0.9+): left out");
        }
        return out;
    }

    private static boolean starts(Path java, String option) {
        try {
            Process p = new ProcessBuilder(java.toString(), option, "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) { // a board under emulation starts a JVM slowly
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The kernel's environment for a board of {@code boardBytes} of memory. */
    public static Map<String, String> environment(long boardBytes) {
        return boardBytes <= SMALL_BOARD_BYTES ? SMALL_BOARD_ENV : Map.of();
    }

    /**
     * The sized options with the user's appended, less every sized option a user option sets again
     * ({@code --jvm-option -Xmx256m} replaces {@code -Xmx80m}, {@code -XX:+TieredCompilation...}
     * style flags by name), so kernel.json shows each setting once.
     */
    public static List<String> merge(List<String> sized, List<String> user) {
        List<String> out = new ArrayList<>();
        for (String o : sized) {
            if (user.stream().noneMatch(u -> key(u).equals(key(o)))) {
                out.add(o);
            }
        }
        out.addAll(user);
        return out;
    }

    /** What a JVM option sets: the collector for any {@code -XX:+UseXxxGC}, {@code -Xmx}, {@code -XX:Name} (for {@code +}, {@code -} and {@code =}), {@code -Dname}. */
    static String key(String option) {
        if (option.matches("-XX:[+-]Use\\w+GC")) {
            return "garbage collector"; // the JVM refuses two
        }
        if (option.startsWith("-XX:")) {
            String rest = option.substring(4);
            if (rest.startsWith("+") || rest.startsWith("-")) {
                rest = rest.substring(1);
            }
            int eq = rest.indexOf('=');
            return "-XX:" + (eq < 0 ? rest : rest.substring(0, eq));
        }
        for (String p : List.of("-Xmx", "-Xms", "-Xss", "-Xmn")) {
            if (option.startsWith(p)) {
                return p;
            }
        }
        if (option.startsWith("-D")) {
            int eq = option.indexOf('=');
            return eq < 0 ? option : option.substring(0, eq);
        }
        return option;
    }
}
