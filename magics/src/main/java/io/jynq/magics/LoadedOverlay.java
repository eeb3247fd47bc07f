package io.jynq.magics;

import io.jynq.metadata.IpDescription;
import io.jynq.overlay.Overlay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The overlay the last {@code %overlay load} loaded in this JVM: {@code %ip} and
 * {@code %registers} look IP names up in it.
 */
public final class LoadedOverlay {
    private static volatile Overlay current;

    private LoadedOverlay() {
    }

    /** Remembers {@code ol} as the current overlay. */
    public static void set(Overlay ol) {
        current = ol;
    }

    /** The current overlay, or null if none was loaded. */
    public static Overlay get() {
        return current;
    }

    /**
     * The current overlay.
     *
     * @throws MagicUsageException saying how to load one, if none was
     */
    static Overlay require(String magic) {
        Overlay ol = current;
        if (ol == null) {
            throw new MagicUsageException(magic + " needs a loaded overlay: run %overlay load dsp_loopback first"
                    + " (%overlays lists them)");
        }
        return ol;
    }

    /**
     * The one IP a magic such as {@code %ip NAME} names in {@code positional}.
     *
     * @throws MagicUsageException if there is not exactly one name (the message shows the usage
     *         with a real IP of this overlay), or no IP has it
     */
    static IpDescription oneIp(Overlay ol, List<String> positional, String magic, String usage) {
        if (positional.size() != 1) {
            String example = ol.ipDict().values().stream().filter(d -> !d.processingSystem())
                    .map(IpDescription::name).findFirst().orElse("NAME");
            throw new MagicUsageException(magic + " needs one IP name: " + usage + ", e.g. " + magic + " " + example);
        }
        return ip(ol, positional.get(0), usage);
    }

    /**
     * The ip_dict entry for a name as typed: {@code axi_dma_0}, {@code video/hdmi_in/color_convert}
     * or the facade's {@code video.hdmi_in.color_convert}.
     *
     * @throws MagicUsageException listing the closest names if there is none
     */
    static IpDescription ip(Overlay ol, String typed, String usage) {
        Map<String, IpDescription> dict = ol.ipDict();
        IpDescription d = dict.get(typed);
        if (d == null) {
            d = dict.get(typed.replace('.', '/'));
        }
        if (d == null || d.processingSystem()) {
            throw new MagicUsageException("no IP \"" + typed + "\" in " + ol.name() + "; try " + usage.replace("NAME", "")
                    + "with one of " + names(dict, typed));
        }
        return d;
    }

    /** Addressable IP names, those containing the typed text's last word first, at most 8. */
    private static String names(Map<String, IpDescription> dict, String typed) {
        String word = typed.substring(typed.lastIndexOf('/') + 1).toLowerCase();
        List<String> close = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (IpDescription d : dict.values()) {
            if (!d.processingSystem()) {
                (d.name().toLowerCase().contains(word) ? close : other).add(d.name());
            }
        }
        close.addAll(other);
        return String.join(", ", close.subList(0, Math.min(8, close.size()))) + (close.size() > 8 ? ", ..." : "");
    }
}
