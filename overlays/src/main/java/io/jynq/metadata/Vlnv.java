package io.jynq.metadata;

import java.util.Objects;

/**
 * A Vivado IP identifier, {@code vendor:library:name:version}, e.g.
 * {@code xilinx.com:ip:axi_dma:7.1}. Drivers and simulator models bind to IP by VLNV, usually
 * ignoring the version ({@link #matchesIgnoringVersion(Vlnv)}).
 *
 * @param vendor e.g. {@code xilinx.com}
 * @param library e.g. {@code ip}, {@code hls}, {@code module_ref}
 * @param name e.g. {@code axi_dma}
 * @param version e.g. {@code 7.1}
 */
public record Vlnv(String vendor, String library, String name, String version) {

    /** @throws IllegalArgumentException if a part is null, empty or contains {@code ':'} */
    public Vlnv {
        check("vendor", vendor);
        check("library", library);
        check("name", name);
        check("version", version);
    }

    private static void check(String what, String part) {
        if (part == null || part.isEmpty() || part.indexOf(':') >= 0) {
            throw new IllegalArgumentException("VLNV " + what + " must be a non-empty string without ':', got "
                    + (part == null ? "null" : "\"" + part + "\""));
        }
    }

    /**
     * Parses {@code vendor:library:name:version}.
     *
     * @throws IllegalArgumentException naming the text if it does not have exactly four
     *     non-empty parts separated by {@code ':'}
     */
    public static Vlnv parse(String text) {
        Objects.requireNonNull(text, "VLNV text");
        int a = text.indexOf(':');
        int b = a < 0 ? -1 : text.indexOf(':', a + 1);
        int c = b < 0 ? -1 : text.indexOf(':', b + 1);
        if (a <= 0 || b <= a + 1 || c <= b + 1 || c == text.length() - 1 || text.indexOf(':', c + 1) >= 0) {
            throw new IllegalArgumentException("not a VLNV: \"" + text
                    + "\"; expected vendor:library:name:version, e.g. xilinx.com:ip:axi_dma:7.1");
        }
        return new Vlnv(text.substring(0, a), text.substring(a + 1, b), text.substring(b + 1, c),
                text.substring(c + 1));
    }

    /** Parses like {@link #parse(String)} but returns null instead of throwing. */
    public static Vlnv tryParse(String text) {
        try {
            return text == null ? null : parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True when vendor, library and name are equal, whatever the versions. */
    public boolean matchesIgnoringVersion(Vlnv other) {
        return other != null && vendor.equals(other.vendor) && library.equals(other.library)
                && name.equals(other.name);
    }

    /** {@code vendor:library:name} without the version, e.g. {@code xilinx.com:ip:axi_dma}. */
    public String withoutVersion() {
        return vendor + ':' + library + ':' + name;
    }

    /** The text form {@code vendor:library:name:version}, as in the {@code .hwh}. */
    @Override
    public String toString() {
        return vendor + ':' + library + ':' + name + ':' + version;
    }
}
