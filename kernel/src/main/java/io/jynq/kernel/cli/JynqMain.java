package io.jynq.kernel.cli;

import io.jynq.kernel.KernelInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Java side of {@code ./jynq}: every subcommand that runs in a JVM. The bash launcher builds
 * what is stale and handles {@code build}, {@code test} and {@code bench} itself; all else
 * arrives here. Its version is the build's ({@link KernelInfo#version()}, from the filtered
 * {@code version.properties}).
 */
@Command(name = "jynq", mixinStandardHelpOptions = true, versionProvider = JynqMain.Version.class,
        description = "The PYNQ notebook workflow in Java.",
        subcommands = {HwhCommand.class, BitCommand.class,
                CoreCommand.class, D2lCommand.class, OverlaysCommand.class,
                io.jynq.remote.cli.BoardCommand.class,
                InstallKernelCommand.class, SimCommand.class, ShellStartupCommand.class})
public final class JynqMain implements Runnable {

    /** {@code jynq --version}: {@code jynq 0.1.0-SNAPSHOT}, the version Maven built. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jynq " + KernelInfo.version()};
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new JynqMain()).execute(args));
    }
}
