package io.jynq.overlay;

import io.jynq.device.Device;
import java.nio.file.Path;

/**
 * How {@link Overlay#load(String, LoadOptions)} loads an overlay; immutable, built with withers.
 * <pre>{@code
 * Overlay ol = Overlay.load("base", LoadOptions.defaults().withoutDownload().withIgnoreVersion());
 * }</pre>
 *
 * @param download whether to program the PL now (default {@code true}); else call {@link Overlay#download()}
 * @param ignoreVersion whether a driver binds to an IP whose VLNV differs only in version (default {@code false})
 * @param device the board backend, or null for {@link Device#active()}
 * @param hwh the {@code .hwh} to use, or null for the one beside the bitstream (same stem)
 * @param progress told about long steps; never null
 */
public record LoadOptions(boolean download, boolean ignoreVersion, Device device, Path hwh, ProgressListener progress) {

    public LoadOptions {
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    /** Download, exact VLNV binding, the active device, the sibling {@code .hwh}. */
    public static LoadOptions defaults() {
        return new LoadOptions(true, false, null, null, ProgressListener.NONE);
    }

    /** The same options but not downloading (PYNQ's {@code download=False}). */
    public LoadOptions withoutDownload() {
        return new LoadOptions(false, ignoreVersion, device, hwh, progress);
    }

    /** The same options but binding drivers whatever the IP's version (PYNQ's {@code ignore_version=True}). */
    public LoadOptions withIgnoreVersion() {
        return new LoadOptions(download, true, device, hwh, progress);
    }

    /** The same options on {@code d}. */
    public LoadOptions withDevice(Device d) {
        return new LoadOptions(download, ignoreVersion, d, hwh, progress);
    }

    /** The same options with an explicit {@code .hwh} file. */
    public LoadOptions withHwh(Path file) {
        return new LoadOptions(download, ignoreVersion, device, file, progress);
    }

    /** The same options reporting progress to {@code listener}. */
    public LoadOptions withProgress(ProgressListener listener) {
        return new LoadOptions(download, ignoreVersion, device, hwh, listener);
    }

    Device deviceOrActive() {
        return device == null ? Device.active() : device;
    }
}
