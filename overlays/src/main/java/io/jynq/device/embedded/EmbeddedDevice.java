package io.jynq.device.embedded;

import io.jynq.device.Device;
import io.jynq.device.DeviceException;
import io.jynq.device.DeviceMemory;
import io.jynq.device.IrqLine;
import io.jynq.device.MemoryStats;
import io.jynq.device.PlState;
import io.jynq.device.PlStateStore;
import io.jynq.device.RegisterSpace;
import io.jynq.ffi.gpio.GpioKernel;
import io.jynq.ffi.libc.MappedRegion;
import io.jynq.ffi.libc.NativeException;
import io.jynq.metadata.Arch;
import io.jynq.metadata.OverlayMetadata;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code embedded} backend: a Zynq-7000 or ZynqMP board running Linux, driven through the
 * kernel interfaces PYNQ uses (root required, as for PYNQ).
 * <ul>
 * <li>MMIO: {@code mmap} of {@code /dev/mem} with {@code O_SYNC}, page-aligned, every access
 *     bounds-checked ({@link MappedRegion}).</li>
 * <li>Download: for a full bitstream the PL clocks are first set to the design's divisors
 *     ({@code clock_dict}, as PYNQ's {@code Overlay.download}) and the loaded design's DFX shutdown
 *     managers are quiesced ({@link ShutdownManagers}); then {@code .bit} → {@code .bin} into {@code /lib/firmware}, FPGA Manager's
 *     {@code flags} and {@code firmware}, then {@code state == operating}; on ZynqMP a full download
 *     then sets the PS-PL AXI port widths of the design ({@link AxiPortWidths}); a {@code .dtbo} beside the
 *     bitstream is applied through configfs afterwards (the one a previous full download applied is
 *     removed first). The PL state is recorded only when every step succeeded.</li>
 * <li>Contiguous memory: blocks of a u-dma-buf buffer, flushed and invalidated through its sysfs
 *     {@code sync_*} attributes.</li>
 * <li>Interrupts: UIO ({@code /proc/interrupts} → {@code /sys/class/uio/uioN/name} → {@code /dev/uioN}).</li>
 * <li>PL clocks: SLCR FPGAn_CLK_CTRL (Zynq-7000) or CRL_APB PLn_REF_CTRL (ZynqMP), PYNQ's divisor choice.</li>
 * </ul>
 * Every path is under the root of {@link BoardPaths} ({@code /} on a board), so the whole backend
 * runs against a fake tree in tests. Thread-safe; after {@link #close()} every call throws
 * {@link IllegalStateException}.
 */
public final class EmbeddedDevice implements Device {
    private final BoardPaths paths;
    private final SysfsIo io;
    private volatile GpioKernel gpioKernel = GpioKernel.LIBC;
    private final PollWaiter waiter;
    private final Arch configuredArch;
    private final FpgaManager fpga;
    private final DeviceTreeOverlays overlays;
    private final UioLocator uio;
    private final PlStateStore store;
    private final BoardDownload download;
    private final List<MmioRegisterSpace> windows = new ArrayList<>();
    private final Map<Integer, UioIrqLine> irqs = new HashMap<>();
    private UdmabufRegion udmabuf;
    private PlClocks clocks;
    private volatile boolean closed;

    /** The board at the root given by {@code -Djynq.board.root} or {@code $JYNQ_BOARD_ROOT} (default {@code /}). */
    public EmbeddedDevice() {
        this(BoardPaths.fromEnvironment());
    }

    /** The board whose kernel interfaces hang from {@code root} (tests: a temporary directory). */
    public EmbeddedDevice(Path root) {
        this(BoardPaths.under(root));
    }

    /** The board at {@code paths}, with FPGA Manager given 10 s to reach {@code operating}. */
    public EmbeddedDevice(BoardPaths paths) {
        this(paths, new NativeSysfs(), PollWaiter.POLL, null, Duration.ofSeconds(10));
    }

    /**
     * @param arch the PS family, or null to read it from the device tree ({@code compatible})
     */
    EmbeddedDevice(BoardPaths paths, SysfsIo io, PollWaiter waiter, Arch arch, Duration programTimeout) {
        this.paths = paths;
        this.io = io;
        this.waiter = waiter;
        this.configuredArch = arch;
        this.fpga = new FpgaManager(paths, io, programTimeout);
        this.overlays = new DeviceTreeOverlays(paths, io);
        this.uio = new UioLocator(paths, io);
        this.store = new PlStateStore(paths.stateDirectory());
        this.download = new BoardDownload(paths, fpga, overlays, new ShutdownManagers(paths, Duration.ofMillis(200)),
                store);
    }

    @Override
    public String name() {
        return "embedded";
    }

    /** Where this backend finds the board's files. */
    public BoardPaths paths() {
        return paths;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the embedded device is closed");
        }
    }

    @Override
    public PlState plState() {
        checkOpen();
        return store.read();
    }

    @Override
    public void download(Path bitstream, OverlayMetadata metadata, boolean partial) {
        download(bitstream, metadata, partial ? "" : null);
    }

    /** Records the region in the PL state, in the download's one state write (see {@link Device#downloadPartial}). */
    @Override
    public void downloadPartial(Path bitstream, OverlayMetadata partial, String region) {
        download(bitstream, partial, Objects.requireNonNull(region, "region"));
    }

    /** @param region null for a full bitstream, else the partial region ("" for none named) */
    private synchronized void download(Path bitstream, OverlayMetadata metadata, String region) {
        checkOpen();
        Objects.requireNonNull(bitstream, "bitstream");
        if (!Files.isRegularFile(bitstream)) {
            throw new UncheckedIOException(new NoSuchFileException(bitstream.toString(), null, "no such bitstream file"));
        }
        download.run(bitstream, metadata, region, this::closeIrqs); // UIO devices belong to the replaced design
    }

    /**
     * Applies a device-tree overlay ({@code .dtbo}) under the name of its file stem, replacing one
     * of that name.
     *
     * @throws DeviceException if configfs is missing or the kernel rejects it
     */
    public synchronized void insertDeviceTreeOverlay(Path dtbo) {
        checkOpen();
        overlays.insert(BoardDownload.stem(dtbo), BoardDownload.readAll(dtbo));
    }

    /** Removes the device-tree overlay called {@code name}; harmless if it is not applied. */
    public synchronized void removeDeviceTreeOverlay(String name) {
        checkOpen();
        overlays.remove(name);
    }

    /** Whether the device-tree overlay called {@code name} is applied. */
    public boolean isDeviceTreeOverlayApplied(String name) {
        checkOpen();
        return overlays.isApplied(name);
    }

    @Override
    public synchronized RegisterSpace map(long physicalAddress, long byteLength) {
        checkOpen();
        if (physicalAddress < 0 || byteLength <= 0 || physicalAddress + byteLength < physicalAddress) {
            throw new IllegalArgumentException(String.format("cannot map %d bytes at 0x%x: need a positive length and"
                    + " no overflow", byteLength, physicalAddress));
        }
        MappedRegion region;
        try {
            region = MappedRegion.map(paths.devMem(), physicalAddress, byteLength, true);
        } catch (NativeException | IllegalArgumentException e) {
            throw new DeviceException(String.format("cannot map [0x%x, 0x%x) through %s: %s", physicalAddress,
                    physicalAddress + byteLength, paths.devMem(), e.getMessage()), e);
        }
        MmioRegisterSpace window = new MmioRegisterSpace(physicalAddress, region);
        windows.add(window);
        return window;
    }

    @Override
    public DeviceMemory allocate(long byteSize, long alignment, boolean cacheable) {
        checkOpen();
        if (byteSize <= 0) {
            throw new IllegalArgumentException("buffer size must be positive, got " + byteSize + " bytes");
        }
        if (alignment <= 0 || Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two, got " + alignment);
        }
        return udmabuf().allocate(byteSize, alignment, cacheable);
    }

    private synchronized UdmabufRegion udmabuf() {
        if (udmabuf == null) {
            udmabuf = UdmabufRegion.claim(paths, io);
        }
        return udmabuf;
    }

    @Override
    public MemoryStats memoryStats() {
        checkOpen();
        if (!Files.isDirectory(paths.udmabufClass())) {
            return new MemoryStats(0, 0, 0, 0);
        }
        return udmabuf().stats();
    }

    @Override
    public synchronized IrqLine irq(int rawIrq) {
        checkOpen();
        UioIrqLine line = irqs.get(rawIrq);
        if (line == null) {
            line = new UioIrqLine(rawIrq, uio.deviceFor(rawIrq), waiter);
            irqs.put(rawIrq, line);
        }
        return line;
    }

    @Override
    public double fclkMhz(int index) {
        Objects.checkIndex(index, 4);
        checkOpen();
        return clocks().fclkMhz(index);
    }

    /**
     * EMIO {@code index}, as PYNQ's {@code GPIO}: through the GPIO character device when the PS
     * controller has one ({@link CdevPsGpio}), else through sysfs ({@link SysfsPsGpio}).
     */
    @Override
    public io.jynq.device.PsGpioLine psGpio(int index, boolean output) {
        checkOpen();
        Arch arch = configuredArch != null ? configuredArch : BoardArch.detect(paths);
        io.jynq.device.PsGpioLine line = CdevPsGpio.open(paths.resolve("dev"), gpioKernel, arch, index, output);
        return line != null ? line : new SysfsPsGpio(paths, io, arch).open(index, output);
    }

    /** The kernel the GPIO character device is reached through (a test plays it). */
    void gpioKernel(GpioKernel kernel) {
        this.gpioKernel = java.util.Objects.requireNonNull(kernel, "kernel");
    }

    @Override
    public double fclkSourceMhz(int index) {
        Objects.checkIndex(index, 4);
        checkOpen();
        return clocks().clockSourceMhz(index);
    }

    @Override
    public double cpuMhz() {
        checkOpen();
        return clocks().cpuMhz();
    }

    @Override
    public void setFclkDivisors(int index, int divisor0, int divisor1) {
        Objects.checkIndex(index, 4);
        checkOpen();
        clocks().setDivisors(index, divisor0, divisor1);
    }

    private synchronized PlClocks clocks() {
        if (clocks == null) {
            Arch arch = configuredArch != null ? configuredArch : BoardArch.detect(paths);
            clocks = PlClocks.over(arch, this::map);
        }
        return clocks;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        windows.forEach(MmioRegisterSpace::close);
        windows.clear();
        closeIrqs();
        if (udmabuf != null) {
            udmabuf.close();
        }
    }

    private void closeIrqs() {
        irqs.values().forEach(UioIrqLine::close);
        irqs.clear();
    }

    @Override
    public String toString() {
        return "EmbeddedDevice[root " + paths.root() + (fpga.isPresent() ? "" : ", no FPGA Manager")
                + (closed ? ", closed]" : "]");
    }
}
