package io.jynq.device;

import io.jynq.metadata.ClockInfo;
import io.jynq.metadata.GpioEntry;
import io.jynq.metadata.Hierarchy;
import io.jynq.metadata.InterruptController;
import io.jynq.metadata.InterruptPin;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import java.util.Map;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A board backend: what the overlay object model needs from the programmable logic and the
 * memory beside it. Two implementations exist: {@code sim}, the simulated PL (the default), and
 * {@code embedded}, a Zynq or ZynqMP board running Linux. Drivers see only this interface, the
 * register traffic through {@link RegisterSpace} and the memory behind {@link DeviceMemory}, so
 * they cannot tell the simulator from the board.
 *
 * <p>Pick the backend with {@link #active()}. All methods are thread-safe. A device stays usable
 * until {@link #close()}; after that every call throws {@link IllegalStateException}.
 *
 * <p>Units: addresses and sizes in bytes, clocks in MHz, time as {@link Duration}.
 */
public interface Device extends AutoCloseable {

    /** The backend's name as {@code JYNQ_DEVICE} spells it: {@code "sim"} or {@code "embedded"}. */
    String name();

    /**
     * The PL state as every process on this board sees it now (read fresh on each call, since
     * another process may have downloaded a bitstream meanwhile).
     */
    PlState plState();

    /**
     * The PL state as this process's own download left it, known without asking the PL, for a
     * device whose register windows {@link RegisterSpace#refusesStaleDesign() refuse programs
     * written for a design the PL no longer holds}: the overlay layer then skips a
     * {@link #plState()} query before each register program (a round trip on a remote board).
     * Null (the default) when only {@link #plState()} can tell.
     */
    default PlState plStateAsDownloaded() {
        return null;
    }

    /**
     * Programs the PL with a bitstream and records the new PL state atomically for every process.
     * On the simulator this instantiates one model per IP of {@code metadata}; on a board it
     * converts {@code .bit} to {@code .bin} and hands it to FPGA Manager. On failure the PL
     * state is left as it was.
     *
     * @param bitstream a {@code .bit} or {@code .bin} file
     * @param metadata the overlay's parsed {@code .hwh}
     * @param partial {@code true} for a partial (DFX) bitstream
     * @throws DeviceException if the download fails; the message says which step and why
     * @throws java.io.UncheckedIOException if the bitstream cannot be read
     */
    void download(Path bitstream, OverlayMetadata metadata, boolean partial);

    /**
     * Runs IP {@code ipName} of the design just downloaded from its RTL, when this backend
     * simulates: an overlay package's {@code rtlCore} file asks for it on every download. A board
     * runs the IP in its bitstream, so the default does nothing and answers false.
     *
     * @param core the FuseSoC core of the RTL
     * @param libraryFolders more folders where the core's dependencies are found (the package)
     * @return whether the IP now runs from the RTL
     * @throws io.jynq.error.JynqException naming the core's or the HDL's file and line if it cannot be built
     */
    default boolean simulateRtl(String ipName, Path core, java.util.List<Path> libraryFolders) {
        return false;
    }

    /**
     * What this backend knows about why a wait on hardware may not end, for the timeout message
     * (e.g. {@code "; fir_0 AXI4-Stream slave in_stream (s_axis_tready) kept TREADY low for 64
     * cycles"}: an RTL model that stalled); empty when it knows nothing, the default.
     */
    default String waitReport() {
        return "";
    }

    /**
     * Simulated time per clock of the IPs that count it, for {@code %device}, e.g.
     * {@code "fir_0 1,048,640 cycles = 10.486 ms at 100.0 MHz"}; empty where time is real (a board)
     * or nothing counts it, the default.
     */
    default String simulatedTime() {
        return "";
    }

    /**
     * Maps {@code byteLength} bytes of PL address space starting at {@code physicalAddress} for
     * register access (MMIO).
     *
     * @param physicalAddress the first byte, e.g. an IP's {@code phys_addr}
     * @param byteLength the window size in bytes, &gt; 0
     * @throws IllegalArgumentException if the range is empty, negative or overflows
     * @throws DeviceException if nothing is mapped there (no IP on the simulator; mmap failed on a board)
     */
    RegisterSpace map(long physicalAddress, long byteLength);

    /**
     * Allocates physically contiguous memory that PL masters (DMA, HLS IP) can reach.
     *
     * @param byteSize bytes, &gt; 0
     * @param alignment bytes, a power of two; at least 64 is always honoured
     * @param cacheable whether the CPU may cache it (then {@link DeviceMemory#flush} and
     *        {@link DeviceMemory#invalidate} matter on a board)
     * @throws IllegalArgumentException if {@code byteSize <= 0} or {@code alignment} is not a power of two
     * @throws OutOfDeviceMemoryException if no free block is large enough; the message names the largest free block
     */
    DeviceMemory allocate(long byteSize, long alignment, boolean cacheable);

    /** Bytes of contiguous memory in use and free, for {@code %device}. */
    MemoryStats memoryStats();

    /**
     * The PS interrupt line with this raw IRQ number (as in {@code interrupt_controllers} and
     * {@code interrupt_pins}: Zynq 61-68 and 84-91, ZynqMP 121-128 and 136-143).
     *
     * @throws DeviceException if the line is not wired in the loaded design
     */
    IrqLine irq(int rawIrq);

    /**
     * The frequency of PL clock {@code index} (fclk0..fclk3) in MHz.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not 0..3
     */
    double fclkMhz(int index);

    /**
     * Sets PL clock {@code index} as close to {@code mhz} as two 6-bit divisors of its source PLL
     * allow (PYNQ's {@code Clocks.fclk<i>_mhz = mhz}): the divisors {@link ClockDivisors#choose}
     * picks, written with {@link #setFclkDivisors}. More than 1% off is set anyway, with a warning,
     * as PYNQ does. The one way every backend sets a clock by frequency.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not 0..3
     * @throws IllegalArgumentException if {@code mhz} is not positive, or above the source PLL
     */
    default void setFclkMhz(int index, double mhz) {
        java.util.Objects.checkIndex(index, 4);
        int[] d = ClockDivisors.choose(fclkSourceMhz(index), mhz);
        setFclkDivisors(index, d[0], d[1]);
    }

    /**
     * Sets PL clock {@code index} to its source PLL / ({@code divisor0} × {@code divisor1}) (PYNQ's
     * {@code Clocks.set_pl_clk(i, div0, div1)}; Zynq SLCR FPGAn_CLK_CTRL, ZynqMP CRL_APB PLn_REF_CTRL).
     *
     * @throws IndexOutOfBoundsException if {@code index} is not 0..3
     * @throws IllegalArgumentException if a divisor is not 1..63
     * @throws UnsupportedOperationException if this backend cannot set PL clocks
     */
    default void setFclkDivisors(int index, int divisor0, int divisor1) {
        throw new UnsupportedOperationException("the " + name() + " backend cannot set PL clocks");
    }

    /**
     * The frequency in MHz of the PLL that PL clock {@code index} divides (Zynq: IO PLL, 1000 MHz on
     * PYNQ boards; ZynqMP: IOPLL, 1499.985 MHz on the KV260), as PYNQ computes it.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not 0..3
     * @throws UnsupportedOperationException if this backend does not know its clocks
     */
    default double fclkSourceMhz(int index) {
        throw new UnsupportedOperationException("the " + name() + " backend does not know its PL clock sources");
    }

    /**
     * The CPU clock in MHz (PYNQ's {@code Clocks.cpu_mhz}): the ARM PLL / ARM_CLK_CTRL DIVISOR on
     * Zynq, the ACPU_CTRL source PLL / DIVISOR0 on ZynqMP, rounded to 6 decimals.
     *
     * @throws UnsupportedOperationException if this backend does not know it
     */
    default double cpuMhz() {
        throw new UnsupportedOperationException("the " + name() + " backend does not know its CPU clock");
    }

    /**
     * The design the PL holds (PYNQ's {@code Device.active_device} dictionaries): on a board the
     * {@code .hwh} beside the loaded bitstream, parsed once per content; on the simulator the design
     * it models. The partial designs the PL state records ({@link PlState#regions()}, written by
     * {@link #downloadPartial} in whichever process downloaded them) are merged into their regions,
     * as PYNQ's {@code update_partial_region} does; by default each from the {@code .hwh} beside
     * its partial bitstream.
     *
     * @throws DeviceException if nothing is downloaded, or a {@code .hwh} is gone
     * @throws io.jynq.metadata.MetadataException if a {@code .hwh} is malformed
     */
    default OverlayMetadata loadedMetadata() {
        PlState s = plState();
        if (!s.isProgrammed()) {
            throw new DeviceException("the PL of the " + name() + " backend is empty: no overlay has been downloaded");
        }
        return PartialDesigns.merge(hwhBeside(s.bitfileName()), s, r -> hwhBeside(r.bitfileName()));
    }

    /** The parsed {@code .hwh} beside a bitstream the PL holds. */
    private static OverlayMetadata hwhBeside(String bit) {
        int dot = bit.lastIndexOf('.');
        Path hwh = Path.of((dot > bit.lastIndexOf('/') ? bit.substring(0, dot) : bit) + ".hwh");
        if (!java.nio.file.Files.isRegularFile(hwh)) {
            throw new DeviceException("the PL holds " + bit + " but its metadata " + hwh + " is not there");
        }
        return io.jynq.metadata.MetadataCache.shared().get(hwh);
    }

    /**
     * Downloads the partial (DFX) bitstream {@code bitstream} into partial region {@code region}
     * of the loaded design (PYNQ's {@code pr_download}) and records it in the PL state for every
     * process, in the same atomic write ({@link PlState#withPartial}), so that every process's
     * {@link #loadedMetadata()} and dictionaries include its IP. By default a
     * {@link #download(Path, OverlayMetadata, boolean) partial download} that records no region.
     *
     * @param region the region's hierarchy path, e.g. {@code composable/pr_2}
     * @throws DeviceException if the download fails; the PL state is left as it was
     */
    default void downloadPartial(Path bitstream, OverlayMetadata partial, String region) {
        download(bitstream, partial, true);
    }

    /** The loaded bitstream's absolute path (PYNQ's {@code PL.bitfile_name}), "" when the PL is empty. */
    default String bitfileName() {
        return plState().bitfileName();
    }

    /** When the loaded bitstream was downloaded (PYNQ's {@code PL.timestamp}); the epoch when the PL is empty. */
    default java.time.Instant timestamp() {
        return plState().timestamp();
    }

    /** PYNQ's {@code ip_dict} of the loaded design; see {@link #loadedMetadata()} for the exceptions. */
    default Map<String, IpDescription> ipDict() {
        return loadedMetadata().ipDict();
    }

    /** PYNQ's {@code gpio_dict} of the loaded design. */
    default Map<String, GpioEntry> gpioDict() {
        return loadedMetadata().gpioDict();
    }

    /** PYNQ's {@code interrupt_pins} of the loaded design. */
    default Map<String, InterruptPin> interruptPins() {
        return loadedMetadata().interruptPins();
    }

    /** PYNQ's {@code interrupt_controllers} of the loaded design. */
    default Map<String, InterruptController> interruptControllers() {
        return loadedMetadata().interruptControllers();
    }

    /** PYNQ's {@code hierarchy_dict} of the loaded design. */
    default Map<String, Hierarchy> hierarchyDict() {
        return loadedMetadata().hierarchyDict();
    }

    /** PYNQ's {@code mem_dict} of the loaded design. */
    default Map<String, IpDescription> memDict() {
        return loadedMetadata().memDict();
    }

    /** PYNQ's {@code clock_dict} of the loaded design. */
    default Map<Integer, ClockInfo> clockDict() {
        return loadedMetadata().clockDict();
    }

    /**
     * The PS GPIO (EMIO) line {@code index}, as an output or an input (PYNQ's
     * {@code GPIO(GPIO.get_gpio_pin(index), "out"|"in")}); one holder per line at a time.
     *
     * @throws IndexOutOfBoundsException if {@code index} is outside the PS's EMIO pins
     * @throws DeviceException if the line is held already or the OS refuses it (the message says why)
     * @throws UnsupportedOperationException if this backend has no PS GPIO
     */
    default PsGpioLine psGpio(int index, boolean output) {
        throw new UnsupportedOperationException("the " + name() + " backend has no PS GPIO");
    }

    /**
     * Pulses the reset input of one IP of the loaded design (its {@code ap_rst_n} or
     * {@code s_axi_aresetn}): every register returns to its reset value and work in flight is
     * dropped, as after a download. The way out of an HLS core that never finishes (issue 14).
     * A board drives those inputs from the PL reset shared by the whole design, so the
     * {@code embedded} backend has no per-IP reset: download the overlay again there.
     *
     * @param ip an IP of the design the PL holds now
     * @throws DeviceException if the PL no longer holds that IP (another design was downloaded)
     * @throws UnsupportedOperationException if this backend cannot reset one IP
     */
    default void resetIp(IpDescription ip) {
        throw new UnsupportedOperationException("the " + name() + " backend cannot reset " + ip.name()
                + " alone (its reset comes from the PL reset of the whole design): download the overlay again");
    }

    /** Releases mappings and files; buffers allocated from this device become unusable. */
    @Override
    void close();

    /**
     * The backend of this process, created on first use: {@code JYNQ_DEVICE} (environment) or
     * the system property {@code jynq.device} names it ({@code sim} or {@code embedded}); else
     * {@code embedded} where {@code sys/class/fpga_manager/fpga0} exists under the board root
     * ({@code /} or {@code JYNQ_BOARD_ROOT}); else {@code sim}.
     *
     * @throws DeviceException if the named backend is unknown (the message lists the known ones)
     *         or cannot start here
     */
    static Device active() {
        return Devices.active();
    }
}
