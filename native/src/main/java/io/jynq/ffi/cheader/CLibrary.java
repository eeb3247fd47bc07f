package io.jynq.ffi.cheader;

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
 * <p>States: open after {@code load}; after {@link #close()} every further call of its functions
 * throws {@link IllegalStateException}. The code is unloaded when the library is closed and no
 * call is running in it, so closing (a {@code %%c} cell redefined while a background thread is
 * inside one of its functions) never pulls code from under a running call. Thread-safe.
 *
 * <p>Where the functions run is the {@link NativeLink}'s business: {@link #load} binds in this
 * process ({@link InProcessLink}); {@code io.jynq.ffi.isolate.Isolated} binds in a helper
 * process that a fault ends instead of the JVM.
 */
public final class CLibrary implements AutoCloseable {
    private final String sourceName;
    private final Path path;
    private final NativeLink link;
    private final Map<String, CFunction> functions = new LinkedHashMap<>();
    private boolean closed;
    private int running;

    private CLibrary(String sourceName, Path path, NativeLink link) {
        this.sourceName = sourceName;
        this.path = path;
        this.link = link;
    }

    /**
     * Loads {@code library} into this process and binds every function of {@code headerText}.
     *
     * @throws CHeaderException if the header has an unsupported declaration (with its line)
     * @throws IllegalArgumentException if the library cannot be loaded or lacks a declared function
     */
    public static CLibrary load(String headerText, Path library) {
        return load(CHeader.parse("header", headerText), library, "header");
    }

    /**
     * Loads {@code library} into this process and binds the given declarations.
     *
     * @param sourceName names the header in messages, e.g. {@code dsp.h}
     * @throws IllegalArgumentException if the library cannot be loaded or lacks a declared function
     */
    public static CLibrary load(List<CDeclaration> declarations, Path library, String sourceName) {
        checkExists(library);
        return bind(declarations, library, sourceName, InProcessLink.open(library));
    }

    /**
     * Binds {@code declarations} through {@code link}, which this library then owns (it is
     * unloaded here when a function is missing).
     *
     * @throws IllegalArgumentException if the library lacks a declared function
     */
    public static CLibrary bind(List<CDeclaration> declarations, Path library, String sourceName, NativeLink link) {
        CLibrary lib = new CLibrary(sourceName, library, link);
        List<String> missing = new ArrayList<>();
        for (CDeclaration d : declarations) {
            try {
                lib.functions.put(d.name(), new CFunction(lib, d, link.bind(d)));
            } catch (IllegalArgumentException e) {
                missing.add(d.name() + " (" + sourceName + ":" + d.line() + ")");
            }
        }
        if (!missing.isEmpty()) {
            link.unload();
            throw new IllegalArgumentException(library + " does not export " + String.join(", ", missing));
        }
        return lib;
    }

    /** @throws IllegalArgumentException if {@code library} is not a file */
    public static void checkExists(Path library) {
        if (!Files.isRegularFile(library)) {
            throw new IllegalArgumentException("shared library " + library + " does not exist");
        }
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

    /** How the functions are reached (in process, or in a helper process). */
    public NativeLink link() {
        return link;
    }

    String sourceName() {
        return sourceName;
    }

    /** Whether {@link #close()} was called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Counts a call in; the code stays loaded until the matching {@link #leave()}. */
    synchronized void enter() {
        if (closed) {
            throw new IllegalStateException("library " + path + " is closed");
        }
        running++;
    }

    synchronized void leave() {
        if (--running == 0 && closed) {
            link.unload();
        }
    }

    /** Closes the library; its code is unloaded once no call is running. Harmless when already closed. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (running == 0) {
                link.unload();
            }
        }
    }

    @Override
    public String toString() {
        return "CLibrary[" + path.getFileName() + ", " + functions.size() + " functions" + (isClosed() ? ", closed]" : "]");
    }
}
