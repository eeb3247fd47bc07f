package io.jynq.device.sim;

import io.jynq.device.Device;
import io.jynq.device.sim.model.IpModel;
import io.jynq.device.sim.model.IpModelFactory;

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
     * @throws IllegalStateException if the active backend is not {@code sim}
     */
    public static SimDevice device() {
        Device d = Device.active();
        if (!(d instanceof SimDevice)) {
            throw new IllegalStateException("the active device is '" + d.name()
                    + "', not the simulated board; set JYNQ_DEVICE=sim to simulate");
        }
        return (SimDevice) d;
    }

    /** {@code device().model(ipName, type)}: the model of an IP of the loaded design. */
    public static <T extends IpModel> T model(String ipName, Class<T> type) {
        return device().model(ipName, type);
    }
}
