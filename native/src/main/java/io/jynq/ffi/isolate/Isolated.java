package io.jynq.ffi.isolate;

import io.jynq.ffi.cc.CCompiler;
import io.jynq.ffi.cc.CompiledLibrary;
import io.jynq.ffi.cheader.CLibrary;
import java.nio.file.Path;

/**
 * Loads a compiled C library so that its functions run in JYNQ's helper process instead of the
 * JVM: the default for {@code %%c} cells and D2L C operations. See the package documentation for
 * the design and its costs.
 * <pre>{@code
 * CompiledLibrary built = new CCompiler().compile("clib.c", source, List.of());
 * try (CLibrary lib = Isolated.load(built)) {
 *     long sum = (Long) lib.function("checksum").invoke(buffer, buffer.byteSize());
 * }   // a SIGSEGV in checksum throws NativeFaultException; the JVM lives on
 * }</pre>
 */
public final class Isolated {
    private static NativeHelper shared;

    private Isolated() {}

    /** The one helper of this JVM, created on first use. */
    static synchronized NativeHelper helper() {
        if (shared == null) {
            shared = new NativeHelper(new CCompiler());
        }
        return shared;
    }

    /**
     * Loads {@code built} into the helper process (starting it), building its call shim with the
     * default compiler.
     *
     * @throws IllegalArgumentException if the library cannot be loaded or lacks a declared function
     * @throws io.jynq.ffi.cc.CCompileException if the call shim does not build (a compiler problem)
     */
    public static CLibrary load(CompiledLibrary built) {
        return load(built, new CCompiler());
    }

    /** As {@link #load(CompiledLibrary)}, building the call shim with {@code compiler}. */
    public static CLibrary load(CompiledLibrary built, CCompiler compiler) {
        CLibrary.checkExists(built.library());
        Path shim = compiler.compile("jynq_shim.c", CallShim.source(built.functions()), java.util.List.of(),
                CallShim.header(built.functions().size())).library();
        HelperLink link = new HelperLink(helper(), built.library(), shim, built.functions());
        helper().loadIfIdle(link);
        return CLibrary.bind(built.functions(), built.library(), built.sourceName(), link);
    }

    /**
     * Ends the helper process now, whatever it runs (a call in progress throws
     * {@link NativeFaultException}); the next call starts a new one. For tests and for a user who
     * wants a clean slate.
     */
    public static void restartHelper() {
        NativeHelper h = helper();
        h.kill();
    }

    /** The helper's process id, or -1 when none runs. */
    public static long helperPid() {
        return helper().pid();
    }
}
