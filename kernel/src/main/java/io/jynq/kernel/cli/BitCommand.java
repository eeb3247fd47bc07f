package io.jynq.kernel.cli;

import io.jynq.metadata.BitFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./jynq bit FILE.bit [--bin OUT.bin]}: the header of a Xilinx bitstream, and optionally
 * the {@code .bin} that Linux FPGA Manager loads (data section, 32-bit words byte-swapped).
 */
@Command(name = "bit", mixinStandardHelpOptions = true,
        description = "Show the header of a .bit bitstream; with --bin, convert it for FPGA Manager.")
public final class BitCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FILE.bit", description = "the Xilinx bitstream")
    Path file;

    @Option(names = "--bin", paramLabel = "OUT.bin", description = "write the byte-swapped .bin for FPGA Manager here")
    Path bin;

    @Override
    void run(PrintWriter out) {
        BitFile b = BitFile.read(file);
        out.printf("%s%n  design       %s%n  tool         %s%n  part         %s%n  date, time   %s %s%n"
                + "  data         %,d bytes at byte %d%n", file, b.design(), b.version(), b.part(), b.date(), b.time(),
                b.dataLength(), b.dataOffset());
        if (bin != null) {
            b.writeBin(bin);
            out.printf("wrote %s (%,d bytes, 32-bit words byte-swapped for FPGA Manager)%n", bin, b.dataLength());
        }
    }
}
