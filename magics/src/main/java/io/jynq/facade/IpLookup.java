package io.jynq.facade;

/**
 * How a generated facade gets its drivers: by ip_dict name, e.g. {@code "video/hdmi_in/color_convert"}.
 * A loaded overlay provides it ({@code ol::ip}); the facade casts each result to its field's type.
 */
@FunctionalInterface
public interface IpLookup {

    /**
     * The driver bound to the IP of that ip_dict name (a {@code DefaultIp} when none is bound).
     *
     * @throws java.util.NoSuchElementException if there is no such IP
     */
    Object ip(String name);

    /**
     * The hierarchy driver of the hierarchy at {@code path}, for a facade field a hierarchy driver
     * types; a lookup without hierarchy drivers need not implement it.
     *
     * @throws UnsupportedOperationException by default
     */
    default Object hierarchy(String path) {
        throw new UnsupportedOperationException("no hierarchy drivers in this lookup: " + path);
    }
}
