package io.jynq.kernel.wire;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * A Jupyter connection file, read and checked: IP, transport, five ports, signature scheme and
 * key. An empty key means no message is authenticated (any local process could run code in the
 * kernel), so it is refused unless the caller passes {@code allowEmptyKey} (the
 * {@code --insecure-no-key} flag of the kernel command).
 *
 * @param path       where it was read from, for messages
 * @param properties the parsed content (jjava-jupyter's model)
 */
public record ConnectionFile(Path path, KernelConnectionProperties properties) {

    /**
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException if it is not a connection file (names the file and field),
     *                                  or its key is empty and {@code allowEmptyKey} is false
     */
    public static ConnectionFile read(Path path, boolean allowEmptyKey) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connection file " + path + ": " + e.getMessage(), e);
        }
        KernelConnectionProperties p;
        try {
            p = KernelConnectionProperties.parse(text);
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(path + ": not a Jupyter connection file: " + e.getMessage(), e);
        }
        if (p == null || p.getIp() == null || p.getIp().isBlank()) {
            throw new IllegalArgumentException(path + ": connection file has no \"ip\"");
        }
        for (int port : new int[] {p.getShellPort(), p.getControlPort(), p.getIopubPort(), p.getStdinPort(), p.getHbPort()}) {
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException(path + ": port " + port + " out of range 1..65535");
            }
        }
        if ((p.getKey() == null || p.getKey().isEmpty()) && !allowEmptyKey) {
            throw new IllegalArgumentException(path + ": the connection key is empty, so no message would be authenticated;"
                    + " pass --insecure-no-key to run such a kernel anyway");
        }
        return new ConnectionFile(path, p);
    }
}
