package io.jynq.ffi.cc;

import io.jynq.ffi.cheader.CDeclaration;
import io.jynq.ffi.cheader.CLibrary;
import java.nio.file.Path;
import java.util.List;

/**
 * A shared library built by {@link CCompiler}, with the functions it exports.
 *
 * @param sourceName the name the user gave the source (e.g. {@code cell.c}), used in messages
 * @param library the cached {@code .so}
 * @param functions the declarations to bind (extracted from the source or given as a header)
 * @param fromCache whether the library was already in the cache (gcc did not run)
 * @param warnings gcc's warnings, located in the source (empty when from the cache)
 */
public record CompiledLibrary(String sourceName, Path library, List<CDeclaration> functions, boolean fromCache,
        List<CDiagnostic> warnings) {

    public CompiledLibrary {
        functions = List.copyOf(functions);
        warnings = List.copyOf(warnings);
    }

    /**
     * Loads the library with its functions bound.
     *
     * @throws IllegalArgumentException if it cannot be loaded or lacks a declared function
     */
    public CLibrary load() {
        return CLibrary.load(functions, library, sourceName);
    }
}
