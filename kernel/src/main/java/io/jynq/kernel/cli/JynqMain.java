package io.jynq.kernel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Java side of {@code ./jynq}: every subcommand that runs in a JVM. The bash launcher builds
 * what is stale and handles {@code build}, {@code test} and {@code bench} itself; all else
 * arrives here. Each layer owns its commands (the overlay layer's are in {@code io.jynq.cli});
 * this class only lists them, which is why it sits in the top module.
 */
@Command(name = "jynq", mixinStandardHelpOptions = true, version = "jynq 0.1.0",
        description = "The PYNQ notebook workflow in Java.",
        subcommands = {io.jynq.cli.HwhCommand.class, io.jynq.cli.BitCommand.class,
                io.jynq.cli.CoreCommand.class, io.jynq.cli.D2lCommand.class, io.jynq.cli.OverlaysCommand.class,
                io.jynq.remote.cli.BoardCommand.class,
                InstallKernelCommand.class, SimCommand.class, ShellStartupCommand.class})
public final class JynqMain implements Runnable {

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
