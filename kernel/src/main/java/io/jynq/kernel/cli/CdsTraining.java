package io.jynq.kernel.cli;

import com.google.gson.JsonObject;
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
 * free local ports, sends it a notebook's first requests over its TCP sockets
 * ({@link TrainingClient}: kernel_info, cells with a value, output, a display and an error,
 * completion, inspection, history) and shuts it down, so that a JVM started with
 * {@code -XX:ArchiveClassesAtExit} records every class (and lambda form) a session and its
 * requests load.
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
            ConnectionFile file = ConnectionFile.read(conn, false);
            KernelConnection connection = new KernelConnection(file);
            kernel.serve(connection);
            connection.connect();
            kernel.startSession();
            kernel.awaitSession();
            try (TrainingClient client = new TrainingClient(file.properties())) {
                train(client);
                // every kernel runs this check 3 s after its start: its management classes too
                CdsRefresh.refreshIfStale();
                client.shutdown();
                connection.awaitClose();
            }
            Files.delete(conn);
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("CDS training run failed: " + e.getMessage(), e);
        }
    }

    /** The requests of a notebook's first minutes, each answered before the next is sent. */
    private static void train(TrainingClient client) {
        client.awaitReady();
        client.execute("int trained = 1 + 1;\ntrained");
        client.execute("1+1");
        client.execute("System.out.println(trained);");
        client.execute("display(\"trained\");");
        client.execute("notDefinedInTraining"); // the error path (and stop_on_error's abort)
        client.request("complete_request", content("System.out.pri", 14));
        client.request("inspect_request", content("String", 6));
        JsonObject code = new JsonObject();
        code.addProperty("code", "int x = ");
        client.request("is_complete_request", code);
        client.request("comm_info_request", new JsonObject());
        JsonObject history = new JsonObject();
        history.addProperty("hist_access_type", "tail");
        history.addProperty("n", 10);
        history.addProperty("output", false);
        history.addProperty("raw", true);
        client.request("history_request", history);
    }

    private static JsonObject content(String code, int cursor) {
        JsonObject c = new JsonObject();
        c.addProperty("code", code);
        c.addProperty("cursor_pos", cursor);
        c.addProperty("detail_level", 0);
        return c;
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
