package io.jynq.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rendered object: MIME type to content, as Jupyter's {@code display_data} carries it
 * ({@code text/plain} always present; {@code image/png} base64; {@code text/html} and
 * {@code image/svg+xml} as text). What {@link Renderers} produce and a {@link DisplaySink}
 * transports; the kernel copies it into its message without knowing what was rendered.
 *
 * @param data MIME type to content, in the order the renderer gave them (richest first)
 */
public record MimeBundle(Map<String, String> data) {
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";

    /**
     * @throws IllegalArgumentException if {@code data} has no {@code text/plain} entry
     */
    public MimeBundle {
        if (!data.containsKey(TEXT)) {
            throw new IllegalArgumentException("a MIME bundle needs text/plain, got " + data.keySet());
        }
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** Only text/plain. */
    public static MimeBundle text(String text) {
        return new MimeBundle(Map.of(TEXT, Objects.requireNonNull(text, "text")));
    }

    /** text/html with its text/plain form. */
    public static MimeBundle html(String html, String text) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(HTML, html);
        m.put(TEXT, text);
        return new MimeBundle(m);
    }

    /** The text/plain form. */
    public String text() {
        return data.get(TEXT);
    }

    /** The content of one MIME type, or null. */
    public String get(String mimeType) {
        return data.get(mimeType);
    }
}
