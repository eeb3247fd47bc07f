package io.jynq.overlay;

import io.jynq.device.Device;
import io.jynq.device.DeviceException;
import io.jynq.device.PlState;
import io.jynq.device.RegisterSpace;
import io.jynq.metadata.ClockInfo;
import io.jynq.metadata.GpioEntry;
import io.jynq.metadata.Hierarchy;
import io.jynq.metadata.InterruptController;
import io.jynq.metadata.InterruptPin;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.MetadataCache;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.metadata.PartialRegions;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import java.util.Map;
import java.util.NoSuchElementException;

import java.util.TreeMap;

/**
 * A bitstream with its metadata, loaded on a board (PYNQ's {@code Overlay}).
 * <pre>{@code
 * Overlay ol = Overlay.load("dsp_loopback");            // find, parse the .hwh, download
 * AxiDma dma = ol.ip("axi_dma_0", AxiDma.class);         // typed driver
 * DefaultIp adder = ol.ip("adder");                     // whatever driver binds (HlsIp here)
 * ol.ipDict().keySet();                                 // every addressable IP
 * }</pre>
 *
 * <p>States: a loaded overlay is the one the PL holds ({@link #isLoaded()}); after another
 * process or overlay downloads something else it is not, and {@link #ip}, {@link #hierarchy}
 * and {@link #interrupt} throw {@link IllegalStateException} until {@link #download()}. The
 * metadata views work in every state. Drivers are created on first request and cached until the
 * next download.
 *
 * <p>Overlay classes of your own extend this one, as PYNQ's {@code class BaseOverlay(Overlay)} does:
 * <pre>{@code
 * class TestOverlay extends Overlay {
 *     final AxiGpio leds;
 *     TestOverlay(String bit) { super(bit); leds = ip("leds_gpio", AxiGpio.class); }
 * }
 * }</pre>
 * {@code %overlay facade VAR} then gives such an object the typed IP fields and keeps its own members.
 */
public class Overlay {
    private static final System.Logger LOG = System.getLogger(Overlay.class.getName());
    /** What PYNQ sets a PL clock the design leaves disabled to ({@code ps.py} DEFAULT_PL_CLK_MHZ). */
    private static final double DEFAULT_FCLK_MHZ = 100.0;

    private final Bitstream bitstream;
    /** The full design's metadata, as its .hwh says. */
    private final OverlayMetadata design;
    /** What the PL holds now: the design with the partial designs loaded into its regions. */
    private volatile OverlayMetadata metadata;
    /** PYNQ's pr_dict: partial region → the partial bitstream loaded into it, in load order. */
    private final Map<String, String> prDict = new java.util.concurrent.ConcurrentHashMap<>();
    private final Device device;
    private final LoadOptions options;
    private final OverlayDrivers drivers;
    private volatile Instant downloadedAt;
    /** PYNQ's ip_dict "state": what {@link #loadIpData} last put in an IP, by IP name. */
    private final Map<String, String> ipStates = new java.util.concurrent.ConcurrentHashMap<>();

    private Overlay(Bitstream bitstream, OverlayMetadata metadata, Device device, LoadOptions options) {
        this.bitstream = bitstream;
        this.design = metadata;
        this.metadata = metadata;
        this.device = device;
        this.options = options;
        this.drivers = new OverlayDrivers(this);
    }

    /**
     * Finds, parses and downloads an overlay, as {@link #load(String)} does (PYNQ's
     * {@code Overlay("base.bit")}); the constructor a subclass calls.
     *
     * @throws IllegalArgumentException if the overlay is not found (the message lists where it looked)
     * @throws io.jynq.metadata.MetadataException if the {@code .hwh} is malformed (file, line, column)
     * @throws DeviceException if the download fails; the PL keeps what it had
     */
    public Overlay(String pathOrName) {
        this(pathOrName, LoadOptions.defaults());
    }

