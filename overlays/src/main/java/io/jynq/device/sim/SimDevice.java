package io.jynq.device.sim;

import io.jynq.device.Device;
import io.jynq.device.DeviceException;
import io.jynq.device.DeviceMemory;
import io.jynq.device.IrqLine;
import io.jynq.device.MemoryStats;
import io.jynq.device.PlState;
import io.jynq.device.PlStateStore;
import io.jynq.device.RegisterSpace;
import io.jynq.device.sim.model.IpModel;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The simulated board: JYNQ's default {@link Device}. Everything a second process must see lives
 * in the state directory ({@link SimConfig#stateDirectory()}), so two notebooks share one board:
 * <ul>
 *   <li>{@code pl_state.json}: the PL state, replaced atomically ({@link PlStateStore});
 *   <li>{@code design-<sha256>.hwh}: a copy of each downloaded design, so another process can
 *       build the same models when it first touches the board after someone else downloaded;
 *   <li>{@code pl-<id>.regs}: the register and BRAM contents of the current download
 *       ({@link RegisterWindows}), memory-mapped by every process;
 *   <li>{@code ddr.bin}: simulated DDR, a sparse memory-mapped file, and {@code ddr.arenas}, the
 *       lock-protected table of which process owns which part of it ({@link ArenaTable}).
 * </ul>
 * Behaviour (a DMA transfer in flight, interrupt lines, stream queues) runs in the process that
 * touches the registers; another process sees its register results.
 *
 * <p>A partial (DFX) download stacks the partial design's IPs on the loaded one; the PL state
 * records it with its region ({@link PlState#regions()}) and its design is stored by hash like a
 * full one's, so another process builds the same layers and sees the partial's IP in its
 * dictionaries. A state file of the old format (1) after a partial download names no full design:
 * another process then gets a {@link DeviceException} saying so.
 *
 * <p>States: before any download {@link #map} and {@link #irq} throw {@link DeviceException};
 * after {@link #close()} every call throws {@link IllegalStateException}.
 */
public final class SimDevice implements Device, SimControls {
    private final SimConfig config;
    private final PlStateStore plStore;
    private final BoardFiles files;
    private final SimDdr ddr;
    private final SimClocks clocks = new SimClocks();
    private final SimPsGpio psGpio = new SimPsGpio(this::currentOrNull);
    private volatile SimPl pl;
    /** The partial designs this process downloaded, by hash (one whose .hwh is no file is stored nowhere else). */
    private final Map<String, OverlayMetadata> downloadedPartials = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean closed;

    private final DiskSpace disk;

    private SimDevice(SimConfig config, SimDdr ddr, DiskSpace disk) {
        this.disk = disk;
        this.config = config;
        this.plStore = new PlStateStore(config.stateDirectory());
        this.files = new BoardFiles(config.stateDirectory());
        this.ddr = ddr;
    }

    /**
     * Opens (creating if needed) the board in {@code config}'s state directory.
     *
     * @throws UncheckedIOException if the directory or DDR file cannot be created or mapped
     */
    public static SimDevice open(SimConfig config) {
        return open(config, DiskSpace.POSIX);
    }

    /** {@link #open(SimConfig)} reserving disk space through {@code disk} (tests inject a full disk). */
    static SimDevice open(SimConfig config, DiskSpace disk) {
        Path dir = config.stateDirectory();
        try {
            Files.createDirectories(dir);
            return new SimDevice(config, SimDdr.open(config, disk), disk);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the simulated board in " + dir, e);
        }
    }

    @Override
    public String name() {
        return "sim";
    }

    /** The configuration this board was opened with. */
    public SimConfig config() {
        return config;
    }

    /** Physical address of simulated DDR's first byte. */
    public long ddrBaseAddress() {
        return config.ddrBaseAddress();
    }

    /** Size of simulated DDR in bytes. */
    public long ddrBytes() {
        return ddr.byteSize();
    }

    @Override
    public PlState plState() {
        checkOpen();
        return plStore.read();
    }

    @Override
    public void download(Path bitstream, OverlayMetadata metadata, boolean partial) {
        download(bitstream, metadata, partial ? "" : null);
    }

    /** Records the region in the PL state, in the download's one state write (see {@link Device#downloadPartial}). */
    @Override
    public void downloadPartial(Path bitstream, OverlayMetadata partial, String region) {
        download(bitstream, partial, java.util.Objects.requireNonNull(region, "region"));
    }

    /** @param region null for a full bitstream, else the partial region it goes into ("" for none named) */
    private void download(Path bitstream, OverlayMetadata metadata, String region) {
        boolean partial = region != null;
        checkOpen();
        java.util.Objects.requireNonNull(bitstream, "bitstream");
        java.util.Objects.requireNonNull(metadata, "metadata");
        BitstreamCheck.check(bitstream);
        checkAddressMap(metadata);
        byte[] hwh = readHwh(metadata);
        String sha = BoardFiles.sha256(hwh != null ? hwh : metadata.toPynqJson().getBytes(StandardCharsets.UTF_8));
        try (BoardLock lock = BoardLock.acquire(config.stateDirectory())) {
            synchronized (this) {
                files.deleteTemporaries();
                PlState old = plStore.read();
                if (partial && (pl == null || !old.isProgrammed())) {
                    throw new DeviceException("cannot download the partial bitstream " + bitstream.getFileName()
                            + ": no full design is loaded in this process to hold its region; download the overlay first");
                }
                // a partial download keeps the PL's bitfile name, timestamp and hash (PYNQ's post_download)
                // and joins the regions, which every process reads; its own hash names its register file
                PlState.PartialRegion r = partial
                        ? new PlState.PartialRegion(region, bitstream.toAbsolutePath().normalize().toString(), sha) : null;
                PlState state = partial ? old.withPartial(r)
                        : new PlState(bitstream.toAbsolutePath().normalize().toString(), nextTimestamp(old), sha, false);
                Path regs = partial ? files.regsFile(state, r) : files.regsFile(state);
                SimPl built;
                SimPl base = partial ? pl : null;
                try {
                    built = SimPl.build(metadata, state, RegisterWindows.open(regs, metadata, disk), this, true);
                    if (base != null) {
                        built.stackOn(base);
                    }
                    if (hwh != null) {
                        files.writeAtomically(files.designFile(sha), hwh);
                    }
                    plStore.write(state);
                } catch (RuntimeException e) {
                    BoardFiles.deleteQuietly(regs);
                    throw e;
                }
                pl = built;
                if (partial) {
                    downloadedPartials.put(sha, metadata);
                } else {
                    clocks.boot(metadata);
                    files.retireOldRegisterFiles(regs);
                }
            }
        }
    }

    /**
     * Now, or just after {@code old}'s timestamp when the clock has not moved past it, so that two
     * downloads never share a state; a timestamp more than a day ahead (a corrupt file, a clock set
     * back) is ignored rather than followed into the future.
     */
    private static Instant nextTimestamp(PlState old) {
        Instant now = Instant.now();
        Instant t = old.timestamp();
        if (!now.isAfter(t) && t.isBefore(now.plus(java.time.Duration.ofDays(1)))) {
            return t.plusNanos(1);
        }
        return now;
    }

    private void checkAddressMap(OverlayMetadata md) {
        long lo = ddr.baseAddress();
        long hi = lo + ddr.byteSize();
        for (var ip : RegisterWindows.backedIps(md)) {
            if (ip.physAddr() < hi && ip.physAddr() + ip.addrRange() > lo) {
                throw new DeviceException(String.format("%s: IP %s at 0x%X (+0x%X) overlaps simulated DDR [0x%X, 0x%X);"
                        + " the simulated board cannot host this design", md.source(), ip.name(), ip.physAddr(),
                        ip.addrRange(), lo, hi));
            }
        }
    }

    /**
     * The {@code .hwh} bytes behind {@code md}, or null when its source is not a readable file
     * (metadata parsed from bytes or a resource, or a file gone or unreadable since parsing). Null is
     * not an error: the design is then identified by its PYNQ JSON and not shared, so only this
     * process drives the board and another one gets {@link #current()}'s "design is not available".
     */
    private static byte[] readHwh(OverlayMetadata md) {
        try {
            Path p = Path.of(md.source());
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private SimPl current() {
        checkOpen();
        PlState s = plStore.read();
        SimPl p = pl;
        if (p != null && p.state().equals(s)) {
            return p;
        }
        try (BoardLock lock = BoardLock.acquire(config.stateDirectory())) {
            synchronized (this) {
                s = plStore.read();  // again: a download may have finished while this process waited
                p = pl;
                if (p != null && p.state().equals(s)) {
                    return p;
                }
                if (!s.isProgrammed()) {
                    pl = null;
                    return null;
                }
                // a partial state of format 1 (no regions recorded) does not say which full design holds it
                boolean unknownPartial = s.partial() && s.regions().isEmpty();
                Path design = files.designFile(s.metadataSha256());
                if (unknownPartial || !Files.isRegularFile(design)) {
                    throw new DeviceException("the simulated PL was programmed by another process with " + s.bitfileName()
                            + (unknownPartial ? " (a partial bitstream)" : "") + " and its design is not available in "
                            + config.stateDirectory() + "; download the overlay in this process");
                }
                OverlayMetadata md = HwhParser.parse(design);
                SimPl built = SimPl.build(md, s, RegisterWindows.open(files.regsFile(s), md, null), this, false);
                for (PlState.PartialRegion r : s.regions()) {
                    OverlayMetadata pmd = partialDesign(r);
                    SimPl layer = SimPl.build(pmd, s, RegisterWindows.open(files.regsFile(s, r), pmd, null), this, false);
                    layer.stackOn(built);
                    built = layer;
                }
                pl = built;
                clocks.restore(md);
                return pl;
            }
        }
    }

    @Override
    public RegisterSpace map(long physicalAddress, long byteLength) {
        if (byteLength <= 0 || physicalAddress < 0 || physicalAddress + byteLength < physicalAddress) {
            throw new IllegalArgumentException(String.format("cannot map %d bytes at 0x%X: the range is empty,"
                    + " negative or overflows", byteLength, physicalAddress));
        }
        if (ddr.contains(physicalAddress, byteLength)) {
            checkOpen();
            return new MappedRegisterSpace(ddr.window(physicalAddress, (int) byteLength), physicalAddress);
        }
        SimPl p = current();
        if (p == null) {
            throw new DeviceException(String.format("nothing is mapped at 0x%X: no overlay is downloaded to the"
                    + " simulated PL (download one first)", physicalAddress));
        }
        SimIp ip = p.at(physicalAddress);
        if (ip == null) {
            List<String> near = new ArrayList<>();
            p.nearest(physicalAddress, 3).forEach(s -> near.add(s.toString()));
            throw new DeviceException(String.format("nothing is mapped at 0x%X in %s; nearest IP: %s",
                    physicalAddress, p.metadata().source(), near));
        }
        long offset = physicalAddress - ip.baseAddress();
        if (offset + byteLength > ip.addrRange()) {
            throw new DeviceException(String.format("cannot map 0x%X bytes at 0x%X: %s ends at 0x%X",
                    byteLength, physicalAddress, ip, ip.baseAddress() + ip.addrRange()));
        }
        if (offset + byteLength > ip.backedBytes()) {
            throw new DeviceException(String.format("cannot map 0x%X bytes at 0x%X: the simulator backs only the first"
                    + " %d MiB of %s", byteLength, physicalAddress, RegisterWindows.MAX_WINDOW >> 20, ip));
        }
        return ip.space(offset, byteLength);
    }

    /** A little-endian view of simulated DDR at {@code [phys, phys + length)}, or null outside it. */
    ByteBuffer ddrWindow(long phys, int length) {
        return ddr.window(phys, length);
    }

    @Override
    public DeviceMemory allocate(long byteSize, long alignment, boolean cacheable) {
        checkOpen();
        if (byteSize <= 0) {
            throw new IllegalArgumentException("allocation size must be positive, got " + byteSize + " bytes");
        }
        if (alignment <= 0 || Long.bitCount(alignment) != 1 || alignment > (1L << 21)) {
            throw new IllegalArgumentException("alignment must be a power of two up to 2 MiB, got " + alignment);
        }
        if (byteSize > ddr.byteSize()) {
            throw new io.jynq.device.OutOfDeviceMemoryException(String.format("cannot allocate %d bytes of simulated DDR:"
                    + " the whole DDR is %d bytes (largest free block %d bytes); give the board more with"
                    + " JYNQ_SIM_DDR_MIB", byteSize, ddr.byteSize(), memoryStats().largestFreeBlock()));
        }
        long off = ddr.allocate(byteSize, alignment);
        return new SimMemory(this, ddr.block(off, byteSize), off, ddr.baseAddress() + off, byteSize, cacheable);
    }

    void free(long offset, long byteSize) {
        if (closed) {
            return;
        }
        ddr.free(offset, byteSize);
    }

    /** A DMA model will access {@code [phys, phys + length)} of DDR: see {@link SimDdr#hold}. */
    void holdDdr(long phys, long length) {
        ddr.hold(phys - ddr.baseAddress(), length);
    }

    /** The DMA model's access that began at {@code phys} is over: see {@link SimDdr#release}. */
    void releaseDdr(long phys) {
        ddr.release(phys - ddr.baseAddress());
    }

    @Override
    public MemoryStats memoryStats() {
        checkOpen();
        return ddr.stats();
    }

    @Override
    public IrqLine irq(int rawIrq) {
        SimPl p = current();
        if (p == null) {
            throw new DeviceException("IRQ " + rawIrq + " is not wired: no overlay is downloaded to the simulated PL");
        }
        SimIrqLine line = p.irqLine(rawIrq);
        if (line == null) {
            throw new DeviceException("IRQ " + rawIrq + " is not wired in " + p.metadata().source()
                    + "; wired raw IRQs: " + p.irqNumbers());
        }
        return line;
    }

    /**
     * The model of an IP of the loaded design, to drive its inputs (e.g.
     * {@code model("axi_gpio_0", AxiGpioModel.class).setInput(2, 1)}).
     *
     * @throws NoSuchElementException listing the IPs, if the design has no IP of that name
     * @throws IllegalArgumentException if the IP has no model of that type (e.g. a plain register file)
     * @throws DeviceException if nothing is downloaded
     */
    public <T extends IpModel> T model(String ipName, Class<T> type) {
        SimPl p = current();
        if (p == null) {
            throw new DeviceException("no model of \"" + ipName + "\": no overlay is downloaded to the simulated PL"
                    + " (download one first)");
        }
        SimIp ip = p.byName(ipName);
        if (ip == null) {
            throw new NoSuchElementException("no IP \"" + ipName + "\" in " + p.metadata().source() + "; IPs: "
                    + p.ips().keySet());
        }
        IpModel m = ip.model();
        if (!type.isInstance(m)) {
            throw new IllegalArgumentException(ipName + " is simulated by " + (m == null ? "a plain "
                    + (ip.isMemory() ? "memory" : "register file") : m.getClass().getName()) + ", not " + type.getName());
        }
        synchronized (p.lock()) {
            return type.cast(m);
        }
    }

    /**
     * Runs {@code action} on the loaded design's models while holding its lock: use it from a
     * thread of your own to drive inputs consistently with register traffic.
     */
    public void withModels(Runnable action) {
        SimPl p = current();
        if (p == null) {
            throw new DeviceException("no models to run with: no overlay is downloaded to the simulated PL"
                    + " (download one first)");
        }
        p.step(action);
    }

    /**
     * Resets the model of {@code ip} (its registers to their reset values, an invocation or
     * transfer in flight dropped), as a pulse on the IP's reset input would; an IP simulated by a
     * plain register file gets its {@code .hwh} reset values.
     *
     * @throws DeviceException if nothing is downloaded or the PL no longer holds {@code ip}
     */
    @Override
    public void resetIp(IpDescription ip) {
        SimPl p = current();
        SimIp s = p == null ? null : p.byName(ip.name());
        if (s == null || s.description().physAddr() != ip.physAddr()) {
            throw new DeviceException("cannot reset " + ip.name() + " at 0x" + Long.toHexString(ip.physAddr())
                    + ": the simulated PL holds " + (p == null ? "no overlay" : p.metadata().source())
                    + ", which has no such IP there; get the IP from the overlay loaded now");
        }
        p.checkLive(s);
        p.step(() -> {
            if (s.model() != null) {
                s.model().reset();
            } else if (!s.isMemory()) {
                io.jynq.device.sim.model.RegisterFileModel.applyResetValues(ip,
                        new io.jynq.device.sim.model.RegisterStore(s.window()));
            }
        });
    }

    /**
     * The loaded design, for the simulator's binders ({@link RtlBinder}).
     *
     * @throws DeviceException naming {@code what} if nothing is downloaded
     */
    SimPl loaded(String what) {
        SimPl p = current();
        if (p == null) {
            throw new DeviceException("cannot " + what + ": no overlay is downloaded to the simulated PL (download one first)");
        }
        return p;
    }

    /**
     * {@link Sim#rtl(String, Path, String, java.util.Map, java.util.Map)} on this board.
     *
     * @throws java.util.NoSuchElementException listing the IPs if the design has no such IP
     */
    public io.jynq.device.sim.rtl.RtlModel rtl(String ipName, Path core, String target,
            java.util.Map<String, ?> parameters, java.util.Map<String, String> portMap) {
        return RtlBinder.bind(this, ipName, core, target, parameters, portMap, List.of());
    }

    /** Binds the IP to the core's {@code sim} target, as {@link Sim#rtl(String, Path)} does; always true. */
    @Override
    public boolean simulateRtl(String ipName, Path core, List<Path> libraryFolders) {
        RtlBinder.bind(this, ipName, core, "sim", java.util.Map.of(), java.util.Map.of(), libraryFolders);
        return true;
    }

    /** The stalls RTL models of the loaded design saw, each after {@code "; RTL stall: "}. */
    @Override
    public String waitReport() {
        SimPl p = currentOrNull();
        if (p == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        synchronized (p.lock()) {
            for (SimIp ip : p.ips().values()) {
                if (ip.model() instanceof io.jynq.device.sim.rtl.RtlModel m && m.stall() != null) {
                    b.append("; RTL stall: ").append(m.stall());
                }
            }
        }
        return b.toString();
    }

    /** The cycles and simulated time of each RTL model of the loaded design, at its clock. */
    @Override
    public String simulatedTime() {
        SimPl p = currentOrNull();
        if (p == null) {
            return "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        synchronized (p.lock()) {
            for (SimIp ip : p.ips().values()) {
                if (ip.model() instanceof io.jynq.device.sim.rtl.RtlModel m) {
                    parts.add(String.format("%s %,d cycles = %.3f ms at %.1f MHz", ip.name(), m.cycles(),
                            m.cycles() * 1e3 / m.clockHz(), m.clockHz() / 1e6));
                }
            }
        }
        return String.join("; ", parts);
    }

    /** {@link Sim#trace} on this board. */
    public void trace(String ipName, Path file) {
        io.jynq.device.sim.rtl.RtlModel m = model(ipName, io.jynq.device.sim.rtl.RtlModel.class);
        withModels(() -> m.trace(file));
    }

    /** {@link Sim#run} on this board. */
    public void run(long cycles) {
        if (cycles < 0) {
            throw new IllegalArgumentException("cycles must be >= 0, got " + cycles);
        }
        loaded("run the simulation").run(cycles);
    }

    /**
     * The design this board models, with the partial designs the PL state records in its regions
     * (whichever process downloaded them; {@link #downloadPartial}).
     */
    @Override
    public OverlayMetadata loadedMetadata() {
        SimPl p = current();
        if (p == null) {
            throw new DeviceException("the simulated PL is empty: no overlay has been downloaded");
        }
        return io.jynq.device.PartialDesigns.merge(p.base().metadata(), p.state(), this::partialDesign);
    }

    /**
     * A recorded partial's design: the one this process downloaded, else the copy the downloading
     * process stored by hash.
     */
    private OverlayMetadata partialDesign(PlState.PartialRegion r) {
        OverlayMetadata mine = downloadedPartials.get(r.metadataSha256());
        if (mine != null) {
            return mine;
        }
        Path design = files.designFile(r.metadataSha256());
        if (!Files.isRegularFile(design)) {
            throw new DeviceException("the simulated PL holds the partial bitstream " + r.bitfileName() + " in region \""
                    + r.region() + "\" but its design is not available in " + config.stateDirectory()
                    + "; download the overlay in this process");
        }
        return io.jynq.metadata.MetadataCache.shared().get(design);
    }

    /** EMIO {@code index} of the simulated PS, wired as the loaded design's gpio_dict says; see {@link SimPsGpio}. */
    @Override
    public io.jynq.device.PsGpioLine psGpio(int index, boolean output) {
        checkOpen();
        return psGpio.open(index, output);
    }

    private SimPl currentOrNull() {
        try {
            return current();
        } catch (DeviceException e) {
            return null; // another process's design: its models are not here to reset
        }
    }

    @Override
    public double fclkMhz(int index) {
        return clocks.get(index);
    }

    @Override
    public void setFclkDivisors(int index, int divisor0, int divisor1) {
        checkOpen();
        clocks.setDivisors(index, divisor0, divisor1);
    }

    @Override
    public double fclkSourceMhz(int index) {
        return clocks.source(index);
    }

    @Override
    public double cpuMhz() {
        return clocks.cpu();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            ddr.releaseAll();
        }
    }

    /** The simulated DDR file, {@code ddr.bin} in the state directory. */
    java.nio.file.Path ddrFile() {
        return config.stateDirectory().resolve("ddr.bin").toAbsolutePath();
    }

    boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the simulated board in " + config.stateDirectory() + " is closed");
        }
    }

    /** One line for the REPL: {@code SimDevice[pynq-z1, ~/.jynq/sim/pynq-z1, dsp_loopback.bit, 512 MiB DDR]}. */
    @Override
    public String toString() {
        SimPl p = pl;
        return "SimDevice[" + config.board() + ", " + config.stateDirectory() + ", "
                + (p == null ? "PL empty" : Path.of(p.state().bitfileName()).getFileName()) + ", "
                + (ddr.byteSize() >> 20) + " MiB DDR at 0x" + Long.toHexString(ddr.baseAddress()) + "]";
    }
}
