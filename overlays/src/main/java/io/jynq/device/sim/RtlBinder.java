package io.jynq.device.sim;

import io.jynq.device.DeviceException;
import io.jynq.device.sim.model.IpModel;
import io.jynq.device.sim.rtl.RtlCore;
import io.jynq.device.sim.rtl.RtlModel;
import io.jynq.device.sim.rtl.RtlPortMatcher;
import io.jynq.ffi.rtl.RtlBuildSpec;
import io.jynq.ffi.rtl.RtlLibrary;
import io.jynq.ffi.rtl.RtlModelHandle;
import io.jynq.ffi.rtl.RtlPort;
import io.jynq.ffi.rtl.VerilatorBuild;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Binds an IP instance of the loaded design to an RTL model ({@link Sim#rtl}): resolves the core,
 * builds or finds the Verilator library, matches the ports to the IP's interfaces and makes the
 * {@link RtlModel} the IP's model, for handles made before as well.
 */
final class RtlBinder {
    private RtlBinder() {}

    /**
     * @throws NoSuchElementException listing the IPs if the design has no IP {@code ipName}
     * @throws io.jynq.capi.CapiException at the core's file and line if the core cannot be resolved
     * @throws io.jynq.ffi.rtl.RtlBuildException at the HDL file and line if Verilator refuses it
     * @throws DeviceException if the RTL has none of the interfaces the simulator drives
     */
    static RtlModel bind(SimDevice device, String ipName, Path core, String target, Map<String, ?> parameters,
            Map<String, String> portMap, List<Path> libraryFolders) {
        SimPl pl = device.loaded("bind " + ipName + " to RTL");
        SimIp ip = pl.byName(ipName);
        if (ip == null || ip.isMemory()) {
            throw new NoSuchElementException("no IP \"" + ipName + "\" with registers in " + pl.metadata().source()
                    + " to bind RTL to; IPs: " + pl.ips().keySet());
        }
        RtlBuildSpec spec = RtlCore.resolve(core, target, parameters, libraryFolders);
        VerilatorBuild build = new VerilatorBuild();
        List<RtlPort> ports = build.ports(spec);
        RtlPortMatcher match = RtlPortMatcher.match(ports, ip.context().module(), portMap);
        RtlLibrary lib = build.build(spec, match.roles());
        RtlModelHandle handle = RtlModelHandle.open(lib);
        if (!handle.hasLite() && !handle.hasStreamIn() && !handle.hasStreamOut()) {
            handle.close();
            throw new DeviceException(spec.top() + " (" + core + ") has no AXI4-Lite slave or AXI4-Stream port the"
                    + " simulator recognises (ports: " + ports.stream().map(RtlPort::name).toList() + "); give a port map"
                    + " such as L_AWADDR=..., SI_TDATA=...");
        }
        RtlModel[] bound = new RtlModel[1];
        pl.step(() -> {
            IpModel previous = ip.model();
            if (previous instanceof RtlModel old) {
                previous = old.previous();
                old.handle().close();
            }
            bound[0] = new RtlModel(ip.context(), previous, handle, match);
            pl.replaceModel(ip, bound[0]);
        });
        return bound[0];
    }
}
