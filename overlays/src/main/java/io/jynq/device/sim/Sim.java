package io.jynq.device.sim;

import io.jynq.device.Device;
import io.jynq.device.sim.model.IpModel;
import io.jynq.device.sim.model.IpModelFactory;
import io.jynq.device.sim.rtl.RtlModel;
import java.nio.file.Path;
import java.util.Map;

/**
 * The simulated board from a notebook: teach it the behaviour of your own IP, and reach a model
 * to drive what the outside world would (a switch, a sensor).
 * <pre>{@code
 * Sim.register("user.org:hls:scale:1.0", ctx -> new ScaleModel(ctx));   // before downloading
 * Sim.model("axi_gpio_0", AxiGpioModel.class).setInput(2, 0b01);        // flip switch 0
 * }</pre>
 */
public final class Sim {
    private Sim() {}

    /**
     * Makes {@code factory} model every IP of this VLNV in later downloads (and in later attaches
     * to a board another process programmed), in this JVM. A registration replaces an earlier one
     * for the same VLNV, and beats ServiceLoader and built-in models.
     *
     * @param vlnv {@code vendor:library:name:version}, e.g. {@code user.org:hls:scale:1.0}
     * @throws IllegalArgumentException if {@code vlnv} is not a VLNV
     */
    public static void register(String vlnv, IpModelFactory factory) {
        java.util.Objects.requireNonNull(factory, "factory");
        ModelRegistry.register(vlnv, factory);
    }

    /** Forgets a run-time registration; returns whether there was one. */
    public static boolean unregister(String vlnv) {
        return ModelRegistry.unregister(vlnv);
    }

    /**
     * The active device as a simulated board.
     *
     * @throws IllegalStateException if the active backend is not {@code sim}; for a simulated board
     *     on the network ({@code remote}) the message says that only {@link #model} and {@link #run}
     *     reach it (RTL co-simulation builds the core's files where the simulator runs)
     */
    public static SimDevice device() {
        Device d = Device.active();
        if (d instanceof SimControls && !(d instanceof SimDevice)) {
            throw new IllegalStateException("the active device is '" + d.name() + "', a simulated board on the network:"
                    + " Sim.model and Sim.run reach it, but Sim.rtl, Sim.trace and Sim.device need the simulated board"
                    + " in this process (JYNQ_DEVICE=sim), where Verilator builds the core's files");
        }
        if (!(d instanceof SimDevice)) {
            throw new IllegalStateException("the active device is '" + d.name()
                    + "', not the simulated board; set JYNQ_DEVICE=sim to simulate");
        }
        return (SimDevice) d;
    }

    /**
     * Makes IP {@code ipName} of the loaded design run from its RTL from now on, built by Verilator
     * from the core's {@code sim} target (or {@code default} when it has no {@code sim}). Handles
     * obtained before (a driver's or a cell's {@code Mmio}) reach the RTL too. Interfaces the RTL
     * lacks stay as modelled before. The first build takes seconds; an unchanged core loads from
     * the cache in well under a second.
     * <pre>{@code
     * Sim.rtl("fir_0", Path.of("scaler.core"));                        // stream-only: registers stay FirModel's
     * Sim.rtl("add_0", Path.of("adder.core"), Map.of("LATENCY", 8));   // a toplevel parameter
     * }</pre>
     *
     * @param core a FuseSoC CAPI2 {@code .core} file; its {@code depend}s are found beside it and in {@code JYNQ_CORES_PATH}
     * @return the IP's new model
     * @throws java.util.NoSuchElementException listing the IPs if the design has no such IP
     * @throws io.jynq.capi.CapiException at the core's file and line (missing target, dependency, VHDL)
     * @throws io.jynq.ffi.rtl.RtlBuildException at the HDL file and line when Verilator refuses the
     *     sources, or with the {@code apt-get} line when Verilator is missing
     */
    public static RtlModel rtl(String ipName, Path core) {
        return rtl(ipName, core, "sim", Map.of(), Map.of());
    }

    /** {@link #rtl(String, Path)} with toplevel parameter overrides, e.g. {@code Map.of("GAIN", 5)}. */
    public static RtlModel rtl(String ipName, Path core, Map<String, ?> parameters) {
        return rtl(ipName, core, "sim", parameters, Map.of());
    }

    /** {@link #rtl(String, Path)} for another target of the core. */
    public static RtlModel rtl(String ipName, Path core, String target) {
        return rtl(ipName, core, target, Map.of(), Map.of());
    }

    /** {@link #rtl(String, Path)} for another target, with parameter overrides. */
    public static RtlModel rtl(String ipName, Path core, String target, Map<String, ?> parameters) {
        return rtl(ipName, core, target, parameters, Map.of());
    }

    /**
     * {@link #rtl(String, Path)} with an explicit port map for ports no convention finds: role to
     * HDL port, e.g. {@code Map.of("CLK", "sys_clk", "SI_TDATA", "din")} (roles: {@code CLK},
     * {@code RST}, {@code IRQ}, {@code L_AWADDR}..{@code L_RREADY}, {@code SI_}/{@code SO_} +
     * {@code TDATA TVALID TREADY TLAST TKEEP}).
     */
    public static RtlModel rtl(String ipName, Path core, String target, Map<String, ?> parameters,
            Map<String, String> portMap) {
        return device().rtl(ipName, core, target, parameters, portMap);
    }

    /**
     * Writes a VCD waveform of every signal of IP {@code ipName}'s RTL to {@code file} from now on
     * (time in picoseconds of the IP's clock); {@code null} stops and closes it.
     *
     * @throws IllegalArgumentException if the IP is not bound to RTL
     */
    public static void trace(String ipName, Path file) {
        device().trace(ipName, file);
    }

    /**
     * Lets {@code cycles} cycles of simulated time pass for every clocked model of the design
     * (RTL models and any model that counts time).
     *
     * @throws IllegalArgumentException if {@code cycles < 0}
     */
    public static void run(long cycles) {
        controls().run(cycles);
    }

    /**
     * The model of an IP of the loaded design: {@code device().model(ipName, type)} on the
     * simulated board in this process; on a remote simulated board ({@code JYNQ_DEVICE=remote:...}
     * against {@code ./jynq board serve --device sim}) a stand-in whose public methods run on the
     * board's model.
     *
     * @throws IllegalStateException if the active device is no simulated board, local or remote
     */
    public static <T extends IpModel> T model(String ipName, Class<T> type) {
        return controls().model(ipName, type);
    }

    private static SimControls controls() {
        Device d = Device.active();
        if (!(d instanceof SimControls c)) {
            throw new IllegalStateException("the active device is '" + d.name()
                    + "', not the simulated board; set JYNQ_DEVICE=sim to simulate");
        }
        return c;
    }
}
