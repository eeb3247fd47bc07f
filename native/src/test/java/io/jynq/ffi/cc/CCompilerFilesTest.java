package io.jynq.ffi.cc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.ffi.cheader.CDeclaration;
import io.jynq.ffi.cheader.CLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An overlay package's C sources, several files and a header, built into one library (D2L native operations). */
class CCompilerFilesTest {
    @TempDir
    Path tmp;
    Path pkg;
    CCompiler cc;

    @BeforeEach
    void setUp() throws IOException {
        pkg = Files.createDirectories(tmp.resolve("dsp_loopback/native"));
        cc = new CCompiler(tmp.resolve("cache"), "gcc", Duration.ofMinutes(1));
        Files.writeString(pkg.resolve("dsp.h"), "#include <stdint.h>\n#define GAIN 3\nint32_t gain(int32_t x);\n");
        Files.writeString(pkg.resolve("gain.c"), "#include \"dsp.h\"\nint32_t gain(int32_t x) { return GAIN * x; }\n");
        Files.writeString(pkg.resolve("sum.c"), """
                #include "dsp.h"
                #include <stddef.h>
                int64_t gained_sum(const int32_t *x, size_t n) {
                    int64_t s = 0;
                    for (size_t i = 0; i < n; i++) s += gain(x[i]);
                    return s;
                }
                """);
    }

    private List<Path> files() {
        return List.of(pkg.resolve("dsp.h"), pkg.resolve("gain.c"), pkg.resolve("sum.c"));
    }

    @Test
    void sourcesAndHeadersBuildOneLibraryWithEveryExportedFunction() {
        CompiledLibrary built = cc.compileFiles(files(), List.of());
        assertEquals(List.of("gain", "gained_sum"), built.functions().stream().map(CDeclaration::name).toList());
        try (CLibrary lib = built.load()) {
            assertEquals(3L * (1 + 2 + 3), lib.function("gained_sum").invoke(new int[] {1, 2, 3}, 3L));
        }
    }

    @Test
    void editingTheHeaderRebuilds() throws IOException {
        Path first = cc.compileFiles(files(), List.of()).library();
        Files.writeString(pkg.resolve("dsp.h"), "#include <stdint.h>\n#define GAIN 5\nint32_t gain(int32_t x);\n");
        CompiledLibrary second = cc.compileFiles(files(), List.of());
        assertNotEquals(first, second.library());
        try (CLibrary lib = second.load()) {
            assertEquals(10, lib.function("gain").invoke(2));
        }
    }

    @Test
    void errorsNameThePackageFileAndLine() throws IOException {
        Files.writeString(pkg.resolve("sum.c"), "#include \"dsp.h\"\n\nint64_t broken(void) { return undefined_name; }\n");
        CCompileException e = assertThrows(CCompileException.class, () -> cc.compileFiles(files(), List.of()));
        assertEquals("sum.c", e.firstError().file());
        assertEquals(3, e.firstError().line());
        assertTrue(e.getMessage().startsWith("sum.c:3:"), e.getMessage());
    }

    @Test
    void aFunctionDefinedTwiceIsNamed() throws IOException {
        Files.writeString(pkg.resolve("sum.c"), "#include \"dsp.h\"\nint32_t gain2(int32_t x) { return x; }\n");
        Files.writeString(pkg.resolve("dup.c"), "#include \"dsp.h\"\nint32_t gain2(int32_t x);\nstatic int32_t h(void) { return 0; }\n");
        // a prototype is not a definition: no conflict
        assertEquals(2, cc.compileFiles(List.of(pkg.resolve("gain.c"), pkg.resolve("sum.c"), pkg.resolve("dup.c")), List.of())
                .functions().size());
        Files.writeString(pkg.resolve("dup.c"), "int gain(int x) { return x; }\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cc.compileFiles(List.of(pkg.resolve("gain.c"), pkg.resolve("dup.c")), List.of()));
        assertEquals("function 'gain' is defined in both gain.c and dup.c", e.getMessage());
    }

    @Test
    void headersAloneAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cc.compileFiles(List.of(pkg.resolve("dsp.h")), List.of()));
        assertTrue(e.getMessage().startsWith("no .c file among"), e.getMessage());
    }
}
