package io.jynq.facade;

import io.jynq.d2l.DeviceDescription;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the Java source of a typed facade for an overlay: a public class with a
 * {@code public final} field per IP (typed by {@link DriverTypes}) and per hierarchy (typed by a
 * static nested class with its own fields), built from an {@link IpLookup}.
 *
 * <pre>{@code
 * String src = new FacadeGenerator(types).generate(metadata, "DspLoopback", Overlay.class);
 * // public class DspLoopback implements io.jynq.facade.OverlayFacade {
 * //     public final io.jynq.overlay.Overlay overlay;
 * //     public final io.jynq.drivers.dma.AxiDma axi_dma_0;  ...
 * //     public DspLoopback(io.jynq.overlay.Overlay overlay, io.jynq.facade.IpLookup ips) { ... }
 * }</pre>
 *
 * Names: an IP {@code video/hdmi_in/color_convert} inside hierarchies {@code video} and
 * {@code video/hdmi_in} becomes {@code ol.video.hdmi_in.color_convert}; names are sanitised as
 * {@link JavaNames#field} says. The processing system's entry is left out (it has no registers).
 *
 * <p>Devices: given the device descriptions of the overlay's package ({@code .d2l.yaml}), the
 * facade also gets, per device, a nested interface with one typed method per operation (see
 * {@link OperationMethods} for names, types and overloads) and a root field of that type named
 * after the device in lower case ({@code DSP_LOOPBACK} → {@code ol.dsp_loopback}, {@code _2}
 * appended if an IP or hierarchy has the name). The constructor then takes a third argument, a
 * {@link DeviceLookup} that makes each field's object:
 * <pre>{@code
 * //     public final DspLoopback dsp_loopback;
 * //     public DspLoopbackOverlay(io.jynq.overlay.Overlay overlay, io.jynq.facade.IpLookup ips,
 * //             io.jynq.facade.DeviceLookup devices) { ... }
 * //     public interface DspLoopback { int add(int a, int b); long checksum(io.jynq.buffer.ContiguousBuffer data); ... }
 * }</pre>
 * Without devices the source is exactly what it was before devices existed.
 * The source has no package and only fully qualified references, so it compiles as a JShell
 * snippet as well as with {@code javax.tools}.
 */
public final class FacadeGenerator {
    /**
     * Names a field may not take: the facade's own members, and the first segments of the
     * packages its source names (a field {@code io} would obscure the package {@code io} in
     * {@code io.jynq.overlay.DefaultIp}, JLS 6.4.2).
     */
    private static final Set<String> RESERVED = Set.of("overlay", "toString", "hashCode", "equals", "getClass",
            "io", "java", "javax", "com", "org");
    /** Simple names the facade's source uses unqualified, which a nested type must not shadow. */
    private static final Set<String> RESERVED_TYPES = Set.of("String", "Object", "Override");

    private final DriverTypes types;

    /** @param types the driver class of each IP */
    public FacadeGenerator(DriverTypes types) {
        this.types = Objects.requireNonNull(types, "types");
    }

    /**
     * The facade's source over an overlay type named only by text, without delegate methods:
     * tests compile facades against stub overlay types with it (the kernel uses the
     * {@code Class} overloads).
     *
     * @param md the overlay's metadata
     * @param className the simple name of the class, a Java identifier, e.g. {@code DspLoopback}
     * @param overlayType fully qualified type of the {@code overlay} field and constructor argument
     * @throws IllegalArgumentException if {@code className} is not a Java identifier
     */
    String generate(OverlayMetadata md, String className, String overlayType) {
        return generate(md, className, overlayType, List.of());
    }

    /**
     * The facade's source with a typed member per device (see the class comment).
     *
     * @param devices the device descriptions of the overlay's package, in file order; empty for none
     * @throws IllegalArgumentException if {@code className} is not a Java identifier
     */
    String generate(OverlayMetadata md, String className, String overlayType, List<DeviceDescription> devices) {
        JavaNames.requireIdentifier(className, "facade class name");
        FacadeNode root = tree(md, className, devices, Set.of());
        return new FacadeWriter(md, overlayType, List.of(), Map.of()).write(root);
    }

    /**
     * The facade's source, with methods forwarding to the overlay: every public instance method
     * {@code overlayType} and its superclasses declare (for an overlay subclass, also its fields,
     * copied when the facade is built, and for a class a cell declared its package-access members) (e.g. {@code ol.ip("axi_dma_0", AxiDma.class)},
     * {@code ol.ipDict()}, {@code ol.isLoaded()}), so the facade can be used wherever code expects
     * the overlay's own calls.
     *
     * @throws IllegalArgumentException if {@code className} is not a Java identifier
     */
    public String generate(OverlayMetadata md, String className, Class<?> overlayType) {
        return generate(md, className, overlayType, List.of());
    }

    /**
     * The facade's source with methods forwarding to the overlay and a typed member per device
     * (see the class comment).
     *
     * @param devices the device descriptions of the overlay's package, in file order; empty for none
     * @throws IllegalArgumentException if {@code className} is not a Java identifier
     */
    public String generate(OverlayMetadata md, String className, Class<?> overlayType, List<DeviceDescription> devices) {
        return facade(md, className, overlayType, devices).source();
    }

    /** A generated facade: its source and the field of each device (device name → field, in device order). */
    public record Facade(String source, Map<String, String> deviceFields) {
    }

    /**
     * As {@link #generate(OverlayMetadata, String, Class, List)}, with the field each device got
     * ({@code DSP_LOOPBACK} → {@code dsp_loopback}), from the same pass: building the tree asks
     * {@link DriverTypes} for every IP's driver, which a caller may not want done twice.
     *
     * @throws IllegalArgumentException if {@code className} is not a Java identifier
     */
    public Facade facade(OverlayMetadata md, String className, Class<?> overlayType, List<DeviceDescription> devices) {
        JavaNames.requireIdentifier(className, "facade class name");
        Map<String, String> members = DelegateWriter.fields(overlayType);
        FacadeNode root = tree(md, className, devices, members.keySet());
        Map<String, String> fields = new LinkedHashMap<>();
        for (FacadeNode.Field f : root.fields()) {
            if (f.device() != null) {
                fields.put(f.device().name(), f.name());
            }
        }
        String source = new FacadeWriter(md, JavaNames.typeName(overlayType), DelegateWriter.methods(overlayType), members)
                .write(root);
        return new Facade(source, fields);
    }

    /** The class name {@link #generate} uses by default for an overlay name, e.g. {@code DspLoopback}. */
    public static String defaultClassName(String overlayName) {
        return JavaNames.type(overlayName) + "Overlay";
    }

    private FacadeNode tree(OverlayMetadata md, String className, List<DeviceDescription> devices, Set<String> members) {
        Set<String> classNames = new HashSet<>(RESERVED_TYPES);
        classNames.add(className);
        Set<String> rootReserved = new HashSet<>(RESERVED);
        rootReserved.addAll(members); // an overlay subclass's own field wins over an IP of that name
        FacadeNode root = new FacadeNode("", className, rootReserved);
        Map<String, FacadeNode> nodes = new LinkedHashMap<>();
        nodes.put("", root);
        List<String> hierarchies = new ArrayList<>(md.hierarchyDict().keySet());
        hierarchies.sort((a, b) -> Integer.compare(depth(a), depth(b)));
        List<String> driven = new ArrayList<>();
        for (String h : hierarchies) {
            if (inside(h, driven)) {
                continue; // reached through its hierarchy driver's own members
            }
            String parent = enclosing(h, nodes);
            String driver = types.hierarchyClassName(h);
            if (driver != null) {
                driven.add(h);
                nodes.get(parent).addHierarchyDriver(relative(parent, h), driver, h);
                continue;
            }
            String nested = uniqueClass(JavaNames.type(h.replace('/', '_')), classNames);
            FacadeNode node = new FacadeNode(h, nested, RESERVED);
            nodes.put(h, node);
            nodes.get(parent).addHierarchy(relative(parent, h), node);
        }
        for (IpDescription ip : md.ipDict().values()) {
            if (ip.processingSystem() || inside(ip.name(), driven)) {
                continue;
            }
            String parent = enclosing(ip.name(), nodes);
            nodes.get(parent).addIp(relative(parent, ip.name()), types.driverClassName(ip), ip);
        }
        for (DeviceDescription d : devices) {
            root.addDevice(d, uniqueClass(JavaNames.type(d.name().toLowerCase(Locale.ROOT)), classNames));
        }
        return root;
    }

    /** Whether {@code path} lies inside one of the hierarchies {@code roots}. */
    private static boolean inside(String path, List<String> roots) {
        for (String r : roots) {
            if (path.startsWith(r + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The longest proper prefix of {@code path} (at a '/') that is a hierarchy, "" if none. */
    private static String enclosing(String path, Map<String, FacadeNode> nodes) {
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            String prefix = path.substring(0, slash);
            if (nodes.containsKey(prefix)) {
                return prefix;
            }
        }
        return "";
    }

    private static String relative(String parent, String path) {
        return parent.isEmpty() ? path : path.substring(parent.length() + 1);
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    private static String uniqueClass(String base, Set<String> taken) {
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + i;
        }
        return name;
    }
}