    /**
     * As {@link #Overlay(String)} with options (PYNQ's {@code download=False}, {@code ignore_version}).
     *
     * @throws IllegalArgumentException if the overlay is not found
     * @throws DeviceException if the download fails; the PL keeps what it had
     */
    public Overlay(String pathOrName, LoadOptions options) {
        this(Found.of(pathOrName, options), options);
    }

    /**
     * The same overlay as {@code other} (same bitstream, metadata, device and options), not
     * downloaded again: a subclass's way to wrap an overlay loaded elsewhere.
     */
    protected Overlay(Overlay other) {
        this(other.bitstream, other.design, other.device, other.options);
        this.metadata = other.metadata;
        this.prDict.putAll(other.prDict);
        this.downloadedAt = other.downloadedAt;
    }

    private Overlay(Found found, LoadOptions options) {
        this(found.bitstream(), found.metadata(), options.deviceOrActive(), options);
        if (options.download()) {
            downloadNow();
        }
    }

    /** A located, parsed overlay, before an object is made of it. */
    private record Found(Bitstream bitstream, OverlayMetadata metadata) {
        static Found of(String pathOrName, LoadOptions options) {
            Bitstream b = Bitstream.find(pathOrName, options.hwh());
            options.progress().progress("parse " + b.hwh().getFileName(), 0, 1);
            OverlayMetadata md = MetadataCache.shared().get(b.hwh());
            options.progress().progress("parse " + b.hwh().getFileName(), 1, 1);
            return new Found(b, md);
        }
    }

    /** Loads and downloads an overlay found by path or name (see {@link io.jynq.overlay.pkg.OverlayFinder}). */
    public static Overlay load(String pathOrName) {
        return load(pathOrName, LoadOptions.defaults());
    }

    /**
     * Loads an overlay found by path or name ({@code "dsp_loopback"}, {@code "base.bit"}, a
     * package name or VLNV, a path) in {@link io.jynq.overlay.pkg.OverlayFinder}'s order: an
     * overlay package (a folder with a {@code .core}) or a bitstream with its {@code .hwh}. It parses
     * the {@code .hwh} (once per content) and, unless told not to, downloads it.
     *
     * @throws IllegalArgumentException if the overlay is not found (the message lists where it looked)
     * @throws io.jynq.capi.CapiException if the package's {@code .core} is invalid or names a missing
     *                                    file (file, line, column); nothing is downloaded
     * @throws io.jynq.metadata.MetadataException if the {@code .hwh} is malformed (file, line, column)
     * @throws DeviceException if the download fails; the PL keeps what it had
     */
    public static Overlay load(String pathOrName, LoadOptions options) {
        return new Overlay(pathOrName, options);
    }

    /**
     * An overlay over metadata already parsed (e.g. by a tool or test), for the bitstream at
     * {@code bitfile}; downloads unless the options say not to.
     *
     * @throws DeviceException if the download fails
     */
    public static Overlay of(Path bitfile, OverlayMetadata metadata, LoadOptions options) {
        return open(Bitstream.withoutHwh(bitfile, options.hwh()), metadata, options);
    }

    private static Overlay open(Bitstream b, OverlayMetadata md, LoadOptions options) {
        Overlay ol = new Overlay(b, md, options.deviceOrActive(), options);
        if (options.download()) {
            ol.downloadNow();
        }
        return ol;
    }

    /**
     * Sets the PL clocks its {@code .hwh} asks for (PYNQ's order: clocks first), programs the PL
     * with this overlay's bitstream, and drops every cached driver (the IP are reset).
     *
     * @throws DeviceException if the device refuses; the PL keeps what it had
     */
    public void download() {
        downloadNow();
    }

    /** The download, not overridable: constructors call it. */
    private void downloadNow() {
        ProgressListener p = options.progress();
        p.progress("download " + bitstream.name(), 0, 2);
        programClocks();
        p.progress("download " + bitstream.name(), 1, 2);
        bitstream.download(device, design);
        downloadedAt = device.plState().timestamp();
        drivers.clear();
        metadata = design; // the partial regions are empty again
        prDict.clear();
        p.progress("download " + bitstream.name(), 2, 2);
    }

