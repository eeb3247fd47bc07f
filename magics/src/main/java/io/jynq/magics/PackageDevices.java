package io.jynq.magics;

import io.jynq.capi.CapiException;
import io.jynq.d2l.D2lException;
import io.jynq.d2l.D2lFile;
import io.jynq.d2l.DeviceDescription;
import io.jynq.overlay.Overlay;
import io.jynq.overlay.pkg.OverlayPackage;
import io.jynq.overlay.pkg.OverlayFinder;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The device descriptions a facade gets members for: those of the package ({@code .core}) beside
 * the overlay's bitstream, parsed and validated but not opened (opening is
 * {@link LazyDevice}'s, on first call).
 */
final class PackageDevices {
    private PackageDevices() {
    }

    /**
     * Every device of {@code ol}'s package, in file order; empty when the overlay has no package
     * or it describes no device. An invalid package or description does not fail the load: the
     * facade is made without devices and one line on {@code err} says why, at the file and line.
     */
    static List<DeviceDescription> of(Overlay ol, PrintStream err) {
        try {
            Optional<OverlayPackage> pkg = OverlayFinder.packageOf(ol.bitstream().bitfile());
            if (pkg.isEmpty()) {
                return List.of();
            }
            List<DeviceDescription> out = new ArrayList<>();
            for (D2lFile f : pkg.get().devices()) {
                out.addAll(f.devices());
            }
            return out;
        } catch (D2lException | CapiException | IllegalArgumentException | UncheckedIOException e) {
            // the parsers' exceptions carry file:line:column in their message
            err.println("device operations of " + ol.name() + " left out of the facade: " + e.getMessage());
            return List.of();
        }
    }
}
