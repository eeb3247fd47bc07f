package io.jynq.metadata;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed overlay metadata keyed by the SHA-256 of the {@code .hwh} content, never by file name or
 * modification time: an overlay rebuilt under the same name (or copied with its old mtime) is
 * parsed again, which is exactly where PYNQ users hit stale caches (Xilinx/PYNQ issues 1409 and
 * 1652). Identical content under another name is served from the cache, with that file's name
 * as {@link OverlayMetadata#source()}.
 *
 * <p>In memory, least recently used first out, at most {@code capacity} entries. Thread-safe.
 * Hashing the 3.3 MB {@code pynqz1_base.hwh} costs a few milliseconds; parsing it costs more.
 */
public final class MetadataCache {
    private final int capacity;
    private final Map<String, OverlayMetadata> entries;
    private long hits;
    private long misses;

    /** @param capacity how many parsed files to keep, at least 1 */
    public MetadataCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + "; expected at least 1");
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The process-wide cache used by the overlay layer (16 entries). */
    public static MetadataCache shared() {
        return Holder.SHARED;
    }

    private static final class Holder {
        static final MetadataCache SHARED = new MetadataCache(16);
    }

    /**
     * The metadata of a {@code .hwh}, parsed only if no file with the same content was parsed before.
     *
     * @throws MetadataException as {@link HwhParser#parse(byte[], String)}
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public OverlayMetadata get(Path hwh) {
        byte[] content = HwhParser.read(hwh);
        return get(content, hwh.toString());
    }

    /** As {@link #get(Path)} for content in memory, {@code name} naming it in messages. */
    public OverlayMetadata get(byte[] content, String name) {
        String key = sha256(content);
        OverlayMetadata cached;
        synchronized (this) {
            cached = entries.get(key);
            if (cached != null) {
                hits++;
            } else {
                misses++;
            }
        }
        if (cached == null) {
            cached = HwhParser.parse(content, name);
            synchronized (this) {
                entries.put(key, cached);
                if (entries.size() > capacity) {
                    entries.remove(entries.keySet().iterator().next());
                }
            }
        }
        return cached.source().equals(name) ? cached : withSource(cached, name);
    }

    private static OverlayMetadata withSource(OverlayMetadata m, String name) {
        return new OverlayMetadata(name, m.systemInfo(), m.partial(), m.processingSystem(), m.ipDict(), m.gpioDict(),
                m.interruptControllers(), m.interruptPins(), m.hierarchyDict(), m.memDict(), m.clockDict(),
                m.modules(), m.nets(), m.busConnections(), m.interruptConnections());
    }

    /** Lookups answered from the cache so far. */
    public synchronized long hits() {
        return hits;
    }

    /** Lookups that had to parse so far. */
    public synchronized long misses() {
        return misses;
    }

    /** Forgets every entry. */
    public synchronized void clear() {
        entries.clear();
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
