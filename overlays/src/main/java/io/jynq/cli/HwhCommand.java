package io.jynq.cli;

import io.jynq.metadata.HwhParser;
import io.jynq.metadata.MetadataException;
import io.jynq.metadata.OverlayMetadata;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./jynq hwh FILE.hwh [--json]}: the addressable IP of an overlay (name, VLNV, physical
 * address, range, interrupts), its interrupt controllers, PS GPIO and hierarchy tree; or with
 * {@code --json} PYNQ's dictionaries exactly as PYNQ's parser returns them.
 */
@Command(name = "hwh", mixinStandardHelpOptions = true,
        description = "Show the IPs, addresses, interrupts and hierarchies of an overlay's .hwh file.")
public final class HwhCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.hwh", description = "the Vivado hardware handoff file")
    Path file;

    @Option(names = "--json", description = "print PYNQ's ip_dict, gpio_dict, interrupt and hierarchy dictionaries as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OverlayMetadata md;
        try {
            md = HwhParser.parse(file);
        } catch (MetadataException | UncheckedIOException e) {
            err.println("jynq hwh: " + e.getMessage());
            return 1;
        }
        if (json) {
            out.println(md.toPynqJson());
        } else {
            out.print(new HwhReport(md).render());
        }
        out.flush();
        return 0;
    }
}
