package io.jynq.ffi.cheader;

/**
 * How the functions of a {@link CLibrary} are reached: in this process through JNA
 * ({@link InProcessLink}), or in a helper process ({@code io.jynq.ffi.isolate}). A
 * {@link CLibrary} owns one link and calls {@link #unload()} exactly once, after it was closed
 * and the last running call returned, so code is never unloaded under a running call.
 */
public interface NativeLink {

    /**
     * Binds one declared function.
     *
     * @throws IllegalArgumentException if the library does not export it
     */
    Call bind(CDeclaration declaration);

    /** Releases the library (its code may be unloaded). Called once, with no call running. */
    void unload();

    /** One bound function. */
    @FunctionalInterface
    interface Call {
        /**
         * Calls the function.
         *
         * @param values one per parameter, already checked: scalars in JNA's form (Integer for
         *     every type up to 32 bits, Long, NativeLong, Float, Double); pointers as the Java
         *     value given (a {@link io.jynq.ffi.NativeMemory}, a primitive array, a String or a
         *     JNA Pointer), never null
         * @return the result in JNA's form for the declared return type (see
         *     {@link CArguments#nativeReturnType}), or null for void
         */
        Object invoke(Object[] values);
    }
}
