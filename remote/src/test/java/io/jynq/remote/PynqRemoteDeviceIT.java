package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in: PYNQ's own client, {@code pynq.pl_server.remote_device.RemoteDevice} from the PYNQ
 * checkout {@code JYNQ_PYNQ_SRC} names, against a JYNQ board server: it connects (reading
 * /proc/version), allocates a buffer, writes it (PYNQ's {@code RemoteBuffer} writes through to the
 * board), flushes, invalidates, reads it back, changes one element, and reads a PS clock register.
 * PYNQ's client hard-codes port 7967; the script sets its module's {@code PYNQ_PORT} to the test
 * board's free port. Needs {@code import pynq} to work from the checkout: numpy, pynqmetadata and
 * pynqutils (their sources beside {@code pynq/}), tqdm, python-magic, cffi (Debian packages). PYNQ's stubs are generated from JYNQ's {@code .proto} into a {@code pynq.remote}
 * package beside the checkout's {@code pynq}. Skips with a message without {@code JYNQ_PYNQ_SRC}.
 */
class PynqRemoteDeviceIT {

    @Test
    void pynqsOwnRemoteDeviceDrivesAJynqBoard(@TempDir Path dir) throws Exception {
        String src = System.getenv("JYNQ_PYNQ_SRC");
        Assumptions.assumeTrue(src != null && Files.isRegularFile(Path.of(src, "pynq/pl_server/remote_device.py")),
                "JYNQ_PYNQ_SRC does not name a PYNQ checkout with pynq/pl_server/remote_device.py; skipping PYNQ's own client");
        PythonGrpc.assumeAvailable();
        Path gen = dir.resolve("gen");
        PythonGrpc.generate(gen);
        Path script = dir.resolve("pynq_client.py");
        Files.writeString(script, String.join("\n",
                "import sys, types, importlib",
                "sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2])",
                "import numpy as np",
                "import pynq",
                "remote = types.ModuleType('pynq.remote'); sys.modules['pynq.remote'] = remote",
                "for n in ['remote_device', 'mmio', 'buffer']:",
                "    for suffix in ['_pb2', '_pb2_grpc']:",
                "        setattr(remote, n + suffix, importlib.import_module(n + suffix))",
                "remote.gpio_pb2 = remote.gpio_pb2_grpc = types.SimpleNamespace(GpioStub=lambda channel: None)",
                "import pynq.pl_server.remote_device as rd",
                "rd.PYNQ_PORT = int(sys.argv[3])  # PYNQ's client hard-codes 7967; the test board listens on a free port",
                "d = rd.RemoteDevice(0, '127.0.0.1')",
                "print('arch', d.arch)",
                "buf = d.allocate((1024,), np.uint32)",
                "buf[:] = np.arange(1024, dtype=np.uint32)  # PYNQ's RemoteBuffer writes through to the board at once",
                "buf.flush()",
                "buf.invalidate()",
                "assert int(buf[1023]) == 1023, buf[1023]  # and reads the whole buffer back from the board",
                "buf[5] = 77",
                "assert (int(buf[5]), int(buf[6])) == (77, 6), buf[:8]",
                "print('buffer round trip ok at 0x%x' % buf.physical_address)",
                "m = d.mmap(0xF8000000, 0x200)",
                "print('SLCR IO_PLL_CTRL 0x%x' % m.read(0x108))",
                "buf.freebuffer()",
                "print('PYNQ CLIENT DONE')", ""));
        try (RemoteBoards b = new RemoteBoards(dir)) {
            PythonGrpc.Result r = PythonGrpc.run(List.of(PythonGrpc.PYTHON.toString(), script.toString(), gen.toString(), src,
                    Integer.toString(b.server.port())), dir, 300);
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("PYNQ CLIENT DONE") && r.output().contains("arch armv7l"), r.output());
        }
    }
}
