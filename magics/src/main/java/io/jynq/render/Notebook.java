package io.jynq.render;

import java.util.Objects;

/**
 * The calls a cell makes to show things, imported statically into every cell (kernel and
 * {@code ./jynq shell}): {@code display(x)}, {@code updateDisplay(id, x)}, {@code clearOutput(wait)}
 * and {@code render(x)}. They go through {@link Displays#sink()}: the notebook in a kernel, the
 * console elsewhere.
 *
 * <pre>{@code
 * String id = display("starting...");
 * for (int i = 1; i <= 10; i++) { Thread.sleep(100); updateDisplay(id, i * 10 + " %"); }
 * clearOutput(true);   // the next output replaces everything this cell showed
 * }</pre>
 * Rendering is {@link Renderers}': charts as image/png, tables as text/html, overlays and IP as
 * tables, anything else {@code toString()}. Works from background threads too: the output lands
 * in the cell that started the thread, also after that cell finished.
 */
public final class Notebook {
    private Notebook() {
    }

    /** {@code o} rendered in every MIME type its renderer gives, without showing it. */
    public static MimeBundle render(Object o) {
        return Renderers.render(o);
    }

    /** {@code o} rendered as the given MIME types only, e.g. {@code render(chart, "image/svg+xml")}. */
    public static MimeBundle render(Object o, String... mimeTypes) {
        return Renderers.render(o, mimeTypes);
    }

    /**
     * Shows {@code o} below the cell now.
     *
     * @return the display id for {@link #updateDisplay}
     */
    public static String display(Object o) {
        return Displays.sink().display(o);
    }

    /** Shows {@code o} as the given MIME types (e.g. {@code "image/svg+xml"}). @return the display id */
    public static String display(Object o, String... mimeTypes) {
        return Displays.sink().display(Renderers.render(o, mimeTypes));
    }

    /**
     * Replaces the output {@link #display} showed under {@code id} with {@code o}, in place.
     *
     * @throws IllegalArgumentException if {@code id} is null or was not returned by display
     */
    public static void updateDisplay(String id, Object o) {
        Displays.sink().update(Objects.requireNonNull(id, "display id"), o);
    }

    /** As {@link #updateDisplay(String, Object)}, rendered as the given MIME types. */
    public static void updateDisplay(String id, Object o, String... mimeTypes) {
        Displays.sink().update(Objects.requireNonNull(id, "display id"), Renderers.render(o, mimeTypes));
    }

    /**
     * Clears this cell's output, as IPython's {@code clear_output}.
     *
     * @param wait true: clear when the next output arrives (a loop that redraws does not flicker)
     */
    public static void clearOutput(boolean wait) {
        Displays.sink().clearOutput(wait);
    }

    /** Clears this cell's output at once. */
    public static void clearOutput() {
        clearOutput(false);
    }
}
