package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jynq.device.DeviceException;
import io.jynq.remote.client.BoardConnection;
import io.jynq.remote.client.RemoteDevice;
import io.jynq.remote.server.BoardServer;
import io.jynq.remote.server.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS: certificates made by the openssl command (a CA, the board's certificate for
 * 127.0.0.1, a client's); a client with the CA and its certificate connects, one without a client
 * certificate is refused. Skips with a message where openssl is missing.
 */
class RemoteTlsTest {

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        PythonGrpc.Result r = PythonGrpc.run(cmd, dir, 60);
        assertEquals(0, r.exit(), String.join(" ", cmd) + "\n" + r.output());
    }

    @Test
    void mutualTlsLetsInOnlyClientsWithACertificate(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "no /usr/bin/openssl to make certificates");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=jynq-test-ca");
        for (String who : List.of("board", "client")) {
            openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", who + ".key", "-out", who + ".csr", "-subj", "/CN=" + who);
            Files.writeString(dir.resolve(who + ".ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
            openssl(dir, "x509", "-req", "-in", who + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", who + ".pem", "-days", "2", "-extfile", who + ".ext");
        }
        BoardServer.Options o = new BoardServer.Options("127.0.0.1", 0, dir.resolve("root"), List.of(), null,
                dir.resolve("board.pem"), dir.resolve("board.key"), dir.resolve("ca.pem"), false, false, "armv7l", "Pynq-Z2",
                Limits.DEFAULT, true);
        try (RemoteBoards b = new RemoteBoards(dir.resolve("b"), o)) {
            BoardConnection.Settings withCert = new BoardConnection.Settings(null, dir.resolve("ca.pem"),
                    dir.resolve("client.pem"), dir.resolve("client.key"), Duration.ofSeconds(15));
            RemoteDevice ok = b.connect(withCert);
            assertEquals("sim", ok.boardBackend());
            BoardConnection.Settings noCert = new BoardConnection.Settings(null, dir.resolve("ca.pem"), null, null,
                    Duration.ofSeconds(5));
            assertThrows(DeviceException.class, () -> b.connect(noCert));
            assertThrows(DeviceException.class, () -> b.connect(BoardConnection.Settings.PLAIN.withTimeout(Duration.ofSeconds(5))),
                    "plaintext to a TLS board fails");
        }
    }
}
