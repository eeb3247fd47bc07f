package io.jynq.d2l;

/**
 * An operation carried out by a C function of the overlay package's native library (compiled
 * from the package's C sources on first use and called through JNA by the native layer). The
 * arguments are passed in order; a {@code buffer} is passed as a pointer to its first byte and
 * its {@code len_<buffer>} as its size in bytes.
 *
 * @param library  the library name (the device's {@code library})
 * @param function the C function name
 */
public record NativeFunction(String library, String function) implements Implementation {

    @Override
    public String ip() {
        return "";
    }
}
