package io.jynq.kernel.cli;

import io.jynq.kernel.install.KernelMemory;
import io.jynq.kernel.install.KernelSpec;
import io.jynq.kernel.install.KernelSpecInstaller;
import io.jynq.kernel.install.KernelSpecInstaller.Scope;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./jynq install-kernel [--user | --sys-prefix | --prefix P] [--memory SIZE] [--jvm-option OPT]...}:
 * writes the JYNQ kernelspec, its JVM sized for the board's memory ({@link KernelMemory}).
 */
@Command(name = "install-kernel", mixinStandardHelpOptions = true,
        description = "Write the Jupyter kernelspec of the JYNQ kernel (default: --user).")
public final class InstallKernelCommand extends CliCommand {
    /** JVM options for a fast kernel start: small heap setup cost, no background GC threads. */
    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xshare:auto",
            "-Djava.awt.headless=true");

    static final class Where {
        @Option(names = "--user", description = "~/.local/share/jupyter/kernels (default)")
        boolean user;
        @Option(names = "--sys-prefix", description = "/usr/share/jupyter/kernels (Debian's Jupyter; needs root)")
        boolean sysPrefix;
        @Option(names = "--prefix", paramLabel = "P", description = "P/share/jupyter/kernels: for the Jupyter "
                + "of the Python environment P, e.g. PYNQ's /usr/local/share/pynq-venv")
        Path prefix;
    }

    @ArgGroup(exclusive = true)
    Where where = new Where();

    @Option(names = "--name", defaultValue = "jynq", description = "kernelspec name (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--display-name", defaultValue = "Java (JYNQ)", description = "name in the kernel menu")
    String displayName;

    @Option(names = "--java", paramLabel = "PATH", description = "java binary for the kernel (default: this JVM's)")
    Path java;

    @Option(names = "--classpath", paramLabel = "CP", description = "kernel class path (default: this JVM's)")
    String classPath;

    @Option(names = "--jvm-option", paramLabel = "OPT", description = "extra JVM option for the kernel (repeatable)")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--memory", paramLabel = "SIZE", description = "size the kernel's JVM for a board with this "
            + "much memory, e.g. 512m for a PYNQ-Z2 (default: this machine's memory)")
    String memory;

    @Option(names = "--no-cds", description = "skip the class-data-sharing archive (slower kernel start)")
    boolean noCds;

    @Option(names = "--refresh", description = "keep the JVM options of the kernelspec being replaced "
            + "(./jynq notebook and run reinstall with this after a build)")
    boolean refresh;

    /** The options for the chosen memory merged with the user's, and the kernel's environment (set by call). */
    private List<String> sized;
    private Map<String, String> env = Map.of();

    @Override
    void run(PrintWriter out) throws Exception {
        Scope scope = where.sysPrefix ? Scope.SYS_PREFIX : where.prefix != null ? Scope.PREFIX : Scope.USER;
        Path kernels = KernelSpecInstaller.kernelsDir(scope, where.prefix);
        Path kernelJson = kernels.resolve(name).resolve("kernel.json");
        if (refresh) {
            KernelSpec.Sizing earlier = KernelSpec.recordedSizing(kernelJson);
            List<String> kept = earlier != null ? earlier.userJvmOptions()
                    : KernelSpec.userJvmOptions(kernelJson, DEFAULT_JVM_OPTIONS);
            if (memory == null && earlier != null) {
                memory = earlier.memory();
            }
            List<String> merged = new ArrayList<>(kept);
            jvmOptions.stream().filter(o -> !merged.contains(o)).forEach(merged::add);
            jvmOptions = merged;
        }
        // a bad size is an IllegalArgumentException naming --memory: one line, nothing written
        long board = memory != null ? KernelMemory.parseSize(memory) : KernelMemory.machineMemory();
        sized = KernelMemory.supportedBy(javaBin(), KernelMemory.merge(KernelMemory.jvmOptions(board), jvmOptions), System.err);
        env = KernelMemory.environment(board);
        out.printf("kernel JVM sized for %d MiB of memory (%s): %s%n", board >> 20,
                memory != null ? "--memory " + memory : "this machine's", sized.isEmpty() ? "the JVM's own sizing" : String.join(" ", sized));
        KernelSpec spec = spec(List.of());
        if (!noCds) {
            Path archive = kernels.resolve(name).resolve("jynq.jsa").toAbsolutePath();
            java.util.Optional<String> failed = CdsArchive.create(spec.java(), spec.jvmOptions(), spec.classPath(), archive);
            if (failed.isEmpty()) {
                spec = spec(List.of("-XX:SharedArchiveFile=" + archive));
            } else {
                System.err.println("jynq: no class-data-sharing archive (kernel starts slower): " + failed.get());
            }
        }
        Path dir = KernelSpecInstaller.install(spec, kernels);
        out.println("installed kernelspec " + name + " in " + dir);
        if (scope == Scope.PREFIX) {
            out.println(KernelSpecInstaller.prefixFinder(where.prefix));
        }
    }

    private Path javaBin() {
        return java != null ? java.toAbsolutePath() : Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath();
    }

    KernelSpec spec(List<String> extraJvmOptions) {
        Path javaBin = javaBin();
        String cp = classPath != null ? classPath : System.getProperty("java.class.path");
        List<String> entries = Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank())
                .map(s -> s.endsWith("*") ? s : Path.of(s).toAbsolutePath().toString()).collect(Collectors.toList());
        List<String> chosen = sized != null ? sized : jvmOptions;
        List<String> opts = new ArrayList<>(KernelMemory.merge(DEFAULT_JVM_OPTIONS, chosen));
        opts.removeAll(chosen);  // the defaults not overridden, then the archive, then the chosen ones
        opts.addAll(extraJvmOptions);
        opts.addAll(chosen);
        return new KernelSpec(name, displayName, javaBin, entries, opts, env,
                new KernelSpec.Sizing(memory, jvmOptions));
    }
}
