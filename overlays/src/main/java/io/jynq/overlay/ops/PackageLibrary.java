package io.jynq.overlay.ops;

import io.jynq.ffi.cc.CCompiler;
import io.jynq.ffi.cc.CompiledLibrary;
import io.jynq.ffi.cheader.CHeader;
import io.jynq.ffi.cheader.CLibrary;
import io.jynq.ffi.isolate.Isolated;
import io.jynq.overlay.pkg.FileRole;
import io.jynq.overlay.pkg.OverlayPackage;
import io.jynq.overlay.pkg.PackageFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds one native library of an overlay package from its C sources and headers with
 * {@link CCompiler#compileFiles}: each {@code .c} a translation unit, gcc's messages at the
 * package file and line ({@code dsp_ops.c:12:5}), the library cached by the hash of every source
 * and header, nothing cached when gcc fails. The functions bound are those the device's
 * {@code includes} declare (the CFFI idea: the header is the contract), else every exported
 * definition of the sources.
 */
final class PackageLibrary {
    private PackageLibrary() {}

    /**
     * Compiles (or takes from the cache) and loads {@code library} of {@code pkg}.
     *
     * @param includes headers, relative to the package folder, that declare the functions; empty
     *                 to bind every exported definition
     * @param inProcess load into this JVM instead of JYNQ's helper process
     * @throws IllegalArgumentException if the package has no C sources for {@code library}, an
     *                                  include is not one of its files, or the library lacks a declared function
     * @throws io.jynq.ffi.cc.CCompileException at the first gcc error, at the package file and line
     */
    static CLibrary load(CCompiler compiler, OverlayPackage pkg, String library, List<String> includes,
            boolean inProcess) {
        List<PackageFile> files = pkg.nativeFiles(library);
        if (files.stream().noneMatch(f -> f.role() == FileRole.C_SOURCE)) {
            throw new IllegalArgumentException("overlay package " + pkg.name() + " has no C sources for library \""
                    + library + "\"; libraries: " + (pkg.libraries().isEmpty() ? "none" : pkg.libraries()));
        }
        CompiledLibrary built = compiler.compileFiles(files.stream().map(PackageFile::path).toList(), List.of());
        if (includes.isEmpty()) {
            return inProcess ? built.load() : Isolated.load(built, compiler);
        }
        StringBuilder header = new StringBuilder();
        for (String inc : includes) {
            Path h = pkg.folder().resolve(inc).normalize();
            if (files.stream().noneMatch(f -> f.path().equals(h))) {
                throw new IllegalArgumentException("include " + inc + " is not a C file of library " + library + " in "
                        + pkg.core().file() + "; its files: "
                        + files.stream().map(f -> pkg.folder().relativize(f.path()).toString()).toList());
            }
            header.append(read(h)).append('\n');
        }
        String name = String.join(", ", includes);
        CompiledLibrary declared = new CompiledLibrary(name, built.library(), CHeader.parse(name, header.toString()),
                built.fromCache(), built.warnings());
        return inProcess ? declared.load() : Isolated.load(declared, compiler);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
