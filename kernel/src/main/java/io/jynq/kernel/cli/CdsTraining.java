package io.jynq.kernel.cli;

import io.jynq.kernel.JynqKernel;
import io.jynq.kernel.history.SessionHistory;
import io.jynq.kernel.wire.ConnectionFile;
import io.jynq.kernel.wire.KernelConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The training run behind the kernel's class-data-sharing archive: it starts a real kernel on
 * free local ports, runs one cell through the renderer and shuts down, so that a JVM started
 * with {@code -XX:ArchiveClassesAtExit} records every class (and lambda form) a session loads.
 * A kernel started with that archive skips most class loading and linking before its first
 * reply. Run by {@code install-kernel}; {@code KernelMain --train} enters here.
 */
final class CdsTraining {
    private CdsTraining() {
    }

    static void run() throws InterruptedException {
        Path dir;
        try {
            dir = Files.createTempDirectory("jynq-cds");
            int[] ports = freePorts(5);
            Path conn = dir.resolve("connection.json");
            Files.writeString(conn, "{\"ip\":\"127.0.0.1\",\"transport\":\"tcp\",\"shell_port\":" + ports[0]
                    + ",\"control_port\":" + ports[1] + ",\"iopub_port\":" + ports[2] + ",\"stdin_port\":" + ports[3]
                    + ",\"hb_port\":" + ports[4] + ",\"signature_scheme\":\"hmac-sha256\",\"key\":\""
                    + UUID.randomUUID() + "\"}");
            JynqKernel kernel = new JynqKernel(null, List.of(), SessionHistory.inMemory());
            KernelConnection connection = new KernelConnection(ConnectionFile.read(conn, false));
            kernel.serve(connection);
            connection.connect();
            kernel.startSession();
            kernel.awaitSession();
            kernel.eval("int trained = 1 + 1;\ntrained");
            kernel.complete("System.out.pri", 14);
            connection.close();
            connection.awaitClose();
            Files.delete(conn);
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("CDS training run failed: " + e.getMessage(), e);
        }
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return ports;
    }
}
