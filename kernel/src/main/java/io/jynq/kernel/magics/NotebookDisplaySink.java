package io.jynq.kernel.magics;

import io.jynq.kernel.display.Notebook;
import io.jynq.render.DisplaySink;

/**
 * The magics layer's display seam ({@code io.jynq.render.Displays}: live plots, progress bars,
 * {@code %plot}) routed to the notebook through the kernel's {@link Notebook} statics, which
 * render with the kernel's renderers at call time.
 */
final class NotebookDisplaySink implements DisplaySink {
    @Override
    public String display(Object o) {
        return Notebook.display(o);
    }

    @Override
    public void update(String displayId, Object o) {
        Notebook.updateDisplay(displayId, o);
    }
}
