package io.jynq.device.sim.rtl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JYNQ's own test IPs ({@code src/test/resources/io/jynq/rtl}) and the Verilator check. */
public final class RtlTestCores {
    private RtlTestCores() {}

    /** The folder of the test IPs. */
    public static Path folder() {
        try {
            return Path.of(RtlTestCores.class.getResource("/io/jynq/rtl/rtl_add.core").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A test IP's core, e.g. {@code rtl_add.core}. */
    public static Path core(String name) {
        return folder().resolve(name);
    }

    /** Skips the test with a message when Verilator is not installed (fails under CI, which installs it). */
    public static void requireVerilator() {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || Files.isExecutable(Path.of("/usr/bin/verilator")),
                "verilator is not installed: sudo apt-get install -y verilator");
    }
}
