package io.jynq.ffi.cheader;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.jynq.ffi.NativeMemory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A library loaded into this JVM with JNA: fastest (a call costs what a JNA call costs), and a
 * fault in its C code ends the whole process.
 *
 * <p>Why a count per path: JNA's {@link NativeLibrary#getInstance} returns one shared instance
 * per path, and the C compiler's cache gives an unchanged source the same path, so two
 * {@link CLibrary} objects over one file share one {@code dlopen} handle. Closing the first used
 * to close the handle under the second (the re-run of an unchanged {@code %%c} cell crashed the
 * JVM); here the handle is closed when the last link over the path is unloaded.
 */
public final class InProcessLink implements NativeLink {
    private static final Map<String, Shared> OPEN = new HashMap<>();

    private static final class Shared {
        final NativeLibrary library;
        int links;

        Shared(NativeLibrary library) {
            this.library = library;
        }
    }

    private final String key;
    private final NativeLibrary library;
    private boolean unloaded;

    private InProcessLink(String key, NativeLibrary library) {
        this.key = key;
        this.library = library;
    }

    /**
     * Loads (or shares the already loaded) library at {@code path}.
     *
     * @throws IllegalArgumentException if it cannot be loaded
     */
    public static InProcessLink open(Path path) {
        String key = path.toAbsolutePath().normalize().toString();
        synchronized (OPEN) {
            Shared s = OPEN.get(key);
            if (s == null) {
                try {
                    s = new Shared(NativeLibrary.getInstance(key));
                } catch (UnsatisfiedLinkError e) {
                    throw new IllegalArgumentException("cannot load shared library " + path + ": " + e.getMessage(), e);
                }
                OPEN.put(key, s);
            }
            s.links++;
            return new InProcessLink(key, s.library);
        }
    }

    @Override
    public Call bind(CDeclaration declaration) {
        Function f;
        try {
            f = library.getFunction(declaration.name());
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Class<?> returnClass = CArguments.nativeReturnType(declaration.returnType());
        return values -> {
            Object[] jna = values.clone();
            for (int i = 0; i < jna.length; i++) {
                if (jna[i] instanceof NativeMemory m) {
                    jna[i] = new Pointer(m.address());
                }
            }
            return f.invoke(returnClass, jna);
        };
    }

    @Override
    public void unload() {
        synchronized (OPEN) {
            if (unloaded) {
                return;
            }
            unloaded = true;
            Shared s = OPEN.get(key);
            if (s != null && --s.links == 0) {
                OPEN.remove(key);
                s.library.close();
            }
        }
    }

    /** How many links share the loaded library at {@code path} (0 when it is not loaded); for tests. */
    static int links(Path path) {
        synchronized (OPEN) {
            Shared s = OPEN.get(path.toAbsolutePath().normalize().toString());
            return s == null ? 0 : s.links;
        }
    }
}
