package io.jynq.overlay.pkg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jynq.capi.CapiException;
import io.jynq.capi.Core;
import io.jynq.d2l.D2lException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes reading an overlay package: arbitrary core text over a folder holding a bitstream, a
 * .hwh, a C source and a device description. Only {@link CapiException} (a bad core or a missing
 * file, at its line) and {@link D2lException} (a bad description) may escape; anything else,
 * such as an unchecked path error, is a bug. Seeds under {@code OverlayPackageFuzzTestInputs/open}
 * replay in every test run.
 */
class OverlayPackageFuzzTest {
    private static final Path FOLDER = folder();

    private static Path folder() {
        try {
            Path d = Files.createTempDirectory("jynq-pkg-fuzz");
            Files.writeString(d.resolve("design.bit"), "not a real bitstream");
            Files.writeString(d.resolve("design.hwh"), "<xml/>");
            Files.writeString(d.resolve("ops.c"), "int f(int x) { return x; }\n");
            Files.writeString(d.resolve("dev.d2l.yaml"), "name: DEV\noperations:\n  - {name: F, c: {function: f, library: ops}}\n");
            d.toFile().deleteOnExit();
            d.toFile().listFiles(f -> { f.deleteOnExit(); return false; });
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void open(byte[] input) {
        OverlayPackage p;
        try {
            p = OverlayPackage.of(Core.parse(new String(input, StandardCharsets.UTF_8), "fuzz.core"), FOLDER);
        } catch (CapiException expected) {
            return;
        }
        p.bitstream();
        p.hwh();
        p.libraries().forEach(p::nativeFiles);
        try {
            p.devices();
        } catch (D2lException expected) {
            // the description file named may not parse (e.g. a .hwh named with file_type d2l)
        }
    }
}
