package io.jynq.facade;

import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the Java source of a typed facade for an overlay: a public class with a
 * {@code public final} field per IP (typed by {@link DriverTypes}) and per hierarchy (typed by a
 * static nested class with its own fields), built from an {@link IpLookup}.
 *
 * <pre>{@code
 * String src = new FacadeGenerator(types).generate(metadata, "DspLoopback", "io.jynq.overlay.Overlay");
 * // public class DspLoopback implements io.jynq.facade.OverlayFacade {
 * //     public final io.jynq.overlay.Overlay overlay;
 * //     public final io.jynq.drivers.dma.AxiDma axi_dma_0;  ...
 * //     public DspLoopback(io.jynq.overlay.Overlay overlay, io.jynq.facade.IpLookup ips) { ... }
 * }</pre>
 *
 * Names: an IP {@code video/hdmi_in/color_convert} inside hierarchies {@code video} and
 * {@code video/hdmi_in} becomes {@code ol.video.hdmi_in.color_convert}; names are sanitised as
 * {@link JavaNames#field} says. The processing system's entry is left out (it has no registers).
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

    private final DriverTypes types;

    /** @param types the driver class of each IP */
    public FacadeGenerator(DriverTypes types) {
        this.types = Objects.requireNonNull(types, "types");
    }

    /**
     * The facade's source.
     *
     * @param md the overlay's metadata
     * @param className the simple name of the class, a Java identifier, e.g. {@code DspLoopback}
     * @param overlayType fully qualified type of the {@code overlay} field and constructor argument
     * @throws IllegalArgumentException if {@code className} is not a Java identifier
     */
    public String generate(OverlayMetadata md, String className, String overlayType) {
        JavaNames.requireIdentifier(className, "facade class name");
        FacadeNode root = tree(md, className);
        return new FacadeWriter(md, overlayType, List.of()).write(root);
    }

    /**
     * The facade's source, with methods forwarding to the overlay: every public instance method
     * {@code overlayType} declares (e.g. {@code ol.ip("axi_dma_0", AxiDma.class)},
     * {@code ol.ipDict()}, {@code ol.isLoaded()}), so the facade can be used wherever code expects
     * the overlay's own calls.
     *
     * @throws IllegalArgumentException if {@code className} is not a Java identifier
     */
    public String generate(OverlayMetadata md, String className, Class<?> overlayType) {
        JavaNames.requireIdentifier(className, "facade class name");
        FacadeNode root = tree(md, className);
        return new FacadeWriter(md, overlayType.getCanonicalName(), DelegateWriter.methods(overlayType)).write(root);
    }

    /** The class name {@link #generate} uses by default for an overlay name, e.g. {@code DspLoopback}. */
    public static String defaultClassName(String overlayName) {
        return JavaNames.type(overlayName) + "Overlay";
    }

    private FacadeNode tree(OverlayMetadata md, String className) {
        Set<String> classNames = new HashSet<>(Set.of(className));
        FacadeNode root = new FacadeNode("", className, RESERVED);
        Map<String, FacadeNode> nodes = new LinkedHashMap<>();
        nodes.put("", root);
        List<String> hierarchies = new ArrayList<>(md.hierarchyDict().keySet());
        hierarchies.sort((a, b) -> Integer.compare(depth(a), depth(b)));
        for (String h : hierarchies) {
            String parent = enclosing(h, nodes);
            String nested = uniqueClass(JavaNames.type(h.replace('/', '_')), classNames);
            FacadeNode node = new FacadeNode(h, nested, RESERVED);
            nodes.put(h, node);
            nodes.get(parent).addHierarchy(relative(parent, h), node);
        }
        for (IpDescription ip : md.ipDict().values()) {
            if (ip.processingSystem()) {
                continue;
            }
            String parent = enclosing(ip.name(), nodes);
            nodes.get(parent).addIp(relative(parent, ip.name()), types.driverClassName(ip), ip);
        }
        return root;
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
