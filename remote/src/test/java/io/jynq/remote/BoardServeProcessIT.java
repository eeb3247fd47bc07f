package io.jynq.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.remote.client.BoardAddress;
import io.jynq.remote.client.BoardConnection;
import io.jynq.remote.client.RemoteDevice;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code board serve} as its own process (a second JVM owning the simulated board), driven by this
 * JVM's remote backend through the tutorial's first steps; and the listen rule refusing an open
 * address without a token, with exit status 1 and one message.
 */
class BoardServeProcessIT {
    private static final Pattern READY = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    private static Process serve(Path dir, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djynq.sim.dir=" + dir.resolve("board"),
                "-Djynq.cache.dir=" + dir.resolve("server-cache"), ServeMain.class.getName(), "serve"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    void aServerProcessServesTheTutorialSteps(@TempDir Path dir) throws Exception {
        Process p = serve(dir, "--listen", "127.0.0.1:0", "--board-root", dir.resolve("root").toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            int port = -1;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                    break;
                }
            }
            assertNotEquals(-1, port, "the server printed its address:\n" + seen);
            try (RemoteDevice remote = RemoteDevice.connect(new BoardAddress("127.0.0.1", port), BoardConnection.Settings.PLAIN)) {
                assertEquals("sim", remote.boardBackend());
                Overlay ol = Overlay.load("dsp_loopback", LoadOptions.defaults().withDevice(remote));
                assertTrue(ol.isLoaded());
                ol.ip("axi_gpio_0").write(0x0, 0b0110);
                assertEquals(0b0110, ol.ip("axi_gpio_0").read(0x0));
                assertTrue(remote.plState().metadataSha256().length() == 64, "the server process's PL state reached this one");
            }
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void anOpenAddressWithoutATokenIsRefused(@TempDir Path dir) throws Exception {
        Process p = serve(dir, "--listen", "0.0.0.0:0", "--board-root", dir.resolve("root").toString());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("needs a token") && out.contains("--pynq-compatible"), out);
    }
}
