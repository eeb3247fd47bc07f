package io.jynq.device.sim;

import io.jynq.device.sim.model.AxiDmaModel;
import io.jynq.device.sim.model.AxiGpioModel;
import io.jynq.device.sim.model.AxiIntcModel;
import io.jynq.device.sim.model.IpModelFactory;
import io.jynq.device.sim.model.TraceCntrlModel;
import io.jynq.ip.AxiDmaLayout;
import io.jynq.ip.AxiGpioLayout;
import io.jynq.ip.AxiIntcLayout;
import io.jynq.metadata.Vlnv;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which model factory serves which VLNV: run-time registrations ({@link Sim#register}) first,
 * then factories found by {@link ServiceLoader}, then the built-in Xilinx models; an exact VLNV
 * beats one that differs only in version.
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

    /** The factory for {@code vlnv}, or null when the IP gets a plain register file. */
    static IpModelFactory find(Vlnv vlnv) {
        if (vlnv == null) {
            return null;
        }
        Map<String, IpModelFactory> services = services();
        String key = vlnv.toString();
        for (Map<String, IpModelFactory> m : java.util.List.of(RUNTIME, services, BUILTIN)) {
            IpModelFactory f = m.get(key);
            if (f != null) {
                return f;
            }
        }
        for (Map<String, IpModelFactory> m : java.util.List.of(RUNTIME, services, BUILTIN)) {
            for (Map.Entry<String, IpModelFactory> e : m.entrySet()) {
                if (vlnv.matchesIgnoringVersion(Vlnv.parse(e.getKey()))) {
                    return e.getValue();
                }
            }
        }
        return null;
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
