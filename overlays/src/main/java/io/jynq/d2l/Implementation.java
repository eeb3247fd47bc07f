package io.jynq.d2l;

/**
 * How an operation is carried out: exactly one of a Java driver method, a register program
 * written in the YAML, or a C function in the overlay package's native library.
 */
public sealed interface Implementation permits DriverMethod, RegisterProgram, NativeFunction {

    /** The IP the implementation acts on, or empty for a native function. */
    String ip();
}
