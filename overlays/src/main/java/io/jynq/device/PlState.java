package io.jynq.device;

import java.time.Instant;

/**
 * What is loaded in the PL, as every process on the board sees it (PYNQ's {@code PL.bitfile_name}
 * and {@code PL.timestamp}, plus the hash that tells two overlays with one name apart).
 *
 * @param bitfileName absolute path of the bitstream last downloaded, or {@code ""} if none
 * @param timestamp when it was downloaded, or {@link Instant#EPOCH} if none
 * @param metadataSha256 hex SHA-256 of the overlay's {@code .hwh} content, or {@code ""} if none
 * @param partial whether the last download was a partial (DFX) bitstream
 */
public record PlState(String bitfileName, Instant timestamp, String metadataSha256, boolean partial) {

    /** The state of a PL into which nothing has been downloaded. */
    public static final PlState EMPTY = new PlState("", Instant.EPOCH, "", false);

    /** Whether anything has been downloaded. */
    public boolean isProgrammed() {
        return !bitfileName.isEmpty();
    }
}
