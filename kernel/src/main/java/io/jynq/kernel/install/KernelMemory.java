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
 * the PYNQ-Z1 base design's included, with a quarter of its heap to spare; larger boards keep the
 * JVM's own sizing for their memory (a quarter of it as heap, both JIT tiers), which a KV260's 4 GB
 * affords.
 *
 * <p>What is resident in the kernel after all tutorials at the small sizing, from its smaps and
 * {@code -XX:NativeMemoryTracking} (x86-64): the heap (61-64 MB; 56 MB live once the PYNQ-Z1 base
 * design is loaded: JShell's compiler state and class path jar indexes, the designs' metadata),
 * the class-data archives (30 MB, read-only parts clean and shared, see {@link #ARCHIVE_AT_BASE}),
 * shared libraries (22 MB, libjvm 14), class metadata (13 MB), the C heap (12 MB), compiled code
 * (11 MB with C1 only at 4x thresholds; 25 MB with C2), pages of the JDK's module image javac read
 * (8 MB) and thread stacks (2 MB). docs/board.md section 3a has the table.
 */
public final class KernelMemory {
    /** Boards up to this size get {@link #SMALL_BOARD_OPTIONS}: 768 MiB, between a PYNQ-Z2 and a 1 GB board. */
    public static final long SMALL_BOARD_BYTES = 768L << 20;

    /**
     * The JIT warm-up ({@code io.jynq.kernel.warmup.JitWarmup}) is off on a small board: after a
     * 60 s wait at this sizing it had spent 13 s of CPU (x86-64; a Cortex-A9 is several times
     * slower) and the kernel's RSS was 136 against 88 MB without it (138 against 98 after 400
     * cells more: a second JShell's heap, class metadata and compiled code), while the memory
     * target after all tutorials is 180 MB with 175 used. It does pay here too: a {@code 1+1}
     * cell's kernel CPU 8-12 against 13-19 ms for cells 1-300. {@code --jvm-option -Djynq.jit.warmup=on} turns it on.
     */
    // declared before SMALL_BOARD_OPTIONS, which reads it: it is not a compile-time constant
    static final String NO_JIT_WARMUP = "-D" + io.jynq.config.Setting.JIT_WARMUP.property() + "=off";

    /**
     * Options for a board with at most {@link #SMALL_BOARD_BYTES}, each kept because it lowered the
     * kernel's RSS after all tutorials ({@code ./jynq bench memory --memory 512m}, session note of
     * issue 19). With the serial collector the young generation is wholly resident (every cycle
     * allocates through all of eden) and the old one up to its high-water mark, which a full
     * collection reaches: 72 MB = the live heap after all tutorials (56 MB with the PYNQ-Z1 base
     * design loaded) plus 16; an 8 MB young generation leaves the old one 64 MB (at the default
     * third the young one took 24 MB of it: 199 against 185 MB RSS).
     *
     * <p>The JIT options were measured against the first cells of a notebook too (session note of
     * issue 12, x86-64 at load 7-12, kernel CPU from each thread's schedstat, two interleaved runs
     * each): tutorial 01's 12 cells cost the kernel 1.9-2.0 s of CPU with C1 only at
     * {@code CompileThresholdScaling=4}, 2.1-2.3 s at 1 and 4.0-4.5 s with C2
     * ({@code TieredStopAtLevel=4}); a {@code 1+1} cell, cells 101-300 of a fresh kernel, 11-14 ms
     * with C1 at 4, 8-10 ms at 1 (which pays only after about 100 cells, for 4-7 MB more after
     * all tutorials where the target leaves 5) and 17-24 ms with C2, whose compiler keeps
     * compiling javac for hundreds of cells. So they stay.
     */
    static final List<String> SMALL_BOARD_OPTIONS = List.of(
            "-XX:MaxRAM=512m",            // ergonomics as on the board, whatever machine installs
            "-Xmx72m",                    // the heap: the largest single cost
            "-Xmn8m",                     // young generation: minor collections stay short, old keeps 64 MB
            "-XX:MinHeapFreeRatio=10",    // give heap back after a full collection ...
            "-XX:MaxHeapFreeRatio=30",    // ... rather than keep it at its high-water mark
            "-XX:TieredStopAtLevel=1",    // C1 only: half the compiled code, no C2 arenas
            "-XX:CICompilerCount=1",      // one compiler thread on a 2-core Cortex-A9
            "-XX:CompileThresholdScaling=4", // compile only methods 4x as hot: code cache 15.7 -> 11 MB
            "-XX:ReservedCodeCacheSize=24m",
            "-XX:MaxMetaspaceSize=128m",  // a bound, so a class leak fails a cell, not the board
            "-Xss512k",                   // thread stacks (the JVM's default is 1 MB on ARM)
            "-XX:-UsePerfData",           // no /tmp/hsperfdata mapping
            KernelMemory.UNLOCK_DIAGNOSTIC,
            KernelMemory.ARCHIVE_AT_BASE,
            KernelMemory.NATIVE_TRIM,     // glibc keeps freed native memory (javac, fonts): 8 MB back
            KernelMemory.NO_JIT_WARMUP);

    /**
     * Gives freed C heap back to the system every 2 s (glibc's malloc_trim), which glibc does
     * not do by itself for memory freed below the top of an arena: measured 8 MB after all
     * tutorials. A JVM option since OpenJDK 17.0.9; {@link #supportedBy} drops it for an older JVM.
     */
    static final String NATIVE_TRIM = "-XX:TrimNativeHeapInterval=2000";

    /** Needed before {@link #ARCHIVE_AT_BASE}, a diagnostic option in OpenJDK 17. */
    static final String UNLOCK_DIAGNOSTIC = "-XX:+UnlockDiagnosticVMOptions";

    /**
     * Maps the class-data-sharing archives at the address they were dumped for instead of a random
     * one (OpenJDK 17.0.x's default relocates them, which writes every pointer in them): their
     * read-only regions then stay clean page-cache pages, shared with other JVMs and dropped first
     * under memory pressure, measured 14 MB less private dirty memory. The cost is the archive's
     * address randomisation, which a kernel running a user's own code does not defend anyway.
     */
    static final String ARCHIVE_AT_BASE = "-XX:ArchiveRelocationMode=0";

    /**
     * Options a JVM may refuse to start with (an unknown option is fatal), each with the options it
     * needs before it and why a JVM may not know it: {@link #supportedBy} probes them.
     */
    private static final List<Probe> PROBED = List.of(
            new Probe(NATIVE_TRIM, List.of(NATIVE_TRIM), "OpenJDK 17.0.9+"),
            new Probe(ARCHIVE_AT_BASE, List.of(UNLOCK_DIAGNOSTIC, ARCHIVE_AT_BASE), "a HotSpot diagnostic option"));

    private record Probe(String option, List<String> needs, String since) {
    }

    /**
     * Environment for a small board's kernel: one glibc malloc arena instead of 8 per core. Each
     * arena keeps its own freed memory; with two, the second held 8 MB after all tutorials while
     * the first grew by 6 when it was gone (15.7 against 13.4 MB of C heap). A 2-core board's few
     * threads that malloc (the compiler, javac's zip inflaters, fonts) hardly contend.
     */
    static final Map<String, String> SMALL_BOARD_ENV = Map.of("MALLOC_ARENA_MAX", "1");

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
     * {@code options} less those of the optional ones ({@link #NATIVE_TRIM}, {@link #ARCHIVE_AT_BASE}
     * with the unlock it needs) that {@code java} refuses to start with (an older JVM than the
     * option, or one without HotSpot's diagnostic option), each dropped one named on {@code log}.
     */
    public static List<String> supportedBy(Path java, List<String> options, java.io.PrintStream log) {
        List<String> out = new ArrayList<>(options);
        for (Probe probe : PROBED) {
            if (out.contains(probe.option()) && !starts(java, probe.needs())) {
                out.removeAll(probe.needs());
                log.println("jynq: " + java + " does not know " + probe.option() + " (" + probe.since() + "): left out");
            }
        }
        return out;
    }

    private static boolean starts(Path java, List<String> options) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(options);
        cmd.add("-version");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
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
     * ({@code --jvm-option -Xmx256m} replaces {@code -Xmx72m}, {@code -XX:+TieredCompilation...}
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
