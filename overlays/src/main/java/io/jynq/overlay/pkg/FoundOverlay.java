package io.jynq.overlay.pkg;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An overlay {@link OverlayFinder} found: its bitstream, the {@code .hwh} it comes with, and the
 * package it was found as (empty for a bitstream found by file name without a core).
 *
 * @param bitstream an absolute path to the {@code .bit} or {@code .bin}
 * @param hwh       an absolute path to the metadata: the package's {@code .hwh}, else the file with
 *                  the bitstream's stem and suffix {@code .hwh} beside it (it may not exist)
 * @param pkg       the overlay package, if it was found as one
 * @param place     where it was found, as the search order names it ({@code working directory},
 *                  {@code bundled}, {@code JYNQ_OVERLAY_PATH}, {@code installed}, {@code path})
 */
public record FoundOverlay(Path bitstream, Path hwh, Optional<OverlayPackage> pkg, String place) {

    static FoundOverlay of(OverlayPackage p, String place) {
        return new FoundOverlay(p.bitstream(), p.hwh(), Optional.of(p), place);
    }

    static FoundOverlay bitstream(Path bit, String place) {
        Path abs = bit.toAbsolutePath().normalize();
        return new FoundOverlay(abs, sibling(abs), Optional.empty(), place);
    }

    /** {@code dir/x.bit} → {@code dir/x.hwh} (also for {@code .bin}). */
    static Path sibling(Path bit) {
        return bit.resolveSibling(OverlayFinder.stem(bit.getFileName().toString()) + ".hwh");
    }
}
