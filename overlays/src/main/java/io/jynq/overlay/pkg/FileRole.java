package io.jynq.overlay.pkg;

import io.jynq.capi.FileEntry;
import java.util.Locale;

/**
 * What a file of an overlay package is for, from its CAPI2 {@code file_type} or, for a generic
 * type ({@code user} or none), from its name.
 *
 * <table>
 * <caption>Recognised file types</caption>
 * <tr><th>role</th><th>file_type</th><th>or a {@code user} file named</th></tr>
 * <tr><td>BITSTREAM</td><td>{@code bitstream}</td><td>{@code *.bit}, {@code *.bin}</td></tr>
 * <tr><td>METADATA</td><td>{@code hwh}</td><td>{@code *.hwh}</td></tr>
 * <tr><td>DEVICE_DESCRIPTION</td><td>{@code d2l}</td><td>{@code *.d2l.yaml}</td></tr>
 * <tr><td>C_SOURCE</td><td>{@code cSource}</td><td>{@code *.c}</td></tr>
 * <tr><td>C_HEADER</td><td>{@code cSource} with {@code is_include_file: true}</td><td>{@code *.h}</td></tr>
 * <tr><td>RTL_CORE</td><td>{@code rtlCore}: a FuseSoC core whose RTL simulates the IP named by its {@code logical_name}</td><td></td></tr>
 * <tr><td>SIMULATION_MODEL</td><td>{@code simModel}, or any file tagged {@code simulation}</td><td></td></tr>
 * </table>
 * Everything else (documentation, constraints) is {@link #OTHER} and kept as a plain file.
 */
public enum FileRole {
    BITSTREAM,
    METADATA,
    DEVICE_DESCRIPTION,
    C_SOURCE,
    C_HEADER,
    SIMULATION_MODEL,
    RTL_CORE,
    OTHER;

    /** The role of a file the core lists. */
    public static FileRole of(FileEntry f) {
        if (f.tags().contains("simulation")) {
            return SIMULATION_MODEL;
        }
        String name = f.name().toLowerCase(Locale.ROOT);
        switch (f.fileType()) {
            case "bitstream":
                return BITSTREAM;
            case "hwh":
                return METADATA;
            case "d2l":
                return DEVICE_DESCRIPTION;
            case "simModel":
                return SIMULATION_MODEL;
            case "rtlCore":
                return RTL_CORE;
            case "cSource":
                return f.isIncludeFile() || name.endsWith(".h") ? C_HEADER : C_SOURCE;
            case "", "user":
                return bySuffix(name);
            default:
                return OTHER;
        }
    }

    private static FileRole bySuffix(String name) {
        if (name.endsWith(".bit") || name.endsWith(".bin")) {
            return BITSTREAM;
        }
        if (name.endsWith(".hwh")) {
            return METADATA;
        }
        if (name.endsWith(".d2l.yaml")) {
            return DEVICE_DESCRIPTION;
        }
        if (name.endsWith(".c")) {
            return C_SOURCE;
        }
        return name.endsWith(".h") ? C_HEADER : OTHER;
    }
}
