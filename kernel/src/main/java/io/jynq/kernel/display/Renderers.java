package io.jynq.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * Registers the kernel's own renderers. {@code BufferedImage} (any {@code RenderedImage}) as
 * image/png comes from jjava-jupyter's built-in image renderer, which BaseKernel registers.
 */
public final class Renderers {
    private Renderers() {
    }

    /** Adds XChart and Tablesaw rendering to {@code renderer}. */
    public static void registerDefaults(Renderer renderer) {
        ChartRenderer.register(renderer);
        TableRenderer.register(renderer);
    }
}
