package io.jynq.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

/** What {@link Notebook} needs from the running kernel; the JYNQ kernel implements it. */
public interface DisplaySink {
    Renderer renderer();

    /** Publishes a display (any thread, any time). */
    void display(DisplayData data);

    /** Replaces the display with this id (any thread, any time). */
    void updateDisplay(String id, DisplayData data);

    /** Sends {@code clear_output} for the running cell; with {@code wait}, the clear happens at the next output. */
    void clearOutput(boolean wait);
}
