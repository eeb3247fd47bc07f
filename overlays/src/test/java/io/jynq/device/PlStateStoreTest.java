package io.jynq.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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

    private static final Instant T = Instant.parse("2026-11-21T05:00:00Z");

    @Test
    void partialRegionsAreWrittenAndReadInLoadOrderOnePerRegion(@TempDir Path dir) throws Exception {
        PlState full = new PlState("/x/cv.bit", T, "f00d", false);
        PlState two = full.withPartial(new PlState.PartialRegion("composable/pr_2", "/x/add.bit", "a1"))
                .withPartial(new PlState.PartialRegion("composable/pr_0", "/x/fir.bit", "b2"))
                .withPartial(new PlState.PartialRegion("composable/pr_2", "/x/sub.bit", "c3"));
        assertEquals("/x/cv.bit", two.bitfileName(), "PYNQ's post_download: not for a partial");
        assertEquals("f00d", two.metadataSha256(), "the full design's hash stays");
        assertTrue(two.partial());
        assertEquals(List.of("composable/pr_0", "composable/pr_2"), two.regions().stream().map(PlState.PartialRegion::region).toList());
        new PlStateStore(dir).write(two);
        assertEquals(two, new PlStateStore(dir).read());
        new PlStateStore(dir).write(full);
        assertEquals(List.of(), new PlStateStore(dir).read().regions(), "a full download clears the regions");
    }

    @Test
    void aFileOfTheOldFormatReadsWithNoRegions(@TempDir Path dir) throws Exception {
        // what JYNQ wrote before format 2, after a partial download
        Files.writeString(dir.resolve(PlStateStore.FILE), "{\"bitfile_name\":\"/x/cv.bit\",\"timestamp\":\"" + T
                + "\",\"metadata_sha256\":\"a1\",\"partial\":true}");
        PlState s = new PlStateStore(dir).read();
        assertEquals(new PlState("/x/cv.bit", T, "a1", true), s);
        assertEquals(List.of(), s.regions());
    }

    @Test
    void malformedRegionsOrANewerFormatNameTheFileAndTheWayOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(PlStateStore.FILE);
        String head = "{\"bitfile_name\":\"/x/cv.bit\",\"timestamp\":\"" + T + "\",\"metadata_sha256\":\"f\",\"partial\":true,";
        for (String tail : List.of("\"format\":2,\"regions\":5}", "\"format\":2,\"regions\":[{\"region\":\"pr_0\"}]}",
                "\"format\":2,\"regions\":[7]}", "\"format\":\"two\"}")) {
            Files.writeString(file, head + tail);
            DeviceException e = assertThrows(DeviceException.class, () -> new PlStateStore(dir).read(), tail);
            assertTrue(e.getMessage().startsWith("corrupt PL state file " + file) && e.getMessage().contains("delete it"),
                    e.getMessage());
        }
        Files.writeString(file, head + "\"format\":3,\"regions\":[]}");
        DeviceException e = assertThrows(DeviceException.class, () -> new PlStateStore(dir).read());
        assertTrue(e.getMessage().contains("format 3, written by a newer JYNQ") && e.getMessage().contains(file.toString()),
                e.getMessage());
    }
}
