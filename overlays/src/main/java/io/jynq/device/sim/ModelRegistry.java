package io.jynq.device.sim;

import io.jynq.device.sim.model.AxiDmaModel;
import io.jynq.device.sim.model.AxiGpioModel;
import io.jynq.device.sim.model.AxiIntcModel;
import io.jynq.device.sim.model.IpModelFactory;
import io.jynq.device.sim.model.TraceCntrlModel;
import io.jynq.ip.AxiDmaLayout;
import io.jynq.ip.AxiGpioLayout;
import io.jynq.ip.AxiIntcLayout;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.Vlnv;
import io.jynq.metadata.VlnvBinding;
import java.util.List;
import java.util.function.Consumer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which model factory serves which VLNV: run-time registrations ({@link Sim#register}) first,
 * then factories found by {@link ServiceLoader}, then the built-in Xilinx models, bound by the
 * same rule as drivers ({@link VlnvBinding}).
 */
final class ModelRegistry {
    private static final Map<String, IpModelFactory> RUNTIME = new ConcurrentHashMap<>();
    private static volatile Map<String, IpModelFactory> loaded;
    private static final Map<String, IpModelFactory> BUILTIN = new LinkedHashMap<>();

    static {
        BUILTIN.put(AxiDmaLayout.VLNV, AxiDmaModel::new);
        BUILTIN.put(AxiGpioLayout.VLNV, AxiGpioModel::new);
        BUILTIN.put(AxiIntcLayout.VLNV, AxiIntcModel::new);
        BUILTIN.put(TraceCntrlModel.VLNV_64, TraceCntrlModel::new);
        BUILTIN.put(TraceCntrlModel.VLNV_32, TraceCntrlModel::new);
    }

    private ModelRegistry() {}

    static void register(String vlnv, IpModelFactory factory) {
        RUNTIME.put(Vlnv.parse(vlnv).toString(), factory);
    }

    static boolean unregister(String vlnv) {
        return RUNTIME.remove(Vlnv.parse(vlnv).toString()) != null;
    }

    /**
     * The factory for {@code ip}'s VLNV by {@link VlnvBinding}'s rule (exact version only: the
     * simulator has no ignore-version option), or null when the IP gets a plain register file;
     * {@code note} hears why when a model exists for another version.
     */
    static IpModelFactory find(IpDescription ip, Consumer<String> note) {
        return VlnvBinding.find(ip.vlnv(), List.of(RUNTIME, services(), BUILTIN), false, ip.name(), "simulation model",
                "a plain register file", note);
    }

    private static Map<String, IpModelFactory> services() {
        Map<String, IpModelFactory> m = loaded;
        if (m == null) {
            m = new LinkedHashMap<>();
            for (IpModelFactory f : ServiceLoader.load(IpModelFactory.class, ModelRegistry.class.getClassLoader())) {
                for (String v : f.vlnvs()) {
                    m.putIfAbsent(Vlnv.parse(v).toString(), f);
                }
            }
            loaded = m;
        }
        return m;
    }
}
