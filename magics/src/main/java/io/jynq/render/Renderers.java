package io.jynq.render;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * The one renderer registry: how a cell's value and every {@code display(x)} become a
 * {@link MimeBundle}, in the notebook (the kernel publishes the bundle) and in JShell
 * ({@link ConsoleSink} prints its text/plain). The most specific registered type wins: the
 * object's class, then its superclasses, then its interfaces; a renderer may decline (return
 * null), e.g. a {@code Map} renderer for maps of IP descriptions only. Without one, text/plain is
 * {@code toString()} ({@code Arrays.deepToString} for arrays).
 *
 * <p>Registered here: XChart charts (image/png at the chart's size, text), Tablesaw tables
 * (text/html, text), {@link ProgressState}, images. Higher packages add theirs through a
 * {@link Provider} listed in {@code META-INF/services} (the object model's views live in
 * {@code io.jynq.magics.ModelRenderers}), loaded on first use. Thread-safe.
 */
public final class Renderers {
    /** Adds renderers to the registry; found by {@link ServiceLoader}. */
    public interface Provider {
        void register();
    }

    private static final Map<Class<?>, Function<Object, MimeBundle>> BY_TYPE = new ConcurrentHashMap<>();
    private static volatile boolean providersLoaded;

    static {
        put(Chart.class, c -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(MimeBundle.PNG, Base64.getEncoder().encodeToString(ChartPng.encode(c)));
            m.put(MimeBundle.TEXT, ConsoleSink.chartText(c));
            return new MimeBundle(m);
        });
        put(Table.class, t -> MimeBundle.html(TableHtml.render(t), t.print()));
        put(ProgressState.class, s -> MimeBundle.html(ProgressBar.html(s), ProgressBar.text(s)));
        put(RenderedImage.class, img -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(MimeBundle.PNG, Base64.getEncoder().encodeToString(png(img)));
            m.put(MimeBundle.TEXT, "image " + img.getWidth() + "x" + img.getHeight() + " px");
            return new MimeBundle(m);
        });
    }

    private Renderers() {
    }

    /**
     * Renders {@code type} and its subtypes with {@code renderer} from now on, replacing an earlier
     * renderer of exactly that type.
     *
     * @param renderer gives the bundle, or null to leave the object to a less specific renderer
     */
    public static <T> void register(Class<T> type, Function<? super T, MimeBundle> renderer) {
        loadProviders(); // so that a provider loaded later cannot replace the caller's renderer
        put(type, renderer);
    }

    @SuppressWarnings("unchecked")
    private static <T> void put(Class<T> type, Function<? super T, MimeBundle> renderer) {
        BY_TYPE.put(type, o -> ((Function<Object, MimeBundle>) renderer).apply(o));
    }

    /** {@code o} in every MIME type its renderer gives; {@code null} is "null". */
    public static MimeBundle render(Object o) {
        if (o == null) {
            return MimeBundle.text("null");
        }
        if (o instanceof MimeBundle b) {
            return b;
        }
        loadProviders();
        for (Class<?> type : lookupOrder(o.getClass())) {
            Function<Object, MimeBundle> r = BY_TYPE.get(type);
            if (r != null) {
                MimeBundle b = r.apply(o);
                if (b != null) {
                    return b;
                }
            }
        }
        return MimeBundle.text(o.getClass().isArray() ? arrayText(o) : String.valueOf(o));
    }

    /**
     * {@code o} in the given MIME types only (those its renderer gives; text/plain always), e.g.
     * {@code render(chart, "image/svg+xml")}. A chart also renders as SVG when asked.
     */
    public static MimeBundle render(Object o, String... mimeTypes) {
        if (mimeTypes.length == 0) {
            return render(o);
        }
        MimeBundle all = render(o);
        Map<String, String> m = new LinkedHashMap<>();
        for (String type : mimeTypes) {
            String v = all.get(type);
            if (v == null && MimeBundle.SVG.equals(type) && o instanceof Chart<?, ?> c) {
                v = ChartPng.svg(c);
            }
            if (v != null) {
                m.put(type, v);
            }
        }
        m.putIfAbsent(MimeBundle.TEXT, all.text());
        return new MimeBundle(m);
    }

    /** {@code [1, 2, 3]} rather than {@code [I@1b6d3586}. */
    static String arrayText(Object array) {
        String s = Arrays.deepToString(new Object[] {array});
        return s.substring(1, s.length() - 1);
    }

    private static Iterable<Class<?>> lookupOrder(Class<?> c) {
        Set<Class<?>> order = new java.util.LinkedHashSet<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            order.add(k);
        }
        Deque<Class<?>> todo = new ArrayDeque<>(order);
        Set<Class<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            for (Class<?> i : todo.removeFirst().getInterfaces()) {
                if (seen.add(i)) {
                    order.add(i);
                    todo.addLast(i);
                }
            }
        }
        order.remove(Object.class);
        return order;
    }

    private static void loadProviders() {
        if (!providersLoaded) {
            synchronized (Renderers.class) {
                if (!providersLoaded) {
                    providersLoaded = true;
                    for (Provider p : ServiceLoader.load(Provider.class, Renderers.class.getClassLoader())) {
                        p.register();
                    }
                }
            }
        }
    }

    private static byte[] png(RenderedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding of an image failed", e);
        }
        return out.toByteArray();
    }
}
