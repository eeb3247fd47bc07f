package io.jynq.kernel.cli;

import io.jynq.metadata.HwhParser;
import io.jynq.metadata.OverlayMetadata;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./jynq hwh FILE.hwh [--json]}: the addressable IP of an overlay (name, VLNV, physical
 * address, range, interrupts), its interrupt controllers, PS GPIO and hierarchy tree; or with
 * {@code --json} PYNQ's dictionaries exactly as PYNQ's parser returns them.
 */
@Command(name = "hwh", mixinStandardHelpOptions = true,
        description = "Show the IPs, addresses, interrupts and hierarchies of an overlay's .hwh file.")
public final class HwhCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FILE.hwh", description = "the Vivado hardware handoff file")
    Path file;

    @Option(names = "--json", description = "print PYNQ's ip_dict, gpio_dict, interrupt and hierarchy dictionaries as JSON")
    boolean json;

    @Override
    void run(PrintWriter out) {
        OverlayMetadata md = HwhParser.parse(file);
        if (json) {
            out.println(md.toPynqJson());
        } else {
            out.print(new HwhReport(md).render());
        }
    }
}
