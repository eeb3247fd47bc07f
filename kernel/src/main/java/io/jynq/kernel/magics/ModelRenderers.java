package io.jynq.kernel.magics;

import io.jynq.buffer.ContiguousBuffer;
import io.jynq.facade.OverlayFacade;
import io.jynq.magics.View;
import io.jynq.metadata.IpDescription;
import io.jynq.mmio.RegisterMap;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.Overlay;
import io.jynq.render.ProgressBar;
import io.jynq.render.ProgressState;
import io.jynq.render.overlay.BufferHtml;
import io.jynq.render.overlay.IpHtml;
import io.jynq.render.overlay.OverlayHtml;
import io.jynq.render.overlay.RegisterMapHtml;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Registers text/html (with text/plain beside) for the object model: {@link Overlay} and its
 * typed facades, {@link DefaultIp} (any driver: description and register map), {@link IpDescription},
 * {@link RegisterMap} (live values), {@link ContiguousBuffer}, a magic's {@link View}, and the
 * progress bars of {@code io.jynq.render}.
 */
final class ModelRenderers {
    private ModelRenderers() {
    }

    static void register(Renderer r) {
        add(r, Overlay.class, ol -> OverlayHtml.html(ol.name(), ol.metadata(), driverOf(ol), state(ol)),
                ol -> OverlayHtml.text(ol.name(), ol.metadata(), driverOf(ol), state(ol)));
        add(r, OverlayFacade.class, f -> overlayHtml(f.overlay(), true), f -> overlayHtml(f.overlay(), false));
        add(r, DefaultIp.class, ip -> IpHtml.html(ip.description(), ip.getClass().getSimpleName()),
                ip -> IpHtml.text(ip.description(), ip.getClass().getSimpleName()));
        add(r, IpDescription.class, d -> IpHtml.html(d, null), d -> IpHtml.text(d, null));
        add(r, RegisterMap.class, RegisterMapHtml::html, RegisterMapHtml::text);
        add(r, ContiguousBuffer.class, BufferHtml::html, ContiguousBuffer::toString);
        add(r, View.class, View::html, View::text);
        add(r, ProgressState.class, ProgressBar::html, ProgressBar::text);
    }

    private static String overlayHtml(Object overlay, boolean html) {
        if (!(overlay instanceof Overlay)) {
            return String.valueOf(overlay);
        }
        Overlay ol = (Overlay) overlay;
        return html ? OverlayHtml.html(ol.name(), ol.metadata(), driverOf(ol), state(ol))
                : OverlayHtml.text(ol.name(), ol.metadata(), driverOf(ol), state(ol));
    }

    /** The bound driver's simple name when the overlay is on the PL (drivers need it), else null. */
    private static Function<IpDescription, String> driverOf(Overlay ol) {
        if (!ol.isLoaded()) {
            return null;
        }
        return d -> {
            try {
                return ol.ip(d.name()).getClass().getSimpleName();
            } catch (RuntimeException e) {
                return "DefaultIp (" + e.getMessage() + ")";
            }
        };
    }

    private static String state(Overlay ol) {
        return ol.isLoaded() ? "loaded on " + ol.device().name() : "not loaded";
    }

    private static <T> void add(Renderer r, Class<T> type, Function<T, String> html, Function<T, String> text) {
        r.createRegistration(type).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((T o, RenderContext ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, supplier(html, o));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, supplier(text, o));
                });
    }

    private static <T> Supplier<Object> supplier(Function<T, String> f, T o) {
        return () -> f.apply(o);
    }
}
