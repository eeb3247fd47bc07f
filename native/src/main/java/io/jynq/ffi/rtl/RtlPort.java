package io.jynq.ffi.rtl;

/**
 * A port of an RTL toplevel as Verilator elaborated it.
 *
 * @param name the port name in the HDL
 * @param input true for an input, false for an output (inout ports are not driven by the shim)
 * @param widthBits the width in bits, after parameters
 */
public record RtlPort(String name, boolean input, int widthBits) {

    /** One line of the ports cache file: {@code name in|out width}. */
    String line() {
        return name + " " + (input ? "in" : "out") + " " + widthBits;
    }

    static RtlPort parse(String line) {
        String[] f = line.trim().split(" ");
        return new RtlPort(f[0], f[1].equals("in"), Integer.parseInt(f[2]));
    }
}
