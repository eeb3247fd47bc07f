package io.jynq.overlay.ops;

import io.jynq.d2l.BoundDevice;
import io.jynq.d2l.DeviceDescription;
import io.jynq.ffi.cc.CCompiler;
import io.jynq.overlay.Overlay;
import io.jynq.overlay.pkg.OverlayPackage;
import io.jynq.overlay.pkg.OverlayFinder;

/**
 * Opens the devices an overlay's package describes ({@code .d2l.yaml}), bound to the loaded
 * overlay: PYNQ-style {@code Devices.open(overlay, "NAME")}.
 * <pre>{@code
 * Overlay ol = Overlay.load("dsp_loopback");
 * BoundDevice dsp = DeviceOps.open(ol, "DSP_LOOPBACK");   // checks every operation, runs AT_INIT
 * long sum = (Long) dsp.call("ADD", Map.of("a", 2, "b", 40));              // register program
 * dsp.call("WRITE_WORD", Map.of("index", 3, "value", -7));                  // driver method
 * try (ContiguousBuffer buf = Buffers.allocate(256, DType.UINT8)) {
 *     long fnv = (Long) dsp.call("CHECKSUM", Map.of("data", buf));           // C, SEND_BUFFER
 * }
 * }</pre>
 *
 * <p>Opening is all or nothing: the description is parsed and validated, every register, driver
 * method and C function it names is checked against the overlay (building the package's native
 * library with gcc if the device has C operations), and only then do the AT_INIT operations run.
 * If anything fails, nothing has run and no device exists.
 */
public final class DeviceOps {
    private DeviceOps() {}

    /**
     * Opens device {@code name} of the overlay's package with the default {@link CCompiler}.
     *
     * @throws IllegalArgumentException if the overlay has no package, or the package no such device
     *                                  (the message lists the devices)
     * @throws IllegalStateException    if the overlay is not loaded in the PL
     * @throws io.jynq.d2l.D2lException at the description's file, line and column when it is invalid or
     *                                  names a register, driver method or C function the overlay lacks
     * @throws io.jynq.ffi.cc.CCompileException at the C file and line when the native library does not build
     * @throws io.jynq.capi.CapiException when the package's core is invalid (file, line, column)
     */
    public static BoundDevice open(Overlay overlay, String name) {
        return open(overlay, name, new CCompiler());
    }

    /** As {@link #open(Overlay, String)}, building C operations with {@code compiler}. */
    public static BoundDevice open(Overlay overlay, String name, CCompiler compiler) {
        OverlayPackage pkg = packageOf(overlay);
        return open(overlay, pkg, pkg.device(name), compiler);
    }

    /**
     * Opens device {@code name} as a typed view: see {@link #facade(BoundDevice, Class)}.
     *
     * @throws IllegalArgumentException as {@link #open(Overlay, String)}, or when a method of
     *                                  {@code type} matches no operation (see {@link #facade})
     */
    public static <T> T open(Overlay overlay, String name, Class<T> type) {
        return facade(open(overlay, name), type);
    }

    /**
     * A typed view of {@code device} through the interface {@code type}: each abstract method
     * {@code fooBar} calls operation {@code FOO_BAR} with its parameters in the operation's argument
     * order (the automatic {@code len_} arguments left out, trailing defaults optional) and returns
     * the result as the method's return type (an {@code int} method gets a {@code uint32_t}'s bits).
     * <pre>{@code
     * interface Dsp { int add(int a, int b); long checksum(ContiguousBuffer data); void setTaps(int c0, int c1); }
     * Dsp dsp = DeviceOps.facade(DeviceOps.open(ol, "DSP_LOOPBACK"), Dsp.class);
     * }</pre>
     *
     * @throws IllegalArgumentException naming the method when it matches no operation, takes too
     *                                  many or too few parameters, or a parameter of the wrong type
     */
    public static <T> T facade(BoundDevice device, Class<T> type) {
        return DeviceFacade.of(device, type);
    }

    /**
     * Opens a description that need not come from the overlay's package (e.g. parsed from a cell);
     * its C operations use the package's libraries.
     *
     * @param pkg the package whose C sources build the libraries, or null for none
     */
    public static BoundDevice open(Overlay overlay, OverlayPackage pkg, DeviceDescription description,
            CCompiler compiler) {
        if (!overlay.isLoaded()) {
            throw new IllegalStateException("overlay " + overlay.name() + " is not loaded in the PL; call download() first");
        }
        return BoundDevice.open(description, new OverlayBackend(overlay, pkg, compiler, description.includes()));
    }

    /**
     * The package the overlay's bitstream belongs to.
     *
     * @throws IllegalArgumentException if no {@code .core} beside the bitstream names it
     */
    public static OverlayPackage packageOf(Overlay overlay) {
        return OverlayFinder.packageOf(overlay.bitstream().bitfile()).orElseThrow(() -> new IllegalArgumentException(
                "overlay " + overlay.name() + " has no package: no .core in " + overlay.bitstream().bitfile().getParent()
                        + " names " + overlay.bitstream().bitfile().getFileName()
                        + "; device operations come from a package's .d2l.yaml files"));
    }
}
