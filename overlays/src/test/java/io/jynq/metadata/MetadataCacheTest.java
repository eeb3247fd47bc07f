package io.jynq.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache is keyed by content: an edited file under the same name and mtime is parsed again. */
class MetadataCacheTest {

    @Test
    void editedFileUnderTheSameNameAndMtimeIsReparsed(@TempDir Path tmp) throws IOException {
        Path hwh = tmp.resolve("base.hwh");
        Files.write(hwh, TinyHwh.bytes());
        FileTime mtime = Files.getLastModifiedTime(hwh);
        MetadataCache cache = new MetadataCache(4);

        OverlayMetadata first = cache.get(hwh);
        assertEquals(0x41200000L, first.ip("axi_gpio_0").physAddr());
        assertSame(first, cache.get(hwh), "unchanged content is served from the cache");
        assertEquals(1, cache.misses());
        assertEquals(1, cache.hits());

        Files.writeString(hwh, TinyHwh.text().replace("0x41200000", "0x41210000").replace("0x4120FFFF", "0x4121FFFF"),
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(hwh, mtime);
        OverlayMetadata edited = cache.get(hwh);
        assertEquals(0x41210000L, edited.ip("axi_gpio_0").physAddr(), "the edit is seen despite name and mtime");
        assertEquals(2, cache.misses());
    }

    @Test
    void sameContentUnderAnotherNameIsACacheHitNamedAfterTheNewFile(@TempDir Path tmp) throws IOException {
        Path a = Files.write(tmp.resolve("a.hwh"), TinyHwh.bytes());
        Path b = Files.write(tmp.resolve("b.hwh"), TinyHwh.bytes());
        MetadataCache cache = new MetadataCache(4);
        cache.get(a);
        OverlayMetadata viaB = cache.get(b);
        assertEquals(1, cache.misses());
        assertEquals(b.toString(), viaB.source());
        assertTrue(viaB.ip("axi_gpio_0") != null);
    }

    @Test
    void leastRecentlyUsedEntryIsDropped() {
        MetadataCache cache = new MetadataCache(1);
        byte[] one = TinyHwh.bytes();
        byte[] two = TinyHwh.text().replace("tiny", "tiny2").getBytes(StandardCharsets.UTF_8);
        cache.get(one, "one.hwh");
        cache.get(two, "two.hwh");
        cache.get(one, "one.hwh");
        assertEquals(3, cache.misses());
    }
}
