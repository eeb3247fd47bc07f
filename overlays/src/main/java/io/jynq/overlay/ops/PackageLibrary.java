package io.jynq.overlay.ops;

import io.jynq.ffi.cc.CCompiler;
import io.jynq.ffi.cc.CompiledLibrary;
import io.jynq.ffi.cheader.CLibrary;
import io.jynq.overlay.pkg.FileRole;
import io.jynq.overlay.pkg.OverlayPackage;
import io.jynq.overlay.pkg.PackageFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds one native library of an overlay package from its C sources with {@link CCompiler}.
 *
 * <p>The sources are compiled as one translation unit, each after a {@code #line 1 "<path>"}
 * directive so gcc reports errors at the package file's own path and line. Headers are found with
 * {@code -I<package folder>}; their SHA-256 is written into the unit as a comment, so the
 * compiler's cache (keyed by the hash of the command and the text) rebuilds when a header
 * changes too. The functions bound are those the device's {@code includes} declare, else the
 * exported definitions of the sources. A failed build leaves nothing in the cache (the compiler
 * moves a library in only after gcc succeeds).
 */
final class PackageLibrary {
    private PackageLibrary() {}

    /**
     * Compiles (or takes from the cache) and loads {@code library} of {@code pkg}.
     *
     * @param includes headers, relative to the package folder, that declare the functions; empty
     *                 to bind every exported definition
     * @throws IllegalArgumentException if the package has no C sources for {@code library}, or an
     *                                  include is not one of its files
     * @throws io.jynq.ffi.cc.CCompileException at the first gcc error, at the package file and line
     */
    static CLibrary load(CCompiler compiler, OverlayPackage pkg, String library, List<String> includes) {
        List<PackageFile> files = pkg.nativeFiles(library);
        List<PackageFile> sources = files.stream().filter(f -> f.role() == FileRole.C_SOURCE).toList();
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("overlay package " + pkg.name() + " has no C sources for library \""
                    + library + "\"; libraries: " + (pkg.libraries().isEmpty() ? "none" : pkg.libraries()));
        }
        StringBuilder unit = new StringBuilder();
        unit.append("/* headers sha256 ").append(headersHash(pkg, files)).append(" */\n");
        for (PackageFile f : sources) {
            unit.append("#line 1 \"").append(f.path().toString().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"\n").append(read(f.path())).append('\n');
        }
        List<String> flags = List.of("-I" + pkg.folder());
        String name = pkg.name() + "/" + library;
        CompiledLibrary built;
        if (includes.isEmpty()) {
            built = compiler.compile(name, unit.toString(), flags);
        } else {
            StringBuilder header = new StringBuilder();
            for (String inc : includes) {
                Path h = pkg.folder().resolve(inc).normalize();
                if (files.stream().noneMatch(f -> f.path().equals(h))) {
                    throw new IllegalArgumentException("include " + inc + " is not a C header of library " + library
                            + " in " + pkg.core().file() + "; its files: " + files.stream()
                                    .map(f -> pkg.folder().relativize(f.path()).toString()).toList());
                }
                header.append(read(h)).append('\n');
            }
            built = compiler.compile(name, unit.toString(), flags, header.toString());
        }
        return built.load();
    }

    private static String headersHash(OverlayPackage pkg, List<PackageFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<PackageFile> headers = new ArrayList<>(files.stream().filter(f -> f.role() == FileRole.C_HEADER).toList());
            for (PackageFile h : headers) {
                sha.update(pkg.folder().relativize(h.path()).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(h.path()));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the C headers of " + pkg.name(), e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
