package io.jynq.device.sim;

import io.jynq.device.PlState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The files of a simulated board's state directory besides the PL state and DDR: the design
 * copies ({@code design-<sha256>.hwh}) and the register files of downloads
 * ({@code pl-<seconds>-<nanos>-<sha12>.regs}), named from the {@link PlState} so that every
 * process finds the same ones.
 */
final class BoardFiles {
    private final Path dir;

    BoardFiles(Path dir) {
        this.dir = dir;
    }

    Path designFile(String sha) {
        return dir.resolve("design-" + sha + ".hwh");
    }

    Path regsFile(PlState s) {
        String sha = s.metadataSha256();
        return dir.resolve("pl-" + s.timestamp().getEpochSecond() + "-" + s.timestamp().getNano()
                + "-" + sha.substring(0, Math.min(12, sha.length())) + ".regs");
    }

    /**
     * The register file of the partial design {@code r} in {@code s}: the full design's name with
     * the region's and the partial's hash, so that each region's partial has its own and a full
     * download retires them all ({@link #retireOldRegisterFiles}).
     */
    Path regsFile(PlState s, PlState.PartialRegion r) {
        String full = regsFile(s).getFileName().toString();
        String sha = r.metadataSha256();
        return dir.resolve(full.substring(0, full.length() - ".regs".length()) + "-"
                + sha256(r.region().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 8) + "-"
                + sha.substring(0, Math.min(12, sha.length())) + ".regs");
    }

    /**
     * Marks every register file but {@code keep} retired ({@link LiveDesign}) and deletes it. The
     * caller holds the {@link BoardLock}. Unlinking leaves other processes' mappings valid, so their
     * stale handles read the retired flag and fail with a message instead of a SIGBUS.
     */
    void retireOldRegisterFiles(Path keep) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "pl-*.regs")) {
            for (Path p : ds) {
                if (!p.equals(keep)) {
                    LiveDesign.retire(p);
                    deleteQuietly(p);
                }
            }
        } catch (IOException e) {
            // a file left behind is retired on the next download; it costs only disk space
        }
    }

    /**
     * Deletes the {@code *.tmp} files a killed download or state write left behind. The caller holds
     * the {@link BoardLock}, under which every temporary file of the directory is written.
     */
    void deleteTemporaries() {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.tmp")) {
            for (Path p : ds) {
                deleteQuietly(p);
            }
        } catch (IOException e) {
            // leftovers cost only disk space; the next download tries again
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a leftover sparse file does no harm
        }
    }

    void writeAtomically(Path target, byte[] content) {
        try {
            Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, content);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the design in " + dir, e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
