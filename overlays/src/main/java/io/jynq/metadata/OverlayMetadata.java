package io.jynq.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Everything a {@code .hwh} tells about an overlay, immutable: PYNQ's dictionaries as typed
 * maps, plus every module, net, bus connection and interrupt hop for the simulator.
 *
 * <p>Produced by {@link HwhParser}; all maps keep file order and are unmodifiable.
 * <pre>{@code
 * OverlayMetadata md = HwhParser.parse(Path.of("base.hwh"));
 * IpDescription dma = md.ip("video/axi_vdma");
 * long base = dma.physAddr();                               // bytes
 * md.streamConnections().forEach(System.out::println);      // who feeds whom
 * }</pre>
 *
 * @param source the file name as given, for messages
 * @param systemInfo the device, part, board and PS family ({@code SYSTEMINFO})
 * @param partial true when the file has no PS of its architecture (a DFX partial design);
 *     ip_dict then comes from every MEMRANGE, keyed by master interface (PYNQ's rule)
 * @param processingSystem the PS fullpath, e.g. {@code ps7_0}, or null when partial
 * @param ipDict PYNQ's {@code ip_dict}: addressable IP by name, including the PS entry and the
 *     MEMORY ranges (as PYNQ's legacy parser does)
 * @param gpioDict PYNQ's {@code gpio_dict}, by xlslice fullpath
 * @param interruptControllers PYNQ's {@code interrupt_controllers}, by fullpath
 * @param interruptPins PYNQ's {@code interrupt_pins}, by pin fullpath
 * @param hierarchyDict PYNQ's {@code hierarchy_dict}, by hierarchy fullpath (nested ones too)
 * @param memDict PYNQ's {@code mem_dict}: the MEMORY ranges of ipDict (and DFX containers' ranges)
 * @param clockDict PYNQ's {@code clock_dict}, keys 0..3 (empty when partial)
 * @param modules every MODULE by {@code INSTANCE} name, in file order
 * @param nets every net by {@code SIGNAME}
 * @param busConnections master/slave pairs sharing a BUSNAME, in file order
 * @param interruptConnections every hop over nets that carry an interrupt
 */
public record OverlayMetadata(String source, SystemInfo systemInfo, boolean partial, String processingSystem,
        Map<String, IpDescription> ipDict, Map<String, GpioEntry> gpioDict,
        Map<String, InterruptController> interruptControllers, Map<String, InterruptPin> interruptPins,
        Map<String, Hierarchy> hierarchyDict, Map<String, IpDescription> memDict,
        Map<Integer, ClockInfo> clockDict, Map<String, ModuleDescription> modules, Map<String, Net> nets,
        List<BusConnection> busConnections, List<InterruptConnection> interruptConnections) {

    public OverlayMetadata {
        ipDict = IpDescription.copy(ipDict);
        gpioDict = IpDescription.copy(gpioDict);
        interruptControllers = IpDescription.copy(interruptControllers);
        interruptPins = IpDescription.copy(interruptPins);
        hierarchyDict = IpDescription.copy(hierarchyDict);
        memDict = IpDescription.copy(memDict);
        clockDict = IpDescription.copy(clockDict);
        modules = IpDescription.copy(modules);
        nets = IpDescription.copy(nets);
        busConnections = List.copyOf(busConnections);
        interruptConnections = List.copyOf(interruptConnections);
    }

    /** The PS family, from the file's own {@code SYSTEMINFO ARCH}; null if neither Zynq nor ZynqMP. */
    public Arch arch() {
        return systemInfo.arch();
    }

    /**
     * The ip_dict entry of that name (e.g. {@code "btns_gpio"}, {@code "video/axi_vdma"}).
     *
     * @throws NoSuchElementException listing the names that exist, if there is none
     */
    public IpDescription ip(String name) {
        IpDescription ip = ipDict.get(name);
        if (ip == null) {
            throw new NoSuchElementException("no IP \"" + name + "\" in " + source + "; IPs: "
                    + new ArrayList<>(new TreeMap<>(ipDict).keySet()));
        }
        return ip;
    }

    /**
     * The module of that INSTANCE name or fullpath (e.g. {@code "video_axi_vdma"} or
     * {@code "video/axi_vdma"}).
     *
     * @throws NoSuchElementException listing the fullpaths that exist, if there is none
     */
    public ModuleDescription module(String instanceOrFullpath) {
        ModuleDescription m = modules.get(instanceOrFullpath);
        if (m != null) {
            return m;
        }
        for (ModuleDescription c : modules.values()) {
            if (c.fullpath().equals(instanceOrFullpath)) {
                return c;
            }
        }
        List<String> names = new ArrayList<>();
        modules.values().forEach(c -> names.add(c.fullpath()));
        Collections.sort(names);
        throw new NoSuchElementException("no module \"" + instanceOrFullpath + "\" in " + source
                + "; modules: " + names);
    }

    /** The AXI4-Stream subset of {@link #busConnections()}. */
    public List<BusConnection> streamConnections() {
        List<BusConnection> out = new ArrayList<>();
        for (BusConnection c : busConnections) {
            if (c.isStream()) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * PYNQ's dictionaries as JSON, exactly the shapes and key names of PYNQ's legacy
     * {@code hwh_parser} ({@code ip_dict}, {@code gpio_dict}, {@code interrupt_controllers},
     * {@code interrupt_pins}, {@code hierarchy_dict}, {@code mem_dict}, {@code clock_dict} with
     * keys "0".."3", {@code partial}), keys sorted and sets as sorted lists.
     */
    public String toPynqJson() {
        return PynqJson.render(this);
    }

    @Override
    public String toString() {
        return "OverlayMetadata[" + source + ", " + systemInfo.archName() + " " + systemInfo.part() + ", "
                + ipDict.size() + " IP, " + modules.size() + " modules" + (partial ? ", partial" : "") + "]";
    }
}
