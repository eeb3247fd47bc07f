package io.jynq.remote.server;

import io.jynq.device.DeviceException;
import io.jynq.metadata.BitFile;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.overlay.pkg.FoundOverlay;
import io.jynq.overlay.pkg.OverlayFinder;
import io.jynq.overlay.pkg.OverlaySummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds the design (bitstream and {@code .hwh}) behind a firmware image a client wrote to
 * {@code /lib/firmware}. PYNQ's client uploads only the {@code .bin}, so the board server
 * recognises the design by content: the SHA-256 of the image equals that of a known overlay's
 * {@code .bin} (a {@code .bit} converted as FPGA Manager needs it). Known overlays are those
 * JYNQ finds ({@code %overlays}, {@link OverlayFinder}) and the {@code .bit}/{@code .bin} files with a
 * {@code .hwh} beside them in the server's {@code --overlays} directories. A {@code .hwh} of the
 * same stem beside the image (JYNQ's client uploads it) wins over the search.
 */
final class DesignLocator {
    /** A design that can be downloaded: the bitstream to give the device and its parsed metadata. */
    record Design(Path bitstream, OverlayMetadata metadata) {}

    private record Known(Path bitstream, Path hwh) {}

    private final List<Path> overlayDirs;
    /** image SHA-256 by bitstream path + size + mtime, so each overlay is hashed once. */
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    DesignLocator(List<Path> overlayDirs) {
        this.overlayDirs = List.copyOf(overlayDirs);
    }

    /**
     * The design for firmware image {@code image}.
     *
     * @throws DeviceException naming the image and where it looked, if no design matches
     */
    Design locate(Path image) {
        String name = image.getFileName().toString();
        Path hwh = image.resolveSibling(name.replaceFirst("\\.(bin|bit)$", "") + ".hwh");
        if (Files.isRegularFile(hwh)) {
            return new Design(image, HwhParser.parse(hwh));
        }
        String sha = sha256(readAll(image));
        List<Known> known = known();
        for (Known k : known) {
            if (sha.equals(imageHash(k.bitstream()))) {
                return new Design(k.bitstream(), HwhParser.parse(k.hwh()));
            }
        }
        throw new DeviceException("firmware " + name + " matches none of the " + known.size()
                + " overlays this board server knows (overlay packages, --overlays " + overlayDirs
                + ") and has no " + hwh.getFileName() + " beside it; upload the .hwh too or start the server with --overlays DIR");
    }

    private List<Known> known() {
        List<Known> out = new ArrayList<>();
        OverlayFinder finder = OverlayFinder.standard();
        for (OverlaySummary s : finder.list()) {
            if (!s.isValid()) {
                continue;
            }
            try {
                FoundOverlay f = finder.find(s.name());
                if (Files.isRegularFile(f.hwh())) {
                    out.add(new Known(f.bitstream(), f.hwh()));
                }
            } catch (RuntimeException e) {
                // a package that cannot be opened is simply not a candidate; %overlays reports it
            }
        }
        for (Path dir : overlayDirs) {
            try (Stream<Path> files = Files.walk(dir, 4)) {
                files.filter(f -> f.toString().endsWith(".bit") || f.toString().endsWith(".bin")).forEach(f -> {
                    Path h = f.resolveSibling(f.getFileName().toString().replaceFirst("\\.(bin|bit)$", "") + ".hwh");
                    if (Files.isRegularFile(h)) {
                        out.add(new Known(f, h));
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                // an unreadable directory holds no candidates
            }
        }
        return out;
    }

    private String imageHash(Path bitstream) {
        try {
            String key = bitstream + "|" + Files.size(bitstream) + "|" + Files.getLastModifiedTime(bitstream);
            return hashes.computeIfAbsent(key, k -> {
                byte[] content = readAll(bitstream);
                String n = bitstream.getFileName().toString();
                return sha256(n.endsWith(".bit") ? BitFile.toBin(content, n) : content);
            });
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static byte[] readAll(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
