package io.jynq.kernel;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import io.jynq.render.MimeBundle;
import io.jynq.render.Renderers;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

/**
 * An extension as the magics module will write one (found through META-INF/services): a magic
 * that defines a variable for the rest of its cell, a renderer by class, and startup code.
 */
public final class TestExtension implements Extension {
    /** A domain object the extension knows how to render. */
    public static final class Widget {
        @Override
        public String toString() {
            return "Widget[]";
        }
    }

    @Override
    public void install(BaseKernel kernel) {
        kernel.getMagicsRegistry().registerLineMagic("defx", (LineMagic<Object, BaseKernel>) (k, args) -> {
            k.evalRaw("int fromMagic = " + Integer.parseInt(args.get(0)) + ";");
            return null;
        });
        Renderers.register(Widget.class, w -> MimeBundle.html("<b>widget</b>", w.toString()));
        kernel.evalRaw("int fromExtension = 1;");
    }

}
