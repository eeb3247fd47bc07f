package io.jynq.ffi.cheader;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A shared library bound to the functions a C header declares: CFFI's {@code ffi.cdef} plus
 * {@code ffi.dlopen}, in Java.
 * <pre>{@code
 * try (CLibrary lib = CLibrary.load("uint32_t checksum(const uint8_t *data, size_t len);",
 *                                   Path.of("libdsp.so"))) {
 *     long sum = (Long) lib.function("checksum").invoke(buffer, 1024);
 * }
 * }</pre>
 *
 * <p>States: open after {@code load}; {@link #close()} unloads the library and every further
 * call of its functions throws {@link IllegalStateException}. Thread-safe.
 */
public final class CLibrary implements AutoCloseable {
    private final String sourceName;
    private final Path path;
    private final NativeLibrary library;
    private final Map<String, CFunction> functions = new LinkedHashMap<>();
    private volatile boolean closed;

    private CLibrary(String sourceName, Path path, NativeLibrary library) {
        this.sourceName = sourceName;
        this.path = path;
        this.library = library;
    }

    /**
     * Loads {@code library} and binds every function of {@code headerText}.
     *
     * @throws CHeaderException if the header has an unsupported declaration (with its line)
     * @throws IllegalArgumentException if the library cannot be loaded or lacks a declared function
     */
    public static CLibrary load(String headerText, Path library) {
        return load(CHeader.parse("header", headerText), library, "header");
    }

    /**
     * Loads {@code library} and binds the given declarations.
     *
     * @param sourceName names the header in messages, e.g. {@code dsp.h}
     * @throws IllegalArgumentException if the library cannot be loaded or lacks a declared function
     */
    public static CLibrary load(List<CDeclaration> declarations, Path library, String sourceName) {
        if (!Files.isRegularFile(library)) {
            throw new IllegalArgumentException("shared library " + library + " does not exist");
        }
        NativeLibrary native_;
        try {
            native_ = NativeLibrary.getInstance(library.toAbsolutePath().toString());
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalArgumentException("cannot load shared library " + library + ": " + e.getMessage(), e);
        }
        CLibrary lib = new CLibrary(sourceName, library, native_);
        List<String> missing = new ArrayList<>();
        for (CDeclaration d : declarations) {
            try {
                Function f = native_.getFunction(d.name());
                lib.functions.put(d.name(), new CFunction(lib, d, f));
            } catch (UnsatisfiedLinkError e) {
                missing.add(d.name() + " (" + sourceName + ":" + d.line() + ")");
            }
        }
        if (!missing.isEmpty()) {
            native_.close();
            throw new IllegalArgumentException(library + " does not export " + String.join(", ", missing));
        }
        return lib;
    }

    /**
     * The function called {@code name}.
     *
     * @throws NoSuchElementException listing the declared names, if none is called that
     */
    public CFunction function(String name) {
        CFunction f = functions.get(name);
        if (f == null) {
            throw new NoSuchElementException("no function '" + name + "' in " + path.getFileName() + "; declared: "
                    + functions.keySet());
        }
        return f;
    }

    /** Every bound function by name, in header order. */
    public Map<String, CFunction> functions() {
        return Collections.unmodifiableMap(functions);
    }

    /** The library file. */
    public Path path() {
        return path;
    }

    String sourceName() {
        return sourceName;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("library " + path + " is closed");
        }
    }

    /** Unloads the library; harmless when already closed. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            library.close();
        }
    }

    @Override
    public String toString() {
        return "CLibrary[" + path.getFileName() + ", " + functions.size() + " functions" + (closed ? ", closed]" : "]");
    }
}
