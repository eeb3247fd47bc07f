package io.jynq.device.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.metadata.HwhParser;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.testing.DspLoopback;
import io.jynq.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every real design in ../shared downloads to the simulated board and every IP answers at its base. */
class RealDesignsOnSimTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pynqz1_logictools.hwh", "ultra96_sensors96b.hwh", "kv260_cv_dfx_3_pr.hwh"})
    void everyIpAnswers(String file) {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh(file));
        try (SimDevice board = SimDevice.open(SimConfig.at(dir))) {
            board.download(DspLoopback.bit(), md, false);
            int n = 0;
            for (IpDescription ip : md.ipDict().values()) {
                if (ip.processingSystem() || ip.addrRange() <= 0) {
                    continue;
                }
                board.map(ip.physAddr(), Math.min(ip.addrRange(), 0x100)).read32(0);
                n++;
            }
            assertTrue(n > 0, file);
        }
    }
}
