package io.jynq.metadata;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one rule by which JYNQ binds code to an IP by VLNV, for drivers
 * ({@code io.jynq.overlay.DriverRegistry}) and simulation models
 * ({@code io.jynq.device.sim.ModelRegistry}) alike (issue 11: they had drifted apart):
 * <ol>
 *   <li>an entry registered for the IP's exact VLNV binds;
 *   <li>an entry for the same {@code vendor:library:name} with another version binds only when
 *       the caller ignores versions (PYNQ's {@code ignore_version}); otherwise the IP gets the
 *       fallback (a {@code DefaultIp}, a plain register file) and one line says why;
 *   <li>nothing else binds by this rule (a driver registry may add library-wide fallbacks after it).
 * </ol>
 * Tables are searched in the order given, exact matches in every table before any other version.
 */
public final class VlnvBinding {
    private VlnvBinding() {}

    /**
     * What {@code ip} binds to in {@code tables} (each keyed by {@link Vlnv#toString()}), or null.
     *
     * @param ignoreVersion whether another version of the same IP binds
     * @param note receives the one-line note when another version exists but does not bind
     * @param what the kind of thing bound, for the note: "driver", "simulation model"
     * @param fallback what the IP gets instead, for the note: "DefaultIp", "a plain register file"
     */
    public static <T> T find(Vlnv ip, List<? extends Map<String, ? extends T>> tables, boolean ignoreVersion,
            String ipName, String what, String fallback, Consumer<String> note) {
        if (ip == null) {
            return null;
        }
        String key = ip.toString();
        for (Map<String, ? extends T> t : tables) {
            T v = t.get(key);
            if (v != null) {
                return v;
            }
        }
        for (Map<String, ? extends T> t : tables) {
            for (Map.Entry<String, ? extends T> e : t.entrySet()) {
                Vlnv other = Vlnv.tryParse(e.getKey());
                if (ip.matchesIgnoringVersion(other)) {
                    if (ignoreVersion) {
                        return e.getValue();
                    }
                    note.accept(otherVersionNote(ipName, ip, other, what, fallback));
                    return null;
                }
            }
        }
        return null;
    }

    /** The note of rule 2: {@code "fir_0: IP xilinx.com:hls:fir is version 2.0; the simulation model binds 1.0; using a plain register file"}. */
    public static String otherVersionNote(String ipName, Vlnv ip, Vlnv bound, String what, String fallback) {
        return ipName + ": IP " + ip.withoutVersion() + " is version " + ip.version() + "; the " + what + " binds "
                + bound.version() + "; using " + fallback + " (versions differ: load with ignore-version to bind it anyway)";
    }
}