    /**
     * Sets the PL clocks the design asks for, before programming, as PYNQ's {@code Overlay.download}
     * does: an enabled clock gets its {@code clock_dict} divisors, a disabled one 100 MHz. The one
     * place a design's clocks are set, on every backend. Every divisor is checked before the first
     * clock changes.
     *
     * @throws DeviceException naming the {@code .hwh} if a divisor is outside 1..63
     */
    private void programClocks() {
        for (ClockInfo c : design.clockDict().values()) {
            boolean valid = c.index() >= 0 && c.index() < 4 && (!c.enabled()
                    || (c.divisor0() >= 1 && c.divisor0() <= 63 && c.divisor1() >= 1 && c.divisor1() <= 63));
            if (!valid) {
                throw new DeviceException(design.source() + ": PL clock " + c.index() + " has divisors "
                        + c.divisor0() + " and " + c.divisor1() + "; each must be 1..63");
            }
        }
        for (ClockInfo c : design.clockDict().values()) {
            try {
                if (c.enabled()) {
                    device.setFclkDivisors(c.index(), c.divisor0(), c.divisor1());
                } else {
                    device.setFclkMhz(c.index(), DEFAULT_FCLK_MHZ);
                }
            } catch (UnsupportedOperationException e) {
                LOG.log(Level.WARNING, "{0}: PL clocks not set: {1}", bitstream.name(), e.getMessage());
                return;
            }
        }
    }

    /**
     * Whether the PL holds this overlay now (PYNQ's {@code is_loaded}): the PL's bitstream is this
     * one and, if this object downloaded it, nobody has downloaded since (PYNQ compares the timestamp).
     */
    public boolean isLoaded() {
        return holds(device.plState());
    }

    private boolean holds(PlState st) {
        if (!st.isProgrammed() || !Path.of(st.bitfileName()).toAbsolutePath().normalize().equals(bitstream.bitfile())) {
            return false;
        }
        Instant mine = downloadedAt;
        return mine == null || mine.equals(st.timestamp());
    }

    void checkLoaded() {
        if (!isLoaded()) {
            PlState st = device.plState();
            throw new IllegalStateException("overlay " + bitstream.name() + " is not loaded in the PL"
                    + (st.isProgrammed() ? " (it holds " + st.bitfileName() + " since " + st.timestamp() + ")" : " (it is empty)")
                    + "; call download() first");
        }
    }

    /**
     * The IP {@code name} (an ip_dict key, e.g. {@code axi_dma_0} or {@code video/axi_vdma}) with
     * the driver its VLNV binds to, or {@link DefaultIp}; created on first request, then cached.
     *
     * @throws NoSuchElementException listing the IP that exist, if there is none
     * @throws IllegalStateException if the overlay is not loaded
     */
    public DefaultIp ip(String name) {
        checkLoaded();
        return drivers.ip(metadata.ip(name));
    }

    /**
     * The IP {@code name} for a register program ({@link RegisterSpace#runProgram}): as
     * {@link #ip(String)}, except that when the device knows its own download
     * ({@link Device#plStateAsDownloaded()}), that is this overlay, and the IP's window refuses
     * programs for a stale design itself, the PL is not asked here: a D2L operation on a remote
     * board is then one round trip.
     *
     * @throws NoSuchElementException listing the IP that exist, if there is none
     * @throws IllegalStateException if the overlay is not loaded (as far as can be told here)
     */
    public DefaultIp ipForProgram(String name) {
        PlState own = device.plStateAsDownloaded();
        if (own == null || !holds(own)) {
            return ip(name);
        }
        DefaultIp d = drivers.ip(metadata.ip(name));
        return d.mmio().space().refusesStaleDesign() ? d : ip(name);
    }

