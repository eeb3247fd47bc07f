package io.jynq.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The hand-written {@code tiny_zynq.hwh} test resource, as bytes and text. */
final class TinyHwh {
    private TinyHwh() {}

    static byte[] bytes() {
        try (InputStream in = TinyHwh.class.getResourceAsStream("tiny_zynq.hwh")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    static OverlayMetadata parse() {
        return HwhParser.parse(bytes(), "tiny_zynq.hwh");
    }
}
