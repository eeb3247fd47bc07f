package io.jynq.magics;

import io.jynq.buffer.ContiguousBuffer;
import io.jynq.facade.OverlayFacade;
import io.jynq.metadata.IpDescription;
import io.jynq.mmio.RegisterMap;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.Overlay;
import io.jynq.render.Grid;
import io.jynq.render.MimeBundle;
import io.jynq.render.Renderers;
import io.jynq.render.overlay.BufferHtml;
import io.jynq.render.overlay.DictTables;
import io.jynq.render.overlay.IpHtml;
import io.jynq.render.overlay.OverlayHtml;
import io.jynq.render.overlay.RegisterMapHtml;
import java.util.Map;
import java.util.function.Function;

/**
 * The object model's renderers (text/html with text/plain beside), added to {@link Renderers}
 * through {@code META-INF/services}: {@link Overlay} and its typed facades, {@link DefaultIp}
 * (any driver: description and register map), {@link IpDescription}, {@link RegisterMap} (live
 * values), {@link ContiguousBuffer}, a magic's {@link View}, and PYNQ's dictionaries
 * ({@code ipDict()}, {@code interruptPins()}, {@code gpioDict()}, {@code hierarchyDict()},
 * {@code interruptControllers()}) as tables.
 */
public final class ModelRenderers implements Renderers.Provider {

    @Override
    public void register() {
        add(Overlay.class, ol -> OverlayHtml.html(ol.name(), ol.metadata(), driverOf(ol), state(ol)),
                ol -> OverlayHtml.text(ol.name(), ol.metadata(), driverOf(ol), state(ol)));
        Renderers.register(OverlayFacade.class, f -> f.overlay() instanceof Overlay ol ? Renderers.render(ol)
                : MimeBundle.text(String.valueOf(f.overlay())));
        add(DefaultIp.class, ip -> IpHtml.html(ip.description(), ip.getClass().getSimpleName()),
                ip -> IpHtml.text(ip.description(), ip.getClass().getSimpleName()));
        add(IpDescription.class, d -> IpHtml.html(d, null), d -> IpHtml.text(d, null));
        add(RegisterMap.class, RegisterMapHtml::html, RegisterMapHtml::text);
        add(ContiguousBuffer.class, BufferHtml::html, ContiguousBuffer::toString);
        add(View.class, View::html, View::text);
        // maps of anything else decline and show as toString()
        Renderers.register(Map.class, m -> {
            Grid g = DictTables.of(m);
            return g == null ? null : g.bundle();
        });
    }

    /** The bound driver's simple name when the overlay is on the PL (drivers need it), else null. */
    private static Function<IpDescription, String> driverOf(Overlay ol) {
        if (!ol.isLoaded()) {
            return null;
        }
        return d -> {
            if (d.processingSystem()) {
                return "";
            }
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

    private static <T> void add(Class<T> type, Function<T, String> html, Function<T, String> text) {
        Renderers.register(type, o -> MimeBundle.html(html.apply(o), text.apply(o)));
    }
}