    /**
     * The IP {@code name} as driver type {@code type}: the bound driver if it is one, else a new
     * {@code type} created for this IP (like PYNQ's {@code AxiGPIO(ol.ip_dict[name])}), cached.
     *
     * @throws NoSuchElementException if there is no such IP
     * @throws IllegalArgumentException if {@code type} has no public {@code (Overlay, IpDescription)} constructor
     * @throws UnsupportedConfigurationException if {@code type} cannot drive this IP's configuration
     * @throws IllegalStateException if the overlay is not loaded
     */
    public <T extends DefaultIp> T ip(String name, Class<T> type) {
        checkLoaded();
        return drivers.ip(metadata.ip(name), type);
    }

    /**
     * The class {@link #ip(String)} gives the IP {@code name}, found from the driver registry
     * without constructing a driver or touching the IP (what a typed facade is typed from, PYNQ's
     * {@code _IPMap} binding on first use).
     *
     * @throws NoSuchElementException listing the IP that exist, if there is none
     */
    public Class<? extends DefaultIp> driverClass(String name) {
        return DriverRegistry.boundDriver(metadata.ip(name), options.ignoreVersion());
    }

    /**
     * The class {@link #hierarchy(String)} gives the hierarchy at {@code path}: the newest
     * registered {@link DefaultHierarchy} subclass whose {@code checkHierarchy} claims it, else
     * {@code DefaultHierarchy} itself; nothing is constructed.
     *
     * @throws NoSuchElementException if there is no such hierarchy
     */
    public Class<? extends DefaultHierarchy> hierarchyClass(String path) {
        Hierarchy h = metadata.hierarchyDict().get(path);
        if (h == null) {
            throw new NoSuchElementException("no hierarchy \"" + path + "\" in " + bitstream.name());
        }
        return DriverRegistry.hierarchyFor(h);
    }

    /**
     * The hierarchy at {@code path} (a hierarchy_dict key), with the newest {@link DefaultHierarchy}
     * subclass that claims it.
     *
     * @throws NoSuchElementException listing the hierarchies, if there is none
     * @throws IllegalStateException if the overlay is not loaded
     */
    public DefaultHierarchy hierarchy(String path) {
        checkLoaded();
        Hierarchy h = metadata.hierarchyDict().get(path);
        if (h == null && PartialRegions.regions(design).contains(path)) {
            h = new Hierarchy(path, Map.of(), Map.of(), Map.of(), Map.of(), Map.of()); // an empty partial region
        }
        if (h == null) {
            throw new NoSuchElementException("no hierarchy \"" + path + "\" in " + bitstream.name() + "; hierarchies: "
                    + new ArrayList<>(new TreeMap<>(metadata.hierarchyDict()).keySet()));
        }
        return drivers.hierarchy(h);
    }

    /**
     * The interrupt pin {@code pin} (an interrupt_pins key, e.g. {@code btns_gpio/ip2intc_irpt}).
     *
     * @throws NoSuchElementException listing the pins, if there is none
     * @throws IllegalStateException if the overlay is not loaded
     */
    public Interrupt interrupt(String pin) {
        checkLoaded();
        InterruptPin p = metadata.interruptPins().get(pin);
        if (p == null) {
            throw new NoSuchElementException("no interrupt pin \"" + pin + "\" in " + bitstream.name() + "; pins: "
                    + new ArrayList<>(new TreeMap<>(metadata.interruptPins()).keySet()));
        }
        return drivers.interrupt(p);
    }

    /**
     * Forgets what this overlay tracked since it was made (PYNQ's {@code reset}): the state of each
     * IP ({@link #ipState}), the drivers handed out (the next {@link #ip} makes new ones) and the
     * partial regions downloaded into it, whose IP leave the dictionaries. The PL is not touched.
     */
    public void reset() {
        ipStates.clear();
        drivers.clear();
        metadata = design;
        prDict.clear();
    }

