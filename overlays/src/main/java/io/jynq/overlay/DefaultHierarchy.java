package io.jynq.overlay;

import io.jynq.metadata.Hierarchy;
import java.util.ArrayList;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A block-design hierarchy of a loaded overlay (PYNQ's {@code DefaultHierarchy}): the IP and
 * sub-hierarchies inside it by relative name. A subclass claims hierarchies by declaring
 * {@code public static boolean checkHierarchy(Hierarchy h)} (e.g. "contains an IP called
 * {@code axi_dma}") and a public {@code (Overlay, Hierarchy)} constructor, and is registered
 * with {@link DriverRegistry#registerHierarchy} or a {@link DriverProvider}.
 */
public class DefaultHierarchy {
    private final Overlay overlay;
    private final Hierarchy description;

    public DefaultHierarchy(Overlay overlay, Hierarchy description) {
        this.overlay = Objects.requireNonNull(overlay, "overlay");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** This default claims every hierarchy; subclasses declare their own test. */
    public static boolean checkHierarchy(Hierarchy description) {
        return true;
    }

    /** The hierarchy's metadata. */
    public Hierarchy description() {
        return description;
    }

    /** The hierarchy's fullpath, e.g. {@code video/hdmi_in}. */
    public String path() {
        return description.fullpath();
    }

    /** The overlay this hierarchy belongs to. */
    public Overlay overlay() {
        return overlay;
    }

    /**
     * The IP {@code name} directly inside this hierarchy, bound as {@link Overlay#ip(String)} binds.
     *
     * @throws NoSuchElementException listing what exists, if there is none
     */
    public DefaultIp ip(String name) {
        if (!description.ip().containsKey(name)) {
            throw new NoSuchElementException("no IP \"" + name + "\" in hierarchy " + path() + "; IP: "
                    + new ArrayList<>(description.ip().keySet()) + ", hierarchies: "
                    + new ArrayList<>(description.hierarchies().keySet()));
        }
        return overlay.ip(path() + "/" + name);
    }

    /** The IP {@code name} in this hierarchy as driver type {@code type}; see {@link Overlay#ip(String, Class)}. */
    public <T extends DefaultIp> T ip(String name, Class<T> type) {
        ip(name);
        return overlay.ip(path() + "/" + name, type);
    }

    /**
     * The sub-hierarchy {@code name}.
     *
     * @throws NoSuchElementException listing what exists, if there is none
     */
    public DefaultHierarchy hierarchy(String name) {
        if (!description.hierarchies().containsKey(name)) {
            throw new NoSuchElementException("no hierarchy \"" + name + "\" in " + path() + "; hierarchies: "
                    + new ArrayList<>(description.hierarchies().keySet()));
        }
        return overlay.hierarchy(path() + "/" + name);
    }

    /**
     * Downloads a partial bitstream into this hierarchy, a partial region (PYNQ's
     * {@code DefaultHierarchy.download}); see {@link Overlay#prDownload}. This object keeps the
     * description it was made with: ask the overlay for the hierarchy again to see the new IP.
     *
     * @throws IllegalArgumentException if this hierarchy is not a partial region, or the bitstream is not found
     */
    public void download(String partialBit) {
        overlay.prDownload(path(), partialBit);
    }

    /** One line, e.g. {@code DefaultHierarchy[video/hdmi_in: 3 IP, 1 hierarchies]}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + path() + ": " + description.ip().size() + " IP, "
                + description.hierarchies().size() + " hierarchies]";
    }
}
