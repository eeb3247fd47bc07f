package io.jynq.ffi.cheader;

import com.sun.jna.Function;

/**
 * A C function of a {@link CLibrary}, callable from Java with values checked against its
 * declaration before the call.
 *
 * <p>Arguments: integers as {@code byte/short/int/long} (range-checked; unsigned 32-bit
 * parameters take -2^31..2^32-1, so an {@code int} bit pattern works), floating values as any
 * number, {@code bool} as Boolean; pointers as a {@link io.jynq.ffi.NativeMemory} (a contiguous
 * buffer: {@code checkOpen()} is called first and its address passed), a Java primitive array of
 * the pointee's width (copied to native memory for the call and back after it), a String for
 * {@code char *} (read-only, UTF-8), a JNA {@code Pointer}, or null. Results: see
 * {@link #invoke}.
 * <pre>{@code
 * CFunction checksum = lib.function("checksum");     // uint32_t checksum(const uint8_t *, size_t)
 * long sum = (Long) checksum.invoke(buffer, 1024);   // buffer: a ContiguousBuffer
 * }</pre>
 */
public final class CFunction {
    private final CLibrary library;
    private final CDeclaration declaration;
    private final Function function;
    private final String where;
    private final Class<?> returnClass;

    CFunction(CLibrary library, CDeclaration declaration, Function function) {
        this.library = library;
        this.declaration = declaration;
        this.function = function;
        this.where = declaration.signature() + " (" + library.sourceName() + ":" + declaration.line() + ")";
        this.returnClass = CArguments.nativeReturnType(declaration.returnType());
    }

    /** The declaration this function was bound from. */
    public CDeclaration declaration() {
        return declaration;
    }

    /**
     * Calls the function.
     *
     * @param args one value per declared parameter
     * @return null for void; Boolean for bool; Byte for char and int8_t; Short for int16_t;
     *     Integer for int32_t, uint8_t and uint16_t; Long for uint32_t, the 64-bit types, long
     *     and size_t (uint64_t as its two's-complement bits); Float; Double; a JNA Pointer for pointers
     * @throws IllegalArgumentException if the count or a value does not fit the declaration
     *     (nothing is called then)
     * @throws IllegalStateException if the library was closed or a buffer argument is closed
     */
    public Object invoke(Object... args) {
        library.checkOpen();
        Object[] values = args == null ? new Object[] {null} : args;
        int n = declaration.parameters().size();
        if (values.length != n) {
            throw new IllegalArgumentException(where + " takes " + n + " argument" + (n == 1 ? "" : "s")
                    + ", got " + values.length);
        }
        Object[] converted = new Object[n];
        for (int k = 0; k < n; k++) {
            converted[k] = CArguments.toNative(declaration.parameters().get(k), values[k], where);
        }
        Object raw = function.invoke(returnClass, converted);
        return CArguments.fromNative(declaration.returnType(), raw);
    }

    @Override
    public String toString() {
        return declaration.signature();
    }
}
