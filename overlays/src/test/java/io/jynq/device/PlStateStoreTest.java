package io.jynq.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlStateStoreTest {

    @Test
    void missingFileReadsAsEmpty(@TempDir Path dir) {
        assertEquals(PlState.EMPTY, new PlStateStore(dir.resolve("board")).read());
    }

    @Test
    void writeIsSeenByAnotherStoreOnTheSameDirectory(@TempDir Path dir) throws Exception {
        PlState state = new PlState("/x/base.bit", Instant.parse("2026-11-21T05:00:00Z"), "ab12", false);
        new PlStateStore(dir).write(state);
        assertEquals(state, new PlStateStore(dir).read());
        PlState next = new PlState("/x/other.bit", Instant.parse("2026-11-21T06:00:00Z"), "cd34", true);
        new PlStateStore(dir).write(next);
        assertEquals(next, new PlStateStore(dir).read());
        try (var files = java.nio.file.Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left behind");
        }
    }

    @Test
    void oneReaderSeesEveryWriteOfAnotherProcessWhileItCachesUnchangedState(@TempDir Path dir) {
        PlStateStore reader = new PlStateStore(dir);
        PlStateStore writer = new PlStateStore(dir);
        assertEquals(PlState.EMPTY, reader.read());
        for (int i = 0; i < 20; i++) {
            PlState s = new PlState("/x/d" + i + ".bit", Instant.parse("2026-11-21T05:00:00Z").plusSeconds(i), "h" + i, false);
            writer.write(s);
            assertEquals(s, reader.read(), "write " + i);
            assertEquals(s, reader.read(), "unchanged file, cached state " + i);
        }
    }

    @Test
    void corruptFileNamesTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(PlStateStore.FILE), "{\"bitfile_name\": 3");
        DeviceException e = assertThrows(DeviceException.class, () -> new PlStateStore(dir).read());
        assertTrue(e.getMessage().contains(dir.resolve(PlStateStore.FILE).toString()), e.getMessage());
    }
}
