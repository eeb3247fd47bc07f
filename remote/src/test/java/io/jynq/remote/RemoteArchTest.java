package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jynq.metadata.Arch;
import io.jynq.remote.client.RemoteDevice;
import io.jynq.remote.server.BoardServer;
import io.jynq.remote.server.Limits;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./jynq board serve --arch aarch64}: a simulated board that looks like a ZynqMP, as
 * docs/remote.md offers for PYNQ.remote tests. The client tells the architecture as PYNQ's does
 * (from {@code /proc/version} on a stock server, from the hello with JYNQ's extensions), and PL
 * clocks set through CRL_APB's registers (stock) or the clock call (extensions) are the ones the
 * board runs at.
 */
class RemoteArchTest {

    private static BoardServer.Options zynqMp(Path dir, boolean extensions) {
        return new BoardServer.Options("127.0.0.1", 0, dir.resolve("board-root"), List.of(), null, null, null, null, false, false,
                "aarch64", "KV260", Limits.DEFAULT, extensions);
    }

    @ParameterizedTest(name = "extensions={0}")
    @ValueSource(booleans = {true, false})
    void anAarch64BoardIsAZynqMpWhoseClocksAreTheBoards(boolean extensions, @TempDir Path dir) {
        try (RemoteBoards b = new RemoteBoards(dir, zynqMp(dir, extensions))) {
            RemoteDevice remote = b.connect();
            assertEquals(Arch.ZYNQ_ULTRASCALE, remote.arch());
            remote.setFclkDivisors(1, 6, 2);
            // within 0.01 MHz: decoded from CRL_APB as PYNQ does (33.333 MHz reference, FBDIV 30 for
            // a 1000 MHz IO PLL: 83.3325 MHz)
            assertEquals(b.sim.fclkMhz(1), remote.fclkMhz(1), 0.01, "the clock the board runs fclk1 at");
            // both ways divide the board's own PL clock source: the stock path once divided a
            // 1500 MHz IOPLL the board did not run (125 MHz, where the clock call gave 83.3 MHz)
            assertEquals(b.sim.fclkSourceMhz(1) / 12, b.sim.fclkMhz(1), 0.01, "fclk1 = its source / 6 / 2");
            assertEquals(b.sim.fclkMhz(0), remote.fclkMhz(0), 0.01, "fclk0 untouched");
        }
    }
}
