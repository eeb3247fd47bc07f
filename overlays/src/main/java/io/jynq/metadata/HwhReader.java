package io.jynq.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The single streaming pass over a {@code .hwh}: collects SYSTEMINFO, every MODULE (parameters,
 * registers with fields, ports, bus interfaces, memory map), the external ports and interfaces.
 * Element paths follow PYNQ's reading: a module's parameters are {@code ./PARAMETERS/*[@NAME][@VALUE]},
 * its registers {@code .//REGISTERS/*[@NAME]} with {@code ./PROPERTY} (first one of a name wins)
 * and {@code ./FIELDS/FIELD[@NAME]}, its ports every {@code PORT} inside it.
 */
final class HwhReader {
    private static final XmlName A_ADDRESSBLOCK = XmlName.of("ADDRESSBLOCK");
    private static final XmlName A_ARCH = XmlName.of("ARCH");
    private static final XmlName A_BASEVALUE = XmlName.of("BASEVALUE");
    private static final XmlName A_BOARD = XmlName.of("BOARD");
    private static final XmlName A_DEVICE = XmlName.of("DEVICE");
    private static final XmlName A_HIGHVALUE = XmlName.of("HIGHVALUE");
    private static final XmlName A_INSTANCE = XmlName.of("INSTANCE");
    private static final XmlName A_LOGICAL = XmlName.of("LOGICAL");
    private static final XmlName A_MASTERBUSINTERFACE = XmlName.of("MASTERBUSINTERFACE");
    private static final XmlName A_MEMTYPE = XmlName.of("MEMTYPE");
    /** Also read by {@link RegisterReader}. */
    static final XmlName A_NAME = XmlName.of("NAME");
    private static final XmlName A_PACKAGE = XmlName.of("PACKAGE");
    private static final XmlName A_PHYSICAL = XmlName.of("PHYSICAL");
    private static final XmlName A_PORT = XmlName.of("PORT");
    private static final XmlName A_SLAVEBUSINTERFACE = XmlName.of("SLAVEBUSINTERFACE");
    private static final XmlName A_SPEEDGRADE = XmlName.of("SPEEDGRADE");
    /** Also read by {@link RegisterReader}. */
    static final XmlName A_VALUE = XmlName.of("VALUE");
    private static final XmlName A_VIVADOVERSION = XmlName.of("VIVADOVERSION");
    private final XmlScanner x;
    private boolean rootChecked;
    // What stage 1 collects, handed over as an immutable ParsedHwh by read().
    private ParsedHwh.SystemInfoTag systemInfo;
    private String vivadoVersion;
    private int modulesOffset = -1;
    private boolean externalPortsSeen;
    private final List<ParsedHwh.Located> modules = new ArrayList<>();
    private final List<ParsedHwh.LocatedRange> ranges = new ArrayList<>();
    private final List<PortDescription> externalPorts = new ArrayList<>();
    private final List<BusInterfaceDescription> externalInterfaces = new ArrayList<>();

    // Open contexts, by the depth of their element (0 = not open).
    private int moduleDepth;
    private HwhTags.ModuleTag module;
    private String moduleFullpath;
    private LinkedHashMap<String, String> parameters;
    private LinkedHashMap<String, RegisterDescription> registers;
    private LinkedHashMap<String, PortDescription> ports;
    private LinkedHashMap<String, BusInterfaceDescription> busInterfaces;
    private List<MemRange> memoryMap;
    private int paramsDepth;
    private int registersDepth;
    private final RegisterReader register;
    private int portDepth;
    private HwhTags.PortTag port;
    private List<PortRef> connections;
    private int busDepth;
    private HwhTags.BusTag bus;
    private LinkedHashMap<String, String> busParams;
    private LinkedHashMap<String, String> portMaps;
    private int extPortsDepth;
    private int extIfDepth;

    private HwhReader(XmlScanner x) {
        this.x = x;
        this.register = new RegisterReader(x);
    }

    /**
     * Stage 1 of {@link HwhParser}: reads the file in one pass.
     *
     * @throws MetadataException at the line and column of the first problem
     */
    static ParsedHwh read(byte[] content, String file) {
        HwhReader r = new HwhReader(new XmlScanner(content, file));
        r.run();
        return new ParsedHwh(r.x, r.systemInfo, r.vivadoVersion, Collections.unmodifiableList(r.modules),
                Collections.unmodifiableList(r.ranges), Collections.unmodifiableList(r.externalPorts),
                Collections.unmodifiableList(r.externalInterfaces));
    }

    private void run() {
        while (step()) {
            // one event per call, see step()
        }
        if (modulesOffset < 0) {
            throw x.error(x.offset(), "no MODULES element; expected EDKSYSTEM/MODULES listing the design's cells");
        }
    }

    /**
     * Handles the next event; false at the end of the document. One event per call, not a loop
     * body of run(): the JIT compiles a method after a few hundred calls, but a loop in a method
     * called once only after 60,000 iterations (HotSpot's back-edge threshold), so run()'s loop
     * body stayed interpreted through most of a first parse (JFR: 5% of it).
     */
    private boolean step() {
        int ev = x.next();
        if (ev == XmlScanner.EOF) {
            return false;
        }
        if (ev == XmlScanner.START) {
            if (!rootChecked) {
                if (!"EDKSYSTEM".equals(x.name())) {
                    throw x.error(x.offset(), "root element <" + x.name() + ">; expected <EDKSYSTEM> of a .hwh file");
                }
                rootChecked = true;
            }
            start(x.name(), x.depth());
        } else {
            end(x.depth() + 1);
        }
        return true;
    }

    /**
     * A start tag. The innermost open context takes it: an open register (only inside a
     * module), else an open PORT (its CONNECTIONs) or BUSINTERFACE (its PARAMETERs and PORTMAPs),
     * inside a module or among the external ones alike, else the module, else the top level.
     */
    private void start(String n, int d) {
        if ("MEMRANGE".equals(n)) {
            // PYNQ iterates MEMRANGE elements wherever they are (partial designs keep theirs
            // under EXTERNALINTERFACES/BUSINTERFACE).
            memRange(moduleDepth != 0 ? modules.size() : -1);
        } else if (register.isOpen()) {
            register.start(n, d);
        } else if (portDepth != 0) {
            if ("CONNECTION".equals(n)) {
                connections.add(new PortRef(x.attr(A_INSTANCE), x.attr(A_PORT)));
            }
        } else if (busDepth != 0) {
            inBus(n);
        } else if (moduleDepth != 0) {
            inModule(n, d);
        } else {
            topLevel(n, d);
        }
    }

    private void topLevel(String n, int d) {
        switch (n) {
            case "EDKSYSTEM":
                if (d == 1) {
                    vivadoVersion = x.attr(A_VIVADOVERSION);
                }
                break;
            case "SYSTEMINFO":
                if (d == 2 && systemInfo == null) {
                    systemInfo = new ParsedHwh.SystemInfoTag(x.attr(A_ARCH), x.attr(A_DEVICE), x.attr(A_PACKAGE),
                            x.attr(A_SPEEDGRADE), x.attr(A_NAME), x.attr(A_BOARD));
                }
                break;
            case "MODULES":
                if (modulesOffset < 0) {
                    modulesOffset = x.offset();
                }
                break;
            case "MODULE":
                openModule(d);
                break;
            case "EXTERNALPORTS":
                // PYNQ reads the first EXTERNALPORTS child of the root.
                if (d == 2 && !externalPortsSeen) {
                    externalPortsSeen = true;
                    extPortsDepth = d;
                }
                break;
            case "EXTERNALINTERFACES":
                if (d == 2) {
                    extIfDepth = d;
                }
                break;
            case "PORT":
                if (extPortsDepth != 0) {
                    openPort(d);
                }
                break;
            case "BUSINTERFACE":
                if (extIfDepth != 0) {
                    openBus(d);
                }
                break;
            default:
                break;
        }
    }

    private void inModule(String n, int d) {
        if (paramsDepth != 0) {
            if (d == paramsDepth + 1) {
                String pn = x.attr(A_NAME);
                String pv = x.attr(A_VALUE);
                if (pn != null && pv != null) {
                    parameters.put(pn, pv);
                }
            }
            return;
        }
        if (registersDepth != 0 && d == registersDepth + 1) {
            String rn = x.attr(A_NAME);
            if (rn != null) {
                register.open(rn, d, moduleFullpath);
            }
            return;
        }
        switch (n) {
            case "PARAMETERS":
                if (d == moduleDepth + 1) {
                    paramsDepth = d;
                }
                break;
            case "REGISTERS":
                if (registersDepth == 0) {
                    registersDepth = d;
                }
                break;
            case "PORT":
                openPort(d);
                break;
            case "BUSINTERFACE":
                openBus(d);
                break;
            case "MODULE":
                throw x.error(x.offset(), "MODULE inside MODULE " + moduleFullpath + "; expected modules side by side under MODULES");
            default:
                break;
        }
    }

    private void inBus(String n) {
        if ("PARAMETER".equals(n)) {
            String pn = x.attr(A_NAME);
            String pv = x.attr(A_VALUE);
            if (pn != null && pv != null) {
                busParams.put(pn, pv);
            }
        } else if ("PORTMAP".equals(n)) {
            String l = x.attr(A_LOGICAL);
            String p = x.attr(A_PHYSICAL);
            if (l != null && p != null) {
                portMaps.put(l, p);
            }
        }
    }

    private void openModule(int d) {
        module = HwhTags.ModuleTag.read(x);
        moduleDepth = d;
        moduleFullpath = stripSlashes(module.fullname());
        // Sized for a typical IP (tens of parameters, a PS has hundreds): fewer rehashes.
        parameters = new LinkedHashMap<>(128);
        registers = new LinkedHashMap<>();
        ports = new LinkedHashMap<>();
        busInterfaces = new LinkedHashMap<>();
        memoryMap = new ArrayList<>();
    }

    private void openPort(int d) {
        port = HwhTags.PortTag.read(x);
        portDepth = d;
        connections = new ArrayList<>(2);
    }

    private void openBus(int d) {
        bus = HwhTags.BusTag.read(x);
        busDepth = d;
        busParams = new LinkedHashMap<>();
        portMaps = new LinkedHashMap<>();
    }

    private void memRange(int owner) {
        int at = x.offset();
        String instance = x.attr(A_INSTANCE);
        if (instance == null) {
            throw x.error(at, "MEMRANGE without INSTANCE; expected the INSTANCE name of the addressed module");
        }
        long base = Numbers.hex(x.attr(A_BASEVALUE), "BASEVALUE", x, at);
        long high = Numbers.hex(x.attr(A_HIGHVALUE), "HIGHVALUE", x, at);
        if (Long.compareUnsigned(high, base) < 0) {
            throw x.error(at, "MEMRANGE of " + instance + ": HIGHVALUE 0x" + Long.toHexString(high)
                    + " below BASEVALUE 0x" + Long.toHexString(base) + "; expected HIGHVALUE >= BASEVALUE");
        }
        String mt = x.attr(A_MEMTYPE);
        MemType memtype = null;
        if (mt != null) {
            if ("REGISTER".equals(mt)) {
                memtype = MemType.REGISTER;
            } else if ("MEMORY".equals(mt)) {
                memtype = MemType.MEMORY;
            } else {
                throw x.error(at, "MEMRANGE of " + instance + ": MEMTYPE \"" + mt + "\"; expected REGISTER or MEMORY");
            }
        }
        MemRange r = new MemRange(instance, base, high, memtype, x.attr(A_MASTERBUSINTERFACE),
                x.attr(A_SLAVEBUSINTERFACE), x.attr(A_ADDRESSBLOCK));
        ranges.add(new ParsedHwh.LocatedRange(r, at, owner));
        if (owner >= 0) {
            memoryMap.add(r);
        }
    }

    private void end(int d) {
        if (register.isOpen()) {
            RegisterDescription r = register.end(d);
            if (r != null) {
                registers.put(r.name(), r);
            }
        } else if (d == registersDepth) {
            registersDepth = 0;
        } else if (d == paramsDepth) {
            paramsDepth = 0;
        } else if (d == portDepth) {
            closePort();
        } else if (d == busDepth) {
            closeBus();
        } else if (d == moduleDepth) {
            closeModule();
        } else if (d == extPortsDepth) {
            extPortsDepth = 0;
        } else if (d == extIfDepth) {
            extIfDepth = 0;
        }
    }

    private void closePort() {
        portDepth = 0;
        PortDescription p = port.build(x, connections);
        if (moduleDepth != 0) {
            ports.put(p.name(), p);
            portsInOrder.add(p);
        } else {
            externalPorts.add(p);
        }
    }

    private void closeBus() {
        busDepth = 0;
        BusInterfaceDescription b = new BusInterfaceDescription(bus.name(), bus.type(), vlnv(bus.vlnv()),
                bus.busName(), FrozenMap.adopt(busParams), FrozenMap.adopt(portMaps));
        if (moduleDepth != 0) {
            busInterfaces.put(b.name(), b);
        } else {
            externalInterfaces.add(b);
        }
    }

    private final List<PortDescription> portsInOrder = new ArrayList<>();
    /** One Vlnv per distinct text: hundreds of bus interfaces name the same few interface types. */
    private final HashMap<String, Vlnv> vlnvs = new HashMap<>();

    private Vlnv vlnv(String text) {
        if (text == null) {
            return null;
        }
        Vlnv v = vlnvs.get(text);
        if (v == null && !vlnvs.containsKey(text)) {
            v = Vlnv.tryParse(text);
            vlnvs.put(text, v);
        }
        return v;
    }

    private void closeModule() {
        moduleDepth = 0;
        paramsDepth = 0;
        registersDepth = 0;
        ModuleDescription m = new ModuleDescription(module.instance(), moduleFullpath, vlnv(module.vlnv()),
                module.vlnv(), module.modType(), module.ipType(), module.modClass(), module.bdType(), false,
                FrozenMap.adopt(parameters), FrozenMap.adopt(registers), FrozenMap.adopt(ports),
                FrozenMap.adopt(busInterfaces), memoryMap);
        modules.add(new ParsedHwh.Located(m, module.offset(), List.copyOf(portsInOrder)));
        portsInOrder.clear();
    }

    static String stripSlashes(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '/') {
            i++;
        }
        return s.substring(i);
    }
}
