package io.jynq.render.overlay;

import io.jynq.buffer.ContiguousBuffer;
import io.jynq.render.Html;
import java.util.Arrays;

/**
 * A contiguous buffer as a notebook shows it: dtype, shape, size in bytes, physical address,
 * cacheability, and its first {@value #SHOWN} elements. A closed buffer says so and reads nothing.
 */
public final class BufferHtml {
    /** Elements shown. */
    static final int SHOWN = 16;

    private BufferHtml() {
    }

    public static String html(ContiguousBuffer buf) {
        if (buf.isClosed()) {
            return "<div class=\"jynq-buffer\"><code>" + Html.escape(buf.toString()) + "</code></div>";
        }
        StringBuilder b = new StringBuilder("<div class=\"jynq-buffer\"><b>ContiguousBuffer</b> <code>")
                .append(Html.escape(buf.dtype().shortName())).append(' ').append(Arrays.toString(buf.shape()))
                .append("</code>, ").append(Hex.bytes(buf.byteSize())).append(" at physical address <code>")
                .append(Hex.of(buf.physicalAddress())).append("</code>").append(buf.cacheable() ? ", cacheable" : "");
        return b.append("<br><code>").append(Html.escape(values(buf))).append("</code></div>").toString();
    }

    /** {@code [0, 1, 2, ... ]} of the first elements. */
    static String values(ContiguousBuffer buf) {
        long n = Math.min(buf.length(), SHOWN);
        StringBuilder b = new StringBuilder("[");
        for (long i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append(buf.dtype().floating() ? String.valueOf(buf.getDouble(i))
                    : String.valueOf(buf.getLong(i)));
        }
        return b.append(buf.length() > n ? ", … (" + buf.length() + " elements)]" : "]").toString();
    }
}
