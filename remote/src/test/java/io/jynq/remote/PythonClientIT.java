package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.metadata.BitFile;
import io.jynq.testing.DspLoopback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent client, Python stubs generated from JYNQ's {@code .proto} files by Debian's
 * tools, does to a JYNQ board server what PYNQ's {@code RemoteDevice} does (arch from
 * /proc/version, clocks through the SLCR, the {@code .bin} and FPGA Manager files through the file
 * calls, MMIO, a buffer allocated, written, flushed, invalidated, read back and freed) and the
 * board recognises the design by the content of the {@code .bin} alone.
 */
class PythonClientIT {

    @Test
    void pynqLikeClientDrivesTheSimulatedBoard(@TempDir Path dir) throws Exception {
        PythonGrpc.assumeAvailable();
        Path gen = dir.resolve("gen");
        PythonGrpc.generate(gen);
        Path script = dir.resolve("pynq_like_client.py");
        Files.copy(PythonClientIT.class.getResourceAsStream("pynq_like_client.py"), script);
        Path bin = dir.resolve("dsp_loopback.bin");
        Files.write(bin, BitFile.toBin(Files.readAllBytes(DspLoopback.bit()), "dsp_loopback.bit"));
        try (RemoteBoards b = new RemoteBoards(dir)) {
            PythonGrpc.Result r = PythonGrpc.run(List.of(PythonGrpc.PYTHON.toString(), script.toString(), gen.toString(),
                    Integer.toString(b.server.port()), bin.toString()), dir, 180);
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("PYNQ-LIKE CLIENT DONE"), r.output());
            assertTrue(b.sim.plState().bitfileName().endsWith("dsp_loopback.bit"),
                    "the board recognised the uploaded .bin as dsp_loopback by content: " + b.sim.plState());
            assertEquals(0b1010, b.sim.map(DspLoopback.GPIO, 0x10).read32(0), "the Python client's GPIO write reached the PL");
        }
    }
}
