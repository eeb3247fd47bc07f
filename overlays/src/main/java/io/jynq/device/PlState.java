package io.jynq.device;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What is loaded in the PL, as every process on the board sees it (PYNQ's {@code PL.bitfile_name}
 * and {@code PL.timestamp}, plus the hash that tells two overlays with one name apart, and the
 * partial designs in its regions, PYNQ's {@code Device.update_partial_region}).
 *
 * @param bitfileName absolute path of the full bitstream last downloaded, or {@code ""} if none
 * @param timestamp when it was downloaded, or {@link Instant#EPOCH} if none
 * @param metadataSha256 hex SHA-256 of the full design's {@code .hwh} content, or {@code ""} if none
 * @param partial whether the last download was a partial (DFX) bitstream
 * @param regions the partial designs downloaded into the full design's regions since, in load
 *        order, one per region (a later download into a region replaces its entry); empty after a
 *        full download
 */
public record PlState(String bitfileName, Instant timestamp, String metadataSha256, boolean partial,
        List<PartialRegion> regions) {

    /** The state of a PL into which nothing has been downloaded. */
    public static final PlState EMPTY = new PlState("", Instant.EPOCH, "", false);

    /**
     * A partial design in a region of the loaded design.
     *
     * @param region the partial region's hierarchy path, e.g. {@code composable/pr_2}; {@code ""}
     *        when the download named none (then its IP are modelled but join no dictionary)
     * @param bitfileName absolute path of the partial bitstream
     * @param metadataSha256 hex SHA-256 of its {@code .hwh} content
     */
    public record PartialRegion(String region, String bitfileName, String metadataSha256) {
        public PartialRegion {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(bitfileName, "bitfileName");
            Objects.requireNonNull(metadataSha256, "metadataSha256");
        }
    }

    public PlState {
        regions = List.copyOf(regions);
    }

    /** A state with no partial regions recorded. */
    public PlState(String bitfileName, Instant timestamp, String metadataSha256, boolean partial) {
        this(bitfileName, timestamp, metadataSha256, partial, List.of());
    }

    /** Whether anything has been downloaded. */
    public boolean isProgrammed() {
        return !bitfileName.isEmpty();
    }

    /**
     * This state after a partial download into {@code p.region()}: the full design's name,
     * timestamp and hash stay (PYNQ's {@code post_download} skips them for a partial bitstream),
     * the region's earlier partial leaves the list and {@code p} joins it at the end.
     */
    public PlState withPartial(PartialRegion p) {
        List<PartialRegion> r = new ArrayList<>(regions);
        r.removeIf(e -> e.region().equals(p.region()));
        r.add(p);
        return new PlState(bitfileName, timestamp, metadataSha256, true, r);
    }
}