    /**
     * Writes {@code data} into the IP or memory {@code name} from its first byte (PYNQ's
     * {@code load_ip_data}, e.g. a MicroBlaze program into its BRAM), zero-padded to whole 32-bit
     * words, and records {@code "<n> bytes"} as its {@link #ipState}.
     *
     * @throws NoSuchElementException if there is no such IP or memory
     * @throws IllegalArgumentException if {@code data} is larger than the IP's address range (nothing is written)
     * @throws IllegalStateException if the overlay is not loaded
     */
    public void loadIpData(String name, byte[] data) {
        loadIpData(name, data, data.length + " bytes");
    }

    /**
     * As {@link #loadIpData(String, byte[])} with the content of {@code file} (a {@code .bin});
     * the file's absolute path becomes the IP's state, as in PYNQ.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public void loadIpData(String name, Path file) {
        byte[] data;
        try {
            data = java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file.toAbsolutePath() + " for " + name, e);
        }
        loadIpData(name, data, file.toAbsolutePath().toString());
    }

    private void loadIpData(String name, byte[] data, String state) {
        checkLoaded();
        IpDescription d = metadata.ipDict().get(name);
        if (d == null) {
            d = metadata.memDict().get(name);
        }
        if (d == null) {
            metadata.ip(name); // throws listing the IP
        }
        if (data.length > d.addrRange()) {
            throw new IllegalArgumentException(data.length + " bytes do not fit in " + name + " ("
                    + d.addrRange() + " bytes at 0x" + Long.toHexString(d.physAddr()) + "); nothing written");
        }
        byte[] padded = java.util.Arrays.copyOf(data, (data.length + 3) & ~3);
        if (padded.length > 0) {
            new io.jynq.mmio.Mmio(device, d.physAddr(), padded.length, name).write(0, padded);
        }
        ipStates.put(name, state);
    }

    /** What {@link #loadIpData} last loaded into {@code ip} (PYNQ's {@code ip_dict[ip]["state"]}), or null. */
    public String ipState(String ip) {
        return ipStates.get(ip);
    }

    /**
     * Downloads the partial bitstream {@code partialBit} into the partial region {@code region}
     * (PYNQ's {@code pr_download}): found beside this overlay's bitstream, else as given (relative
     * to the working directory), with its {@code .hwh} beside it. The PL keeps this overlay's
     * bitfile name and timestamp (PYNQ's {@code post_download} skips them for a partial
     * bitstream); the partial design's IP join {@link #ipDict()} and {@link #hierarchyDict()} as
     * {@code <region>/<name>} and answer on the bus; the region's earlier IP leave.
     * <pre>{@code
     * ol.prDownload("composable/pr_2", "rm_partial.bit");
     * ol.ip("composable/pr_2/add_accel");
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code region} is not a partial region of the design
     *         (the message lists them), or the bitstream or its {@code .hwh} is not found
     * @throws IllegalStateException if this overlay is not loaded
     * @throws DeviceException if the device refuses; the PL and the dictionaries keep what they had
     */
    public void prDownload(String region, String partialBit) {
        checkLoaded();
        List<String> regions = PartialRegions.regions(design);
        if (!regions.contains(region) && !design.hierarchyDict().containsKey(region)) {
            throw new IllegalArgumentException("\"" + region + "\" is not a partial region of " + bitstream.name()
                    + "; partial regions: " + regions);
        }
        Path beside = bitstream.bitfile().resolveSibling(partialBit);
        Bitstream b = Bitstream.of(Files.isRegularFile(beside) ? beside : Path.of(partialBit), null);
        OverlayMetadata partial = MetadataCache.shared().get(b.hwh());
        device.downloadPartial(b.bitfile(), partial, region);
        metadata = PartialRegions.merge(metadata, region, partial);
        drivers.forget(region + "/");
        prDict.put(region, b.bitfile().toString());
    }

