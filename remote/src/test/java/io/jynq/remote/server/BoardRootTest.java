package io.jynq.remote.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board root confines file calls; the listen rule of the security model. */
class BoardRootTest {

    @Test
    void pathsStayInsideTheRoot(@TempDir Path dir) throws Exception {
        BoardRoot root = new BoardRoot(dir.resolve("root"));
        assertEquals(root.directory().resolve("lib/firmware/a.bin"), root.resolve("/lib/firmware/a.bin"));
        assertEquals(root.directory().resolve("lib/firmware/a.bin"), root.resolve("//lib//firmware/a.bin"));
        for (String bad : List.of("/lib/../../etc/passwd", "..", "/./x", "", "/", "a\0b", "x".repeat(2000), "..\\..\\x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> root.resolve(bad), bad);
            assertTrue(e.getMessage().startsWith("board path"), e.getMessage());
        }
    }

    @Test
    void symbolicLinksOutOfTheRootAreRefused(@TempDir Path dir) throws Exception {
        BoardRoot root = new BoardRoot(dir.resolve("root"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "s");
        Files.createSymbolicLink(root.directory().resolve("escape"), outside);
        Files.createSymbolicLink(root.directory().resolve("dangling"), dir.resolve("nowhere"));
        Files.createDirectories(root.directory().resolve("inside"));
        Files.createSymbolicLink(root.directory().resolve("alias"), root.directory().resolve("inside"));
        assertThrows(IllegalArgumentException.class, () -> root.resolve("/escape/secret"));
        assertThrows(IllegalArgumentException.class, () -> root.resolve("/escape/new-file"));
        assertThrows(IllegalArgumentException.class, () -> root.resolve("/dangling"));
        assertEquals(root.directory().resolve("alias/f"), root.resolve("/alias/f"), "a link that stays inside is fine");
    }

    @Test
    void listeningBeyondLoopbackNeedsATokenOrMutualTlsOrThePynqMode(@TempDir Path dir) {
        BoardServer.Options local = BoardServer.Options.loopback(dir);
        assertNull(BoardServer.checkSecurity(local));
        BoardServer.Options open = local.withHost("0.0.0.0", false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BoardServer.checkSecurity(open));
        assertTrue(e.getMessage().contains("--pynq-compatible") && e.getMessage().contains("token"), e.getMessage());
        assertNull(BoardServer.checkSecurity(open.withToken("t0k3n")));
        String warning = BoardServer.checkSecurity(local.withHost("0.0.0.0", true));
        assertNotNull(warning);
        assertTrue(warning.startsWith("WARNING") && warning.contains("without authentication"), warning);
    }
}
