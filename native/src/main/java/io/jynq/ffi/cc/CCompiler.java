package io.jynq.ffi.cc;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import io.jynq.ffi.cheader.CDeclaration;
import io.jynq.ffi.cheader.CHeader;
import io.jynq.ffi.cheader.CHeaderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compiles C source text into a shared library with gcc ({@code -O2 -shared -fPIC}), shared by
 * the {@code %%c} cell magic and D2L native operations.
 *
 * <p>Libraries are cached in a directory, keyed by the SHA-256 of the compiler, the flags, the
 * machine architecture and the source, so an unchanged cell is not recompiled (in this or any
 * later process). The source is compiled after {@code #include <stdint.h>}, {@code <stddef.h>}
 * and {@code <stdbool.h>}, with a {@code #line} directive so that gcc reports errors at the
 * user's own line and file name.
 * <pre>{@code
 * CompiledLibrary built = new CCompiler().compile("cell.c", """
 *     uint32_t checksum(const uint8_t *data, size_t len) {
 *         uint32_t s = 0;
 *         for (size_t i = 0; i < len; i++) s = s * 31 + data[i];
 *         return s;
 *     }""", List.of());
 * try (CLibrary lib = built.load()) { lib.function("checksum").invoke(buffer, 1024L); }
 * }</pre>
 *
 * <p>Options: the cache directory (constructor; default {@code -Djynq.cc.cache}, else
 * {@code $JYNQ_CC_CACHE}, else {@code ~/.cache/jynq/cc}), the compiler (default
 * {@code -Djynq.cc}, else {@code $CC}, else {@code gcc}) and the time limit (default 2 minutes).
 */
public final class CCompiler {
    /**
     * The flags every library build uses, before the caller's. Debug information costs nothing at
     * run time and lets a fault report name the C source line (addr2line); DWARF 4 because
     * binutils 2.40's addr2line ignores {@code #line} file names in gcc 12's DWARF 5 line tables
     * (it answers {@code source.c}, the build's temporary name, instead of the cell's).
     */
    public static final List<String> BASE_FLAGS = List.of("-O2", "-gdwarf-4", "-shared", "-fPIC");
    private static final String PRELUDE = "#include <stdint.h>\n#include <stddef.h>\n#include <stdbool.h>\n";

    private final Path cacheDir;
    private final String compiler;
    private final Duration timeout;

    /** A compiler with the default cache directory, compiler and time limit. */
    public CCompiler() {
        this(defaultCacheDir(), defaultCompiler(), Duration.ofMinutes(2));
    }

    /**
     * @param cacheDir where libraries are kept; created on first use
     * @param compiler the gcc-compatible command, e.g. {@code gcc}
     * @param timeout the longest a compilation may take
     */
    public CCompiler(Path cacheDir, String compiler, Duration timeout) {
        this.cacheDir = cacheDir;
        this.compiler = compiler;
        this.timeout = timeout;
    }

    static Path defaultCacheDir() {
        return JynqConfig.current().ccCacheDir();
    }

    static String defaultCompiler() {
        return JynqConfig.current().string(Setting.CC, "gcc");
    }

    /** The cache directory. */
    public Path cacheDirectory() {
        return cacheDir;
    }

    /**
     * Compiles {@code source} and takes its exported function definitions as the library's functions.
     *
     * @param sourceName the name errors use, e.g. {@code cell.c}
     * @param flags extra gcc flags, e.g. {@code -lm} or {@code -DN=16}
     * @throws CCompileException if gcc fails (the message has the first error at the source line)
     * @throws io.jynq.ffi.cheader.CHeaderException if an exported function has an unsupported signature
     * @throws IllegalStateException if the compiler cannot be run or exceeds the time limit
     */
    public CompiledLibrary compile(String sourceName, String source, List<String> flags) {
        return build(sourceName, source, flags, null);
    }

    /**
     * Compiles {@code source} and binds the functions declared in {@code headerText} instead of
     * extracting them (for sources whose exports the extractor cannot read).
     *
     * @throws io.jynq.ffi.cheader.CHeaderException if the header has an unsupported declaration
     */
    public CompiledLibrary compile(String sourceName, String source, List<String> flags, String headerText) {
        return build(sourceName, source, flags, CHeader.parse(sourceName + " declarations", headerText));
    }

    /**
     * Compiles {@code source} into an executable program (not a library), cached like libraries;
     * for JYNQ's own helper programs.
     *
     * @param sourceName the name errors use
     * @param flags extra gcc flags, e.g. {@code -ldl}
     * @return the cached executable
     * @throws CCompileException if gcc fails
     */
    public Path compileProgram(String sourceName, String source, List<String> flags) {
        List<String> command = new ArrayList<>(List.of(compiler, "-O2", "-gdwarf-4", "-fdiagnostics-color=never"));
        command.addAll(flags);
        Path program = cacheDir.resolve(cacheKey(command, source) + ".bin");
        if (!Files.isExecutable(program)) {
            run(command, sourceName, null, Map.of(sourceName, source), program);
        }
        return program;
    }

    private List<String> command(List<String> flags) {
        List<String> command = new ArrayList<>();
        command.add(compiler);
        command.addAll(BASE_FLAGS);
        command.add("-fdiagnostics-color=never");
        command.addAll(flags);
        return command;
    }

    private CompiledLibrary build(String sourceName, String source, List<String> flags, List<CDeclaration> declared) {
        List<String> command = command(flags);
        Path library = cacheDir.resolve(cacheKey(command, source) + ".so");
        boolean cached = Files.isRegularFile(library);
        List<CDiagnostic> warnings = List.of();
        if (!cached) {
            String quoted = sourceName.replace("\\", "\\\\").replace("\"", "\\\"");
            String text = PRELUDE + "#line 1 \"" + quoted + "\"\n" + source + "\n";
            warnings = run(command, sourceName, null, Map.of("source.c", text), library);
        }
        List<CDeclaration> functions = declared != null ? declared : CHeader.parseDefinitions(sourceName, source);
        return new CompiledLibrary(sourceName, library, functions, cached, warnings);
    }

    /**
     * Compiles the {@code .c} files among {@code files} into one library (D2L native operations:
     * an overlay package's C sources). Headers ({@code .h}) in the list are not compiled but are
     * part of the cache key, so editing one rebuilds. gcc runs in the files' common directory, so
     * messages name them as {@code dsp.c:12:5}. The library's functions are the exported
     * definitions of every {@code .c} file.
     *
     * @param files sources and headers of one library
     * @param flags extra gcc flags
     * @throws IllegalArgumentException if there is no {@code .c} file, or two files define one function
     * @throws CCompileException if gcc fails
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public CompiledLibrary compileFiles(List<Path> files, List<String> flags) {
        List<Path> absolute = files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        Path base = absolute.stream().map(Path::getParent).reduce(CCompiler::commonParent)
                .orElseThrow(() -> new IllegalArgumentException("no source files given"));
        Map<String, String> contents = new LinkedHashMap<>();
        for (Path f : absolute) {
            try {
                contents.put(base.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read C source " + f, e);
            }
        }
        List<String> cFiles = contents.keySet().stream().filter(n -> n.endsWith(".c")).toList();
        if (cFiles.isEmpty()) {
            throw new IllegalArgumentException("no .c file among " + files);
        }
        List<String> command = command(flags);
        StringBuilder keyed = new StringBuilder();
        contents.forEach((name, text) -> keyed.append(name).append('\0').append(text).append('\0'));
        Path library = cacheDir.resolve(cacheKey(command, keyed.toString()) + ".so");
        String sourceName = cFiles.size() == 1 ? cFiles.get(0) : base.getFileName() + "/*.c";
        // functions first, so a clash between files is named before the linker's less direct message;
        // a parse error waits until gcc has had its say, since gcc explains a broken source better
        Map<String, CDeclaration> functions = new LinkedHashMap<>();
        Map<String, String> definedIn = new LinkedHashMap<>();
        CHeaderException unreadable = null;
        for (String c : cFiles) {
            try {
                for (CDeclaration d : CHeader.parseDefinitions(c, contents.get(c))) {
                    String other = definedIn.putIfAbsent(d.name(), c);
                    if (other != null) {
                        throw new IllegalArgumentException("function '" + d.name() + "' is defined in both " + other
                                + " and " + c);
                    }
                    functions.put(d.name(), d);
                }
            } catch (CHeaderException e) {
                unreadable = unreadable == null ? e : unreadable;
            }
        }
        boolean cached = Files.isRegularFile(library);
        List<CDiagnostic> warnings = cached ? List.of() : run(command, sourceName, base, contents, library);
        if (unreadable != null) {
            throw unreadable;
        }
        return new CompiledLibrary(sourceName, library, List.copyOf(functions.values()), cached, warnings);
    }

    private static Path commonParent(Path a, Path b) {
        Path p = a;
        while (p != null && !b.startsWith(p)) {
            p = p.getParent();
        }
        return p;
    }

    private static String cacheKey(List<String> command, String source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String keyed = String.join("\0", command) + "\0" + System.getProperty("os.arch") + "\0" + source;
            return HexFormat.of().formatHex(sha.digest(keyed.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * Runs gcc. {@code sources} maps file names to text: written into a temporary build directory
     * when {@code directory} is null, else already present there (only the {@code .c} ones are compiled).
     */
    private List<CDiagnostic> run(List<String> command, String sourceName, Path directory, Map<String, String> sources,
            Path library) {
        Path work = null;
        try {
            Files.createDirectories(cacheDir);
            work = Files.createTempDirectory(cacheDir, "build-");
            if (directory == null) {
                for (Map.Entry<String, String> e : sources.entrySet()) {
                    Files.writeString(work.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
                }
            }
            Path out = work.resolve("out.so");
            List<String> full = new ArrayList<>(command);
            full.addAll(List.of("-o", out.toString()));
            sources.keySet().stream().filter(n -> n.endsWith(".c")).forEach(full::add);
            full.add("-lm");
            String output = exec(full, directory == null ? work : directory);
            List<CDiagnostic> diagnostics = GccOutput.diagnostics(output, work);
            if (!Files.isRegularFile(out)) {
                throw GccOutput.failure(compiler, sourceName, output, work, diagnostics);
            }
            moveIntoCache(out, library);
            return diagnostics.stream().filter(d -> d.severity().equals("warning")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build " + sourceName + " in " + cacheDir, e);
        } finally {
            deleteTree(work);
        }
    }

    private String exec(List<String> command, Path work) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the C compiler '" + compiler + "' (" + e.getMessage()
                    + "): install gcc (apt install gcc) or name another with -Djynq.cc or $CC", e);
        }
        p.getOutputStream().close();
        byte[] output;
        try {
            output = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(compiler + " did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + compiler + " was running", e);
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    /** Atomic rename: a concurrent build of the same source by another process yields the same bytes. */
    private static void moveIntoCache(Path built, Path library) throws IOException {
        try {
            Files.move(built, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(built, library, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover build directory in the cache is harmless; the next build uses a new one
        }
    }
}
