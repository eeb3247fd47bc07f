package io.jynq.device;

import io.jynq.metadata.OverlayMetadata;
import io.jynq.metadata.PartialRegions;
import java.util.function.Function;

/**
 * The design the PL holds as every process sees it: the full design with the partial designs the
 * shared PL state records ({@link PlState#regions()}) merged into their regions in load order, as
 * PYNQ's {@code Device.update_partial_region} makes {@code PL.ip_dict}. The state is the one file
 * every process reads, so a process that did not download the partial sees its IP too.
 */
public final class PartialDesigns {
    private PartialDesigns() {}

    /**
     * {@code full} with each recorded region's design merged in ({@link PartialRegions#merge}); a
     * partial recorded without a region ({@code ""}) joins no dictionary.
     *
     * @param design the parsed design of a recorded partial (a backend finds it by hash or beside its bitstream)
     * @throws DeviceException if a partial's design cannot be found (from {@code design})
     */
    public static OverlayMetadata merge(OverlayMetadata full, PlState state, Function<PlState.PartialRegion, OverlayMetadata> design) {
        OverlayMetadata md = full;
        for (PlState.PartialRegion r : state.regions()) {
            if (!r.region().isEmpty()) {
                md = PartialRegions.merge(md, r.region(), design.apply(r));
            }
        }
        return md;
    }
}
