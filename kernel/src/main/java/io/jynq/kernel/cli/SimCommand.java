package io.jynq.kernel.cli;

import io.jynq.device.sim.BoardReset;
import io.jynq.device.sim.SimConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./jynq sim reset [--force]}: the simulated board's maintenance. */
@Command(name = "sim", mixinStandardHelpOptions = true, subcommands = SimCommand.Reset.class,
        description = "The simulated board (JYNQ_SIM_DIR chooses which).")
public final class SimCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Clears the board's state: PL, buffers, DDR ({@link BoardReset}). */
    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Clear the simulated board's state (PL, buffers, DDR): the way out of a corrupt state file.")
    static final class Reset extends CliCommand {
        @Option(names = "--force", description = "also when live processes hold buffers on the board")
        boolean force;

        @Override
        void run(PrintWriter out) {
            Path dir = SimConfig.fromEnvironment().stateDirectory();
            List<String> removed = BoardReset.reset(dir, force);
            out.println(removed.isEmpty() ? "the simulated board in " + dir + " has no state to clear"
                    : "cleared the simulated board in " + dir + ": removed " + String.join(", ", removed));
        }
    }
}
