package io.jynq.testing;

import io.jynq.metadata.HwhParser;
import io.jynq.metadata.OverlayMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled {@code dsp_loopback} design as test input, optionally edited (a parameter or VLNV
 * changed) to make configurations the bundled files do not have, e.g. a scatter-gather DMA.
 */
public final class Designs {
    private Designs() {}

    /** The text of {@code dsp_loopback.hwh} from the class path. */
    public static String dspLoopbackHwh() {
        try (InputStream in = Designs.class.getClassLoader()
                .getResourceAsStream("io/jynq/overlays/dsp_loopback/dsp_loopback.hwh")) {
            if (in == null) {
                throw new IllegalStateException("dsp_loopback.hwh is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code hwhText} as {@code name}. */
    public static OverlayMetadata parse(String hwhText, String name) {
        return HwhParser.parse(hwhText.getBytes(StandardCharsets.UTF_8), name);
    }

    /** Writes a placeholder bitstream file {@code name} into {@code dir} (for devices that do not read it). */
    public static Path placeholderBit(Path dir, String name) {
        try {
            return Files.write(dir.resolve(name), new byte[] {0});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