    /**
     * PYNQ's {@code pr_dict}: each partial region a partial bitstream was downloaded into since
     * this overlay's last full download, with that bitstream's absolute path, in load order.
     */
    public Map<String, String> prDict() {
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(prDict));
    }

    /** The design's partial regions (its DFX block containers), e.g. {@code [composable/pr_0, composable/pr_1]}. */
    public List<String> partialRegions() {
        return PartialRegions.regions(design);
    }

    /** The backend this overlay runs on. */
    public Device device() {
        return device;
    }

    /** The bitstream and metadata files. */
    public Bitstream bitstream() {
        return bitstream;
    }

    /** The overlay's name (the bitstream's stem), e.g. {@code dsp_loopback}. */
    public String name() {
        return bitstream.name();
    }

    /** The bitstream's absolute path (PYNQ's {@code bitfile_name}). */
    public String bitfileName() {
        return bitstream.bitfile().toString();
    }

    /** When this object downloaded the bitstream, else when the PL got it if it holds it, else null. */
    public Instant timestamp() {
        Instant t = downloadedAt;
        if (t == null && isLoaded()) {
            t = device.plState().timestamp();
        }
        return t;
    }

    /**
     * Everything the {@code .hwh} says, with the IP of the partial designs loaded into its regions
     * since ({@link #prDownload}); {@link #designMetadata()} is the full design alone.
     */
    public OverlayMetadata metadata() {
        return metadata;
    }

    /** The full design's metadata, without partial designs. */
    public OverlayMetadata designMetadata() {
        return design;
    }

    /** PYNQ's {@code ip_dict}: addressable IP by name. */
    public Map<String, IpDescription> ipDict() {
        return metadata.ipDict();
    }

    /** PYNQ's {@code gpio_dict}: PS GPIO pins by name. */
    public Map<String, GpioEntry> gpioDict() {
        return metadata.gpioDict();
    }

    /** PYNQ's {@code interrupt_pins}. */
    public Map<String, InterruptPin> interruptPins() {
        return metadata.interruptPins();
    }

    /** PYNQ's {@code interrupt_controllers}. */
    public Map<String, InterruptController> interruptControllers() {
        return metadata.interruptControllers();
    }

    /** PYNQ's {@code hierarchy_dict}. */
    public Map<String, Hierarchy> hierarchyDict() {
        return metadata.hierarchyDict();
    }

    /** PYNQ's {@code mem_dict}: the MEMORY ranges. */
    public Map<String, IpDescription> memDict() {
        return metadata.memDict();
    }

    /** PYNQ's {@code clock_dict}: PL clocks 0..3. */
    public Map<Integer, ClockInfo> clockDict() {
        return metadata.clockDict();
    }

    boolean ignoreVersion() {
        return options.ignoreVersion();
    }

    /**
     * A multi-line summary for {@code ol?}-style help: each IP with the driver it binds to, the
     * hierarchies and the interrupt pins.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(toString()).append("\nIP:\n");
        Map<String, String> lines = new TreeMap<>();
        for (IpDescription d : metadata.ipDict().values()) {
            if (!d.processingSystem()) {
                lines.put(d.name(), DriverRegistry.boundDriver(d, options.ignoreVersion()).getSimpleName()
                        + " (" + d.type() + ") @ 0x" + Long.toHexString(d.physAddr()));
            }
        }
        lines.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        sb.append("Hierarchies: ").append(new TreeMap<>(metadata.hierarchyDict()).keySet()).append('\n');
        sb.append("Interrupts: ").append(new TreeMap<>(metadata.interruptPins()).keySet());
        return sb.toString();
    }

    /** One line, e.g. {@code Overlay[dsp_loopback, 7 IP, loaded]}: as many IP as {@link #ipDict()} has (the PS is one). */
    @Override
    public String toString() {
        int n = metadata.ipDict().size();
        String kind = getClass().getSimpleName().isEmpty() ? "Overlay" : getClass().getSimpleName();
        return kind + "[" + bitstream.name() + ", " + n + " IP, " + (isLoaded() ? "loaded" : "not loaded") + "]";
    }
}
