package io.jynq.render;

/**
 * Where notebook outputs go, the one display seam: the kernel's display_data /
 * update_display_data / clear_output in Jupyter, the console in JShell. Implementations render
 * with {@link Renderers#render(Object)} (a {@link MimeBundle} passes as it is) and transport the
 * bundle; they hold no renderers of their own. The kernel installs its own with {@link Displays#install(DisplaySink)};
 * magics and plots call only this interface (the layer rule forbids importing the kernel).
 *
 * <p>Contract for implementations: render {@code o} before returning (callers mutate the same
 * chart or state object afterwards), never throw for an unknown type (fall back to
 * {@code toString()}), and accept calls from any thread: trailing updates of rate-limited
 * outputs come from the {@link DisplayTimer} thread. A Jupyter kernel can only publish while a
 * cell runs (JJava drops display messages outside an execute_request), so it should call
 * {@link Displays#flushPending()} before each execute_reply, and may drop updates that arrive
 * between cells.
 */
public interface DisplaySink {

    /**
     * Shows {@code o} as a new output and returns the display id that later updates name.
     *
     * @param o a chart, table, {@link ProgressState} or any object
     * @return an id unique within this sink
     */
    String display(Object o);

    /**
     * Replaces the output shown under {@code displayId} by {@code o}, in place.
     *
     * @throws IllegalArgumentException if the id was not returned by {@link #display(Object)}
     */
    void update(String displayId, Object o);

    /**
     * Clears the output of the cell now running, as IPython's {@code clear_output(wait)}.
     *
     * @param wait true to clear only when the next output arrives (no flicker in a loop that
     *     redraws), false to clear at once
     */
    void clearOutput(boolean wait);
}
