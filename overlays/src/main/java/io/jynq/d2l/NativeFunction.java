package io.jynq.d2l;

/**
 * An operation carried out by a C function of the overlay package's native library (compiled
 * from the package's C sources on first use and called through JNA by the native layer). The
 * arguments are passed in order; a {@code buffer} is passed as a pointer to its first byte and
 * its {@code len_<buffer>} as its size in bytes.
 *
 * <p>The function runs in JYNQ's helper process (see {@code io.jynq.ffi.isolate}): a fault in it
 * is reported as an exception and the JVM lives on. {@code c: {function: f, in_process: true}}
 * calls it in the JVM instead, faster per call, and a fault there ends the JVM.
 *
 * @param library   the library name (the device's {@code library})
 * @param function  the C function name
 * @param inProcess whether to call it in this process rather than the helper process
 */
public record NativeFunction(String library, String function, boolean inProcess) implements Implementation {

    /** A function called in the helper process. */
    public NativeFunction(String library, String function) {
        this(library, function, false);
    }

    @Override
    public String ip() {
        return "";
    }
}
