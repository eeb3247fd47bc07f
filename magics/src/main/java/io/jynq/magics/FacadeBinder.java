package io.jynq.magics;

import io.jynq.d2l.DeviceDescription;
import io.jynq.facade.DeviceLookup;
import io.jynq.facade.DriverTypes;
import io.jynq.facade.FacadeGenerator;
import io.jynq.facade.IpLookup;
import io.jynq.facade.OverlayFacade;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.Overlay;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

/**
 * Compiles an overlay's typed facade in the session and binds it to a variable: the class (e.g.
 * {@code DspLoopbackOverlay}) is one snippet, then {@code DspLoopbackOverlay ol =
 * FacadeBinder.facade(DspLoopbackOverlay.class, "h1");} another, both run right after the magic.
 * Where the overlay's package describes devices, the facade has a member per device
 * ({@code ol.dsp_loopback}) backed by a {@link LazyDevice}, opened on its first call.
 */
public final class FacadeBinder {
    private FacadeBinder() {
    }

    /** What {@link #bind} made: the class name and the field of each device (device name → field). */
    record Bound(String className, Map<String, String> deviceFields) {
    }

    /**
     * Submits the facade class of {@code ol} and the declaration of {@code variable}.
     *
     * @return the facade's class name and device fields
     */
    static Bound bind(MagicContext ctx, Overlay ol, String variable) {
        String cls = FacadeGenerator.defaultClassName(ol.name());
        // typed from the driver registry: no driver is constructed to learn its class (PYNQ's _IPMap)
        DriverTypes types = new DriverTypes() {
            @Override
            public String driverClassName(io.jynq.metadata.IpDescription ip) {
                return sourceName(ol.driverClass(ip.name()));
            }

            @Override
            public String hierarchyClassName(String path) {
                Class<?> c = ol.hierarchyClass(path);
                return c == io.jynq.overlay.DefaultHierarchy.class ? null : sourceName(c);
            }
        };
        List<DeviceDescription> devices = PackageDevices.of(ol, ctx.err());
        Class<?> overlayType = nameable(ol.getClass());
        FacadeGenerator.Facade facade = new FacadeGenerator(types).facade(ol.metadata(), cls, overlayType, devices);
        ctx.evalJava(facade.source());
        String key = Handoff.put(ol);
        ctx.evalJava(cls + " " + variable + " = " + FacadeBinder.class.getName() + ".facade(" + cls + ".class, \"" + key + "\");");
        return new Bound(cls, facade.deviceFields());
    }

    /**
     * Builds the facade object: called by the snippet {@link #bind} submits, with the facade class
     * JShell just compiled. Its device members are {@link LazyDevice}s: nothing is opened here.
     *
     * @param key the {@link Handoff} key of the overlay
     * @throws IllegalStateException if the class is not a facade or its constructor failed
     */
    public static <T> T facade(Class<T> facadeClass, String key) {
        Overlay ol = (Overlay) Handoff.take(key);
        if (!OverlayFacade.class.isAssignableFrom(facadeClass)) {
            throw new IllegalStateException(facadeClass.getName() + " is not a generated overlay facade");
        }
        IpLookup lookup = new IpLookup() {
            @Override
            public Object ip(String name) {
                return driver(ol, name);
            }

            @Override
            public Object hierarchy(String path) {
                return ol.hierarchy(path);
            }
        };
        DeviceLookup devices = (name, type) -> LazyDevice.of(ol, name, type);
        try {
            for (java.lang.reflect.Constructor<?> c : facadeClass.getConstructors()) {
                Class<?>[] p = c.getParameterTypes();
                if (p.length == 3 && p[0].isInstance(ol)) {
                    return facadeClass.cast(c.newInstance(ol, lookup, devices));
                }
                if (p.length == 2 && p[0].isInstance(ol)) {
                    return facadeClass.cast(c.newInstance(ol, lookup));
                }
            }
            throw new NoSuchMethodException(facadeClass.getName() + "(" + ol.getClass().getName() + ", ...)");
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException ? (RuntimeException) c : new IllegalStateException(c);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("facade " + facadeClass.getName() + " has no (Overlay, IpLookup[, DeviceLookup]) constructor", e);
        }
    }

    /**
     * Rebinds {@code variable} to the typed facade of {@code value}, an overlay (of any subclass) or
     * a facade of one: called by the snippet {@code %overlay facade VAR} submits, so that an
     * overlay a cell made ({@code var ol = new TestOverlay("base.bit")}) gets its IP as fields and
     * keeps its own members.
     *
     * @param contextKey the {@link Handoff} key of the magic's context
     * @throws MagicUsageException if {@code value} is not an overlay, or not loaded
     */
    public static void rebind(String contextKey, Object value, String variable) {
        MagicContext ctx = (MagicContext) Handoff.take(contextKey);
        Object o = value instanceof OverlayFacade f ? f.overlay() : value;
        if (!(o instanceof Overlay ol)) {
            throw new MagicUsageException("%overlay facade " + variable + ": " + variable + " holds "
                    + (o == null ? "null" : "a " + o.getClass().getSimpleName()) + ", not an Overlay");
        }
        if (!ol.isLoaded()) {
            throw new MagicUsageException("%overlay facade " + variable + ": " + ol + " is not loaded in the PL; "
                    + variable + ".download() first");
        }
        LoadedOverlay.set(ol);
        Bound b = bind(ctx, ol, variable);
        ctx.out().println(variable + " = " + b.className() + " (typed facade of " + ol + ")");
    }

    /** The class itself if session code can name it, else its nearest such superclass (Overlay at worst). */
    private static Class<?> nameable(Class<?> c) {
        Class<?> k = c;
        while (k != Overlay.class && (k.getCanonicalName() == null || !(Modifier.isPublic(k.getModifiers())
                || k.getName().startsWith("REPL.")))) {
            k = k.getSuperclass();
        }
        return k;
    }

    /**
     * The driver the overlay binds to {@code name}; a {@link DefaultIp} with a warning on the cell's
     * stderr if the bound driver fails to start, so one faulty driver does not lose the others.
     */
    static DefaultIp driver(Overlay ol, String name) {
        try {
            return ol.ip(name);
        } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException e) {
            if (!ol.isLoaded()) {
                throw e;
            }
            System.err.println(name + ": driver failed (" + e.getMessage() + "); using DefaultIp");
            return new DefaultIp(ol, ol.metadata().ip(name));
        }
    }

    /**
     * How JShell source names a driver class: its canonical name, the simple name for a class a
     * cell declared (JShell's {@code REPL.$JShell$N} wrapper cannot be named), the nearest public
     * superclass for a class that is not public.
     */
    static String sourceName(Class<?> c) {
        Class<?> k = c;
        while (k != null && ((!Modifier.isPublic(k.getModifiers()) && !k.getName().startsWith("REPL.")) || k.getCanonicalName() == null)) {
            k = k.getSuperclass();
        }
        if (k == null) {
            return DefaultIp.class.getName();
        }
        return io.jynq.facade.JavaNames.typeName(k);
    }
}
