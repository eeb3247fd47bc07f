package io.jynq.magics;

import io.jynq.facade.JavaNames;
import io.jynq.ffi.cc.CCompileException;
import io.jynq.ffi.cc.CCompiler;
import io.jynq.ffi.cc.CDiagnostic;
import io.jynq.ffi.cc.CompiledLibrary;
import io.jynq.ffi.cheader.CHeaderException;
import io.jynq.ffi.cheader.CLibrary;
import io.jynq.ffi.cheader.InProcessLink;
import io.jynq.ffi.isolate.Isolated;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code %%c NAME [gcc flags]}: the rest of the cell is C. It is compiled with gcc
 * ({@code -O2 -shared -fPIC}, cached by content), loaded with JNA and bound to {@code NAME}, an
 * object whose methods are the cell's functions:
 * <pre>
 * %%c sums
 * uint32_t checksum(const uint8_t *data, size_t len) { ... }
 * </pre>
 * then {@code sums.checksum(buf, buf.byteSize())} with {@code buf} a contiguous buffer. Compiler
 * errors name the cell line (the {@code %%c} line is line 1).
 *
 * <p>The functions run in JYNQ's helper process ({@link Isolated}): a fault in the C code is
 * reported in the cell ({@code SIGSEGV in checksum (clib.c:7) reading 0x0}) and the kernel and its
 * variables live on; the stop button ends a running C call. {@code --in-process} loads the library
 * into the kernel's JVM instead: calls cost what a JNA call costs, and a fault ends the kernel.
 *
 * <p>Running the cell again unchanged keeps the same binding (nothing is reloaded). A changed
 * cell replaces it; the previous library is unloaded once no call is running in it.
 */
public final class CCellMagic implements CellMagic {
    static final String USAGE = "%%c NAME [--in-process] [gcc flags such as -lm]";
    private static final Map<String, CLibrary> LOADED = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "c";
    }

    @Override
    public String help() {
        return "compile the cell as C with gcc and bind its functions to NAME (pointer args take contiguous buffers)";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Object eval(MagicContext ctx, List<String> args, String body) {
        MagicArgs a = MagicArgs.parse(args, Set.of("--in-process"), Set.of(), USAGE);
        boolean inProcess = a.flag("--in-process");
        if (a.positional().isEmpty() || !JavaNames.isIdentifier(a.positional().get(0))) {
            throw new MagicUsageException("%%c needs a Java name for the library on its first line: " + USAGE
                    + (a.positional().isEmpty() ? "" : " (\"" + a.positional().get(0) + "\" is not one)"));
        }
        if (body == null || body.isBlank()) {
            throw new MagicUsageException("the %%c cell has no C source below its first line");
        }
        String name = a.positional().get(0);
        List<String> flags = a.positional().subList(1, a.positional().size());
        CompiledLibrary built;
        try {
            built = new CCompiler().compile(name + ".c", body, flags);
        } catch (CCompileException e) {
            throw new MagicUsageException(located(e));
        } catch (CHeaderException e) {
            throw new MagicUsageException("%%c " + name + ": " + e.getMessage());
        }
        for (CDiagnostic w : built.warnings()) {
            ctx.err().println("cell line " + (w.line() + 1) + ": " + w.severity() + ": " + w.message());
        }
        if (built.functions().isEmpty()) {
            throw new MagicUsageException("%%c " + name + ": the cell defines no exported function (static ones are not exported)");
        }
        CLibrary previous = LOADED.get(name);
        boolean unchanged = previous != null && !previous.isClosed() && previous.path().equals(built.library())
                && (previous.link() instanceof InProcessLink) == inProcess;
        CLibrary lib = unchanged ? previous : inProcess ? built.load() : Isolated.load(built);
        LOADED.put(name, lib);
        if (previous != null && previous != lib) {
            previous.close();
        }
        String cls = JavaNames.type(name) + "CLib";
        ctx.evalJava(CBindingWriter.write(cls, name, built.functions()));
        String key = Handoff.put(lib);
        ctx.evalJava(cls + " " + name + " = new " + cls + "((" + CLibrary.class.getName() + ") "
                + Handoff.class.getName() + ".take(\"" + key + "\"));");
        StringBuilder sigs = new StringBuilder();
        built.functions().forEach(f -> sigs.append("\n  ").append(f.signature()));
        ctx.out().println(name + " = " + cls + (built.fromCache() ? " (from the compile cache)" : "")
                + (inProcess ? " (in-process: a fault in this C code ends the kernel" + crashReport() + ")" : "") + ":" + sigs);
        return null;
    }

    private static String crashReport() {
        return "; the JVM's crash report goes to " + io.jynq.config.JynqConfig.current().crashDir();
    }

    /** The first error at its cell line (body line + 1), then the count of the others. */
    static String located(CCompileException e) {
        CDiagnostic d = e.firstError();
        if (d == null) {
            return "gcc failed: " + e.getMessage().lines().findFirst().orElse("");
        }
        long errors = e.diagnostics().stream().filter(CDiagnostic::isError).count();
        return "cell line " + (d.line() + 1) + (d.column() > 0 ? ":" + d.column() : "") + ": " + d.severity() + ": "
                + d.message() + (errors > 1 ? " (and " + (errors - 1) + " more errors)" : "");
    }
}
