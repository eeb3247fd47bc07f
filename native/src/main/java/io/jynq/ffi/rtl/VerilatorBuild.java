package io.jynq.ffi.rtl;

import io.jynq.config.JynqConfig;
import io.jynq.error.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds RTL model libraries with Verilator (Debian's {@code verilator}) and caches them by the
 * SHA-256 of the Verilator version, the sources and include files (their bytes), the defines,
 * parameters and options, the port roles and the shim, so that an unchanged core loads without
 * running Verilator. The Verilator runtime is compiled once per Verilator version.
 *
 * <p>Two steps, each cached: {@link #ports} elaborates the toplevel ({@code --xml-only}) to list its
 * ports, from which the caller decides the roles; {@link #build} then builds the model with the
 * generated shim. Verilator's errors become a {@link RtlBuildException} at the HDL file and line.
 *
 * <p>Cache folder: {@code rtl/} under the C cache ({@code JYNQ_CC_CACHE}, default
 * {@code ~/.cache/jynq/cc}). Files are written under a temporary name and renamed.
 */
public final class VerilatorBuild {
    private static final Pattern ERROR = Pattern.compile("%(?:Error|Warning)(?:-[A-Z0-9_]+)?: ([^:\\s]+):(\\d+):(?:(\\d+):)? (.*)");
    private static final Pattern PORT = Pattern.compile("<var [^>]*name=\"([^\"]+)\"[^>]*dtype_id=\"(\\d+)\"[^>]*dir=\"(input|output|inout)\"");
    private static final Pattern DTYPE = Pattern.compile("<basicdtype [^>]*id=\"(\\d+)\"[^>]*?(?:left=\"(\\d+)\" right=\"(\\d+)\")?/?>");
    private static volatile String version;

    private final Path cacheDir;
    private final String verilator;

    /** A build with the default cache folder and {@code verilator} from the PATH. */
    public VerilatorBuild() {
        this(JynqConfig.current().ccCacheDir().resolve("rtl"), "verilator");
    }

    /**
     * @param cacheDir where libraries are kept; created on first use
     * @param verilator the Verilator command
     */
    public VerilatorBuild(Path cacheDir, String verilator) {
        this.cacheDir = cacheDir;
        this.verilator = verilator;
    }

    /**
     * Verilator's version line, e.g. {@code Verilator 5.006 2023-01-22 rev (Debian 5.006-3)}.
     *
     * @throws RtlBuildException with the {@code apt-get} line if Verilator is not installed
     */
    public String verilatorVersion() {
        String v = version;
        if (v == null) {
            Run r;
            try {
                r = run(List.of(verilator, "--version"), Path.of("."));
            } catch (UncheckedIOException e) {
                throw notInstalled();
            }
            if (r.exit != 0) {
                throw notInstalled();
            }
            v = r.output.strip();
            version = v;
        }
        return v;
    }

    private RtlBuildException notInstalled() {
        return new RtlBuildException(null, "Verilator is needed to simulate RTL and '" + verilator
                + "' cannot be run; install it with: sudo apt-get install -y verilator");
    }

    /**
     * The toplevel's ports after parameters, elaborated by Verilator once and then cached.
     *
     * @throws RtlBuildException at the HDL file and line if Verilator refuses the sources
     */
    public List<RtlPort> ports(RtlBuildSpec spec) {
        String key = sourceKey(spec);
        Path cached = cacheDir.resolve(key + ".ports");
        if (Files.isRegularFile(cached)) {
            return read(cached).lines().filter(l -> !l.isBlank()).map(RtlPort::parse).toList();
        }
        Path work = tempDir();
        try {
            List<String> cmd = new ArrayList<>(List.of(verilator, "--xml-only", "--Mdir", "obj", "--prefix", "Vjynq",
                    "-Wno-SYMRSVDWORD"));
            cmd.addAll(spec.arguments());
            check(run(cmd, work), spec);
            String xml = read(work.resolve("obj").resolve("Vjynq.xml"));
            List<RtlPort> ports = parsePorts(xml, spec.top());
            StringBuilder text = new StringBuilder();
            ports.forEach(p -> text.append(p.line()).append('\n'));
            writeAtomically(cached, text.toString().getBytes(StandardCharsets.UTF_8));
            return ports;
        } finally {
            delete(work);
        }
    }

    /** The ports of the top module in Verilator's XML ({@code topModule="1"}). */
    static List<RtlPort> parsePorts(String xml, String top) {
        int at = xml.indexOf("topModule=\"1\"");
        int end = at < 0 ? -1 : xml.indexOf("</module>", at);
        if (at < 0 || end < 0) {
            throw new RtlBuildException(null, "Verilator's elaboration of " + top + " has no top module");
        }
        java.util.Map<String, Integer> widths = new java.util.HashMap<>();
        Matcher d = DTYPE.matcher(xml);
        while (d.find()) {
            widths.put(d.group(1), d.group(2) == null ? 1 : Math.abs(Integer.parseInt(d.group(2)) - Integer.parseInt(d.group(3))) + 1);
        }
        List<RtlPort> ports = new ArrayList<>();
        Matcher m = PORT.matcher(xml.substring(at, end));
        while (m.find()) {
            ports.add(new RtlPort(m.group(1), m.group(3).equals("input"), widths.getOrDefault(m.group(2), 1)));
        }
        return ports;
    }

    /**
     * The model library for {@code spec} with these port roles: from the cache, else built
     * (Verilator, then the C++ compiler; seconds to minutes).
     *
     * @throws RtlBuildException at the HDL file and line if Verilator refuses the sources, or
     *     naming the port if the roles do not fit the shim
     */
    public RtlLibrary build(RtlBuildSpec spec, RtlPortRoles roles) {
        List<RtlPort> ports = ports(spec);
        String header = roles.header(spec.top(), ports);
        String shim = RtlNative.resource("jynq_rtl_shim.cpp");
        String abi = RtlNative.resource("jynq_rtl.h");
        String key = sha256(sourceKey(spec) + "\0" + header + "\0" + shim + "\0" + abi);
        Path lib = cacheDir.resolve(key + ".so");
        if (Files.isRegularFile(lib)) {
            return new RtlLibrary(spec.top(), lib, ports, true);
        }
        Path runtime = runtime();
        Path work = tempDir();
        try {
            Files.writeString(work.resolve("jynq_ports.h"), header);
            Files.writeString(work.resolve("jynq_rtl.h"), abi);
            Files.writeString(work.resolve("jynq_rtl_shim.cpp"), shim);
            List<String> cmd = new ArrayList<>(List.of(verilator, "--cc", "--build", "-j", "2", "--prefix", "Vjynq",
                    "--Mdir", "obj", "--trace", "-O3", "-Wno-SYMRSVDWORD", "--x-assign", "fast", "--x-initial", "fast", "--noassert",
                    "-CFLAGS", "-fPIC -O2"));
            cmd.addAll(spec.arguments());
            check(run(cmd, work), spec);
            Files.writeString(work.resolve("jynq_ports.h"), escapedNames(header, read(work.resolve("obj").resolve("Vjynq.h"))));
            Path tmp = work.resolve("model.so");
            List<String> link = new ArrayList<>(List.of("g++", "-O2", "-fPIC", "-shared", "-Iobj"));
            link.addAll(includeFlags());
            link.addAll(List.of("jynq_rtl_shim.cpp", "obj/Vjynq__ALL.a", runtime.toString(), "-o", tmp.toString(), "-pthread"));
            Run r = run(link, work);
            if (r.exit != 0) {
                throw new RtlBuildException(null, "the C++ compiler refused the shim of " + spec.top() + ":\n" + firstLines(r.output, 20));
            }
            Files.createDirectories(cacheDir);
            Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new RtlLibrary(spec.top(), lib, ports, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the RTL model of " + spec.top() + " in " + work, e);
        } finally {
            delete(work);
        }
    }

    /**
     * The header with each port Verilator renamed (a C++ word such as {@code interrupt} becomes
     * {@code __SYM__interrupt}, its SYMRSVDWORD rule) under its C++ name.
     */
    static String escapedNames(String header, String modelHeader) {
        Matcher m = Pattern.compile("&__SYM__(\\w+),").matcher(modelHeader);
        String out = header;
        while (m.find()) {
            out = out.replace("top->" + m.group(1) + "\n", "top->__SYM__" + m.group(1) + "\n");
        }
        return out;
    }

    /** The Verilator runtime (verilated.cpp and the VCD writer) as an archive, built once per version. */
    private Path runtime() {
        Path archive = cacheDir.resolve("runtime-" + sha256(verilatorVersion()).substring(0, 16) + ".a");
        if (Files.isRegularFile(archive)) {
            return archive;
        }
        Path work = tempDir();
        try {
            Path inc = includeDir();
            List<String> objects = new ArrayList<>();
            for (String src : List.of("verilated.cpp", "verilated_vcd_c.cpp", "verilated_threads.cpp")) {
                String obj = src.replace(".cpp", ".o");
                List<String> cmd = new ArrayList<>(List.of("g++", "-O2", "-fPIC", "-c", "-DVM_TRACE=1"));
                cmd.addAll(includeFlags());
                cmd.addAll(List.of(inc.resolve(src).toString(), "-o", obj));
                Run r = run(cmd, work);
                if (r.exit != 0) {
                    throw new RtlBuildException(null, "cannot compile the Verilator runtime " + src + ":\n" + firstLines(r.output, 20));
                }
                objects.add(obj);
            }
            List<String> ar = new ArrayList<>(List.of("ar", "rcs", "runtime.a"));
            ar.addAll(objects);
            if (run(ar, work).exit != 0) {
                throw new RtlBuildException(null, "ar cannot archive the Verilator runtime in " + work);
            }
            Files.createDirectories(cacheDir);
            Files.move(work.resolve("runtime.a"), archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the Verilator runtime in " + work, e);
        } finally {
            delete(work);
        }
    }

    private Path includeDir() {
        Run r = run(List.of(verilator, "--getenv", "VERILATOR_ROOT"), Path.of("."));
        Path root = Path.of(r.output.strip());
        Path inc = root.resolve("include");
        if (r.exit != 0 || !Files.isRegularFile(inc.resolve("verilated.cpp"))) {
            throw new RtlBuildException(null, "Verilator's runtime sources are not in " + inc
                    + "; reinstall it with: sudo apt-get install --reinstall -y verilator");
        }
        return inc;
    }

    private List<String> includeFlags() {
        Path inc = includeDir();
        return List.of("-I" + inc, "-I" + inc.resolve("vltstd"));
    }

    /**
     * The key of what Verilator makes of {@code spec}: its version, the toplevel, defines,
     * parameters and options, and each file's name and bytes, but not the folders the files are
     * in, so that a package extracted elsewhere (or copied) finds its model built.
     */
    private String sourceKey(RtlBuildSpec spec) {
        StringBuilder k = new StringBuilder(verilatorVersion()).append('\0').append(spec.top()).append('\0');
        spec.defines().forEach((n, v) -> k.append("+define+").append(n).append('=').append(v).append('\0'));
        spec.parameters().forEach((n, v) -> k.append("-G").append(n).append('=').append(v).append('\0'));
        spec.options().forEach(o -> k.append(o).append('\0'));
        for (Path f : concat(spec.sources(), spec.includeFiles())) {
            k.append(f.getFileName()).append('\0').append(sha256(readBytes(f))).append('\0');
        }
        return sha256(k.toString());
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** @throws RtlBuildException at the first {@code %Error: file:line:col:} Verilator printed */
    private static void check(Run r, RtlBuildSpec spec) {
        if (r.exit == 0) {
            return;
        }
        Matcher m = ERROR.matcher(r.output);
        SourcePosition at = null;
        if (m.find()) {
            at = new SourcePosition(m.group(1), Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        }
        List<String> errors = r.output.lines().filter(l -> l.startsWith("%Error") || l.startsWith("%Warning")).limit(8).toList();
        String detail = at != null ? m.group(4) : "Verilator refused " + spec.top();
        throw new RtlBuildException(at, detail + (errors.size() > 1 || at == null
                ? "\n" + String.join("\n", errors.isEmpty() ? List.of(firstLines(r.output, 20)) : errors) : ""));
    }

    private static String firstLines(String text, int n) {
        return String.join("\n", text.lines().limit(n).toList());
    }

    private record Run(int exit, String output) {}

    private static Run run(List<String> command, Path dir) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new RtlBuildException(null, command.get(0) + " took more than 10 minutes");
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private Path tempDir() {
        try {
            Files.createDirectories(cacheDir);
            return Files.createTempDirectory(cacheDir, "build-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a build folder in " + cacheDir, e);
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a build folder left behind costs disk space only; the next build uses a new one
        }
    }

    private static String read(Path f) {
        return new String(readBytes(f), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
