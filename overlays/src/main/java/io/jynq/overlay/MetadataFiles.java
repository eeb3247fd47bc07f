package io.jynq.overlay;

import io.jynq.metadata.HwhParser;
import io.jynq.metadata.OverlayMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code .hwh} files once per content: the parsed metadata is kept by the SHA-256 of the
 * file's bytes (not by name or time, the key PYNQ got wrong in issues 1409 and 1652), for the
 * last few overlays of this process.
 */
final class MetadataFiles {
    private static final int KEEP = 8;
    private static final Map<String, OverlayMetadata> BY_HASH = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OverlayMetadata> eldest) {
            return size() > KEEP;
        }
    };

    private MetadataFiles() {}

    static OverlayMetadata parse(Path hwh) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(hwh);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + hwh, e);
        }
        String key = sha256(bytes) + hwh;
        synchronized (BY_HASH) {
            OverlayMetadata md = BY_HASH.get(key);
            if (md != null) {
                return md;
            }
        }
        OverlayMetadata md = HwhParser.parse(bytes, hwh.toString());
        synchronized (BY_HASH) {
            BY_HASH.put(key, md);
        }
        return md;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JDK", e);
        }
    }
}
