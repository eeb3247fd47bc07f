package io.jynq.device;

import io.jynq.metadata.OverlayMetadata;
import io.jynq.metadata.PartialRegions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The partial designs a backend downloaded into the regions of the loaded full design, so that its
 * dictionaries ({@link Device#ipDict()} and the rest, PYNQ's {@code PL.ip_dict}) include their IP
 * as PYNQ's {@code Device.update_partial_region} makes them. Known to the process that downloaded
 * them; forgotten once the PL holds another full design (its bitfile name or timestamp changes).
 * Thread-safe.
 */
public final class LoadedPartials {
    private PlState full;
    private final Map<String, OverlayMetadata> byRegion = new LinkedHashMap<>();

    /** Records {@code partial} loaded into {@code region} of the design {@code pl} describes (a partial replaces the region's last one). */
    public synchronized void record(PlState pl, String region, OverlayMetadata partial) {
        if (!sameDesign(pl)) {
            byRegion.clear();
            full = pl;
        }
        byRegion.remove(region);
        byRegion.put(region, partial);
    }

    /** {@code base} with the recorded partials merged in load order, when the PL still holds that design. */
    public synchronized OverlayMetadata apply(PlState pl, OverlayMetadata base) {
        if (!sameDesign(pl)) {
            byRegion.clear();
            full = null;
            return base;
        }
        OverlayMetadata md = base;
        for (Map.Entry<String, OverlayMetadata> e : byRegion.entrySet()) {
            md = PartialRegions.merge(md, e.getKey(), e.getValue());
        }
        return md;
    }

    private boolean sameDesign(PlState pl) {
        return full != null && full.bitfileName().equals(pl.bitfileName()) && full.timestamp().equals(pl.timestamp());
    }
}
