package io.jynq.kernel.display;

import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The calls a notebook cell makes to show things; the kernel imports them statically at startup,
 * so a cell writes {@code display(chart)} and {@code updateDisplay(id, chart)}.
 *
 * <pre>{@code
 * String id = display("starting...");
 * for (int i = 1; i <= 10; i++) { Thread.sleep(100); updateDisplay(id, i * 10 + " %"); }
 * }</pre>
 * Rendering picks the richest MIME type registered for the object's class: XChart charts as
 * image/png, {@code BufferedImage} as image/png, Tablesaw tables as text/html, anything else
 * as text/plain from {@code toString()}. Works from background threads too: as in ipykernel, the
 * output lands under the cell running at the time, or the last cell when none runs.
 * {@code clearOutput(true)} before each frame makes a cell animate in place.
 *
 * @throws NullPointerException (every method) if called outside a running kernel
 */
public final class Notebook {
    private Notebook() {
    }

    private static DisplaySink sink() {
        BaseKernel k = BaseKernel.notebookKernel();
        if (!(k instanceof DisplaySink)) {
            throw new IllegalStateException("the running kernel " + k.getClass().getName() + " is not the JYNQ kernel");
        }
        return (DisplaySink) k;
    }

    /** Renders {@code o} with the registered renderers, without showing it. */
    public static DisplayData render(Object o) {
        return sink().renderer().render(o);
    }

    /**
     * Renders {@code o} as the given MIME types, e.g. {@code render(chart, "image/svg+xml")}.
     *
     * @param mimeTypes types such as {@code text/html}, {@code image/png}, {@code image/svg+xml}
     */
    public static DisplayData render(Object o, String... mimeTypes) {
        return sink().renderer().renderAs(o, mimeTypes);
    }

    /** Shows {@code o} below the cell now. @return the display id for {@link #updateDisplay} */
    public static String display(Object o) {
        return show(o instanceof DisplayData ? (DisplayData) o : render(o));
    }

    /** Shows {@code o} as the given MIME types. @return the display id for {@link #updateDisplay} */
    public static String display(Object o, String... mimeTypes) {
        return show(render(o, mimeTypes));
    }

    private static String show(DisplayData data) {
        String id = data.getDisplayId();
        if (id == null) {
            id = UUID.randomUUID().toString();
            data.setDisplayId(id);
        }
        sink().display(data);
        return id;
    }

    /** Replaces the output {@link #display} showed under {@code id} with {@code o}, in place. */
    public static void updateDisplay(String id, Object o) {
        sink().updateDisplay(id, o instanceof DisplayData ? (DisplayData) o : render(o));
    }

    /** Replaces the output under {@code id} with {@code o} rendered as the given MIME types. */
    public static void updateDisplay(String id, Object o, String... mimeTypes) {
        sink().updateDisplay(id, render(o, mimeTypes));
    }

    /**
     * Clears the running cell's outputs (Jupyter's {@code clear_output}, IPython's
     * {@code clear_output(wait)}).
     *
     * @param wait true to clear only when the next output arrives, so an animation does not flicker
     */
    public static void clearOutput(boolean wait) {
        sink().clearOutput(wait);
    }

    /** {@link #clearOutput(boolean) clearOutput(false)}: clears at once. */
    public static void clearOutput() {
        clearOutput(false);
    }
}
