package io.jynq.ffi.rtl;

import io.jynq.error.JynqException;
import io.jynq.error.SourcePosition;

/**
 * Verilator or the C++ compiler refused an RTL model: the place is the HDL file and line of the
 * first error, and the message carries the first errors as Verilator wrote them. Also thrown,
 * without a place, when Verilator is not installed (the message gives the {@code apt-get} line).
 */
public class RtlBuildException extends JynqException {
    /** @param at the first error's HDL file and line, or null */
    public RtlBuildException(SourcePosition at, String detail) {
        super(at, detail, null);
    }
}
