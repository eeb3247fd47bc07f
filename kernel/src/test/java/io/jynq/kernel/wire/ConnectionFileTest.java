package io.jynq.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionFileTest {
    @TempDir
    Path dir;

    private Path write(String key) throws IOException {
        Path f = dir.resolve("kernel-1.json");
        Files.writeString(f, "{\"ip\": \"127.0.0.1\", \"transport\": \"tcp\", \"shell_port\": 5001, \"control_port\": 5002,"
                + " \"iopub_port\": 5003, \"stdin_port\": 5004, \"hb_port\": 5005, \"signature_scheme\": \"hmac-sha256\","
                + " \"key\": \"" + key + "\"}");
        return f;
    }

    @Test
    void readsIpPortsAndKey() throws IOException {
        ConnectionFile c = ConnectionFile.read(write("abc"), false);
        assertEquals("127.0.0.1", c.properties().getIp());
        assertEquals(5001, c.properties().getShellPort());
        assertEquals("tcp://127.0.0.1:5005", Endpoints.address(c.properties(), c.properties().getHbPort()));
    }

    @Test
    void emptyKeyIsRefusedUnlessInsecureIsAskedFor() throws IOException {
        Path f = write("");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectionFile.read(f, false));
        assertTrue(e.getMessage().contains("--insecure-no-key") && e.getMessage().contains(f.toString()), e.getMessage());
        assertEquals("", ConnectionFile.read(f, true).properties().getKey());
    }

    @Test
    void badFileNamesTheFile() throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"ip\": \"127.0.0.1\", \"shell_port\": 0}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectionFile.read(f, true));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }
}
