package io.jynq.kernel;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
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
        kernel.getRenderer().createRegistration(Widget.class)
                .preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((w, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> "<b>widget</b>");
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, w::toString);
                });
        kernel.evalRaw("int fromExtension = 1;");
    }

}
