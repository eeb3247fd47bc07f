package io.jynq.ffi.cheader;


/**
 * A C function of a {@link CLibrary}, callable from Java with values checked against its
 * declaration before the call.
 *
 * <p>Arguments: integers as {@code byte/short/int/long} (range-checked; unsigned 32-bit
 * parameters take -2^31..2^32-1, so an {@code int} bit pattern works), floating values as any
 * number, {@code bool} as Boolean; pointers as a {@link io.jynq.ffi.NativeMemory} (a contiguous
 * buffer: {@code checkOpen()} is called first and its address passed), a Java primitive array of
 * the pointee's width (copied to native memory for the call and back after it), a String for
 * {@code char *} (read-only, UTF-8) or a JNA {@code Pointer}; never null. Results: see
 * {@link #invoke}.
 * <pre>{@code
 * CFunction checksum = lib.function("checksum");     // uint32_t checksum(const uint8_t *, size_t)
 * long sum = (Long) checksum.invoke(buffer, 1024);   // buffer: a ContiguousBuffer
 * }</pre>
 */
public final class CFunction {
    private final CLibrary library;
    private final CDeclaration declaration;
    private final NativeLink.Call call;
    private final String where;

    CFunction(CLibrary library, CDeclaration declaration, NativeLink.Call call) {
        this.library = library;
        this.declaration = declaration;
        this.call = call;
        this.where = declaration.signature() + " (" + library.sourceName() + ":" + declaration.line() + ")";
    }

    /**
     * The bytes a pointer argument spans: a buffer's byte size, an array's length times its
     * element size, a String's UTF-8 bytes and its NUL; -1 where unknown (a JNA Pointer).
     */
    public static long argumentBytes(Object pointerArgument) {
        return CArguments.byteSpan(pointerArgument);
    }

    /** Where it is declared, for messages: {@code signature (file:line)}. */
    public String where() {
        return where;
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
     * @throws IllegalArgumentException if the count or a value does not fit the declaration, a
     *     pointer argument is null or a closed buffer, or a length argument exceeds its buffer
     *     (see {@link LengthCheck}); the message names the parameter and nothing is called
     * @throws IllegalStateException if the library was closed
     * @throws RuntimeException what the library's {@link NativeLink} throws for a call that
     *     failed in C (in a helper process: a fault report)
     */
    public Object invoke(Object... args) {
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
        LengthCheck.check(declaration, converted, where);
        library.enter();
        try {
            return CArguments.fromNative(declaration.returnType(), call.invoke(converted));
        } finally {
            library.leave();
        }
    }

    @Override
    public String toString() {
        return declaration.signature();
    }
}
