package io.jynq.ffi.rtl;

import java.nio.file.Path;
import java.util.List;

/**
 * A built RTL model library, ready for {@link RtlModelHandle#open}.
 *
 * @param top the toplevel module
 * @param path the shared library
 * @param ports the toplevel's ports
 * @param fromCache whether it was found built (no Verilator run)
 */
public record RtlLibrary(String top, Path path, List<RtlPort> ports, boolean fromCache) {
    public RtlLibrary {
        ports = List.copyOf(ports);
    }
}
