package io.jynq.kernel.cli;

import io.jynq.device.DeviceException;
import io.jynq.device.sim.BoardReset;
import io.jynq.device.sim.SimConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./jynq sim reset [--force]}: the simulated board's maintenance. */
@Command(name = "sim", mixinStandardHelpOptions = true, subcommands = SimCommand.Reset.class,
        description = "The simulated board (JYNQ_SIM_DIR chooses which).")
public final class SimCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Clears the board's state: PL, buffers, DDR ({@link BoardReset}). */
    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Clear the simulated board's state (PL, buffers, DDR): the way out of a corrupt state file.")
    static final class Reset implements Callable<Integer> {
        @Option(names = "--force", description = "also when live processes hold buffers on the board")
        boolean force;

        @Override
        public Integer call() {
            Path dir = SimConfig.fromEnvironment().stateDirectory();
            try {
                List<String> removed = BoardReset.reset(dir, force);
                System.out.println(removed.isEmpty() ? "the simulated board in " + dir + " has no state to clear"
                        : "cleared the simulated board in " + dir + ": removed " + String.join(", ", removed));
                return 0;
            } catch (DeviceException e) {
                System.err.println("jynq sim reset: " + e.getMessage());
                return 1;
            }
        }
    }
}
