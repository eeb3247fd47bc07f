package io.jynq.overlay;

import io.jynq.metadata.Hierarchy;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.Vlnv;
import io.jynq.metadata.VlnvBinding;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Which driver class drives which IP (PYNQ's {@code RegisterIP} metaclass and
 * {@code _assign_drivers}): drivers listed by every {@link DriverProvider} on the class path,
 * plus those registered at run time (e.g. from a notebook cell). A later registration for the
 * same VLNV wins, as a later subclass does in PYNQ.
 *
 * <p>Rule, per IP: {@link VlnvBinding}'s, shared with the simulation models (the exact VLNV's
 * driver; else a driver for the same vendor, library and name but another version, used only with
 * {@code ignoreVersion}, otherwise a warning and {@link DefaultIp}); else a library-wide binding ({@code "*:hls:*:*"}); else {@link DefaultIp}.
 */
public final class DriverRegistry {
    private static final System.Logger LOG = System.getLogger(DriverRegistry.class.getName());

    private static final Map<String, Class<? extends DefaultIp>> EXACT = new java.util.LinkedHashMap<>();
    private static final Map<String, Class<? extends DefaultIp>> BY_LIBRARY = new HashMap<>();
    private static final List<Class<? extends DefaultHierarchy>> HIERARCHIES = new ArrayList<>();
    private static boolean loaded;

    private DriverRegistry() {}

    /**
     * Registers a driver class for the VLNVs of its {@link BindTo}.
     *
     * @throws IllegalArgumentException if the class lacks {@code @BindTo}, a VLNV in it is malformed,
     *         or it has no public {@code (Overlay, IpDescription)} constructor
     */
    public static synchronized void register(Class<? extends DefaultIp> driver) {
        ensureLoaded();
        add(driver);
    }

    /**
     * Registers a hierarchy driver; it claims a hierarchy when its static
     * {@code checkHierarchy(Hierarchy)} returns true. Later registrations are tried first.
     *
     * @throws IllegalArgumentException if the class lacks that method or the {@code (Overlay, Hierarchy)} constructor
     */
    public static synchronized void registerHierarchy(Class<? extends DefaultHierarchy> driver) {
        ensureLoaded();
        addHierarchy(driver);
    }

    /**
     * Forgets a driver or hierarchy class registered earlier (e.g. a notebook cell's, before it is
     * redefined); VLNVs it had taken over from another class fall back to {@link DefaultIp}.
     *
     * @return whether the class was registered
     */
    public static synchronized boolean unregister(Class<?> driver) {
        ensureLoaded();
        boolean removed = EXACT.values().removeIf(c -> c == driver);
        removed |= BY_LIBRARY.values().removeIf(c -> c == driver);
        removed |= HIERARCHIES.remove(driver);
        return removed;
    }

    private static void add(Class<? extends DefaultIp> driver) {
        BindTo b = driver.getAnnotation(BindTo.class);
        if (b == null) {
            throw new IllegalArgumentException(driver.getName() + " has no @BindTo(\"vendor:library:name:version\")");
        }
        try {
            driver.getConstructor(Overlay.class, IpDescription.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(driver.getName() + " needs a public constructor (Overlay, IpDescription)");
        }
        for (String text : b.value()) {
            Vlnv v = Vlnv.parse(text);
            if (v.name().equals("*")) {
                BY_LIBRARY.put(v.vendor() + ":" + v.library(), driver);
                BY_LIBRARY.put("*:" + v.library(), driver);
            } else {
                EXACT.put(v.toString(), driver);
            }
        }
    }

    private static void addHierarchy(Class<? extends DefaultHierarchy> driver) {
        checkMethod(driver);
        try {
            driver.getConstructor(Overlay.class, Hierarchy.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(driver.getName() + " needs a public constructor (Overlay, Hierarchy)");
        }
        HIERARCHIES.remove(driver);
        HIERARCHIES.add(0, driver);
    }

    private static Method checkMethod(Class<?> driver) {
        try {
            Method m = driver.getMethod("checkHierarchy", Hierarchy.class);
            if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != boolean.class) {
                throw new NoSuchMethodException();
            }
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(driver.getName()
                    + " needs a public static boolean checkHierarchy(Hierarchy)");
        }
    }

    private static void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        for (DriverProvider p : ServiceLoader.load(DriverProvider.class, DriverRegistry.class.getClassLoader())) {
            p.drivers().forEach(DriverRegistry::add);
            p.hierarchies().forEach(DriverRegistry::addHierarchy);
        }
    }

    /** The driver class for {@code ip}, by the rule in the class comment; logs the version warning. */
    static synchronized Class<? extends DefaultIp> driverFor(IpDescription ip, boolean ignoreVersion) {
        ensureLoaded();
        Vlnv v = ip.vlnv();
        if (v == null || ip.processingSystem()) {
            return DefaultIp.class;
        }
        boolean[] otherVersion = {false};
        Class<? extends DefaultIp> c = VlnvBinding.find(v, List.of(EXACT), ignoreVersion, ip.name(), "driver",
                "DefaultIp", note -> {
                    otherVersion[0] = true;
                    LOG.log(Level.WARNING, note + " (LoadOptions.defaults().withIgnoreVersion())");
                });
        if (c != null || otherVersion[0]) {
            return c == null ? DefaultIp.class : c;
        }
        c = BY_LIBRARY.get(v.vendor() + ":" + v.library());
        if (c == null) {
            c = BY_LIBRARY.get("*:" + v.library());
        }
        return c == null ? DefaultIp.class : c;
    }

    /**
     * The driver class {@code ip} gets, without constructing it: {@link #driverFor}, unless that
     * class declares {@code public static void checkConfiguration(IpDescription)} and it refuses
     * this configuration ({@link UnsupportedConfigurationException}): then {@link DefaultIp}, with a
     * warning, as PYNQ falls back on {@code UnsupportedConfiguration}.
     */
    static Class<? extends DefaultIp> boundDriver(IpDescription ip, boolean ignoreVersion) {
        Class<? extends DefaultIp> c = driverFor(ip, ignoreVersion);
        Method check;
        try {
            check = c.getMethod("checkConfiguration", IpDescription.class);
        } catch (NoSuchMethodException e) {
            return c;
        }
        if (!Modifier.isStatic(check.getModifiers())) {
            return c;
        }
        try {
            check.invoke(null, ip);
            return c;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof UnsupportedConfigurationException u) {
                LOG.log(Level.WARNING, "{0}: {1} cannot drive this configuration, using DefaultIp: {2}",
                        ip.name(), c.getSimpleName(), u.getMessage());
                return DefaultIp.class;
            }
            throw new IllegalStateException(c.getName() + ".checkConfiguration failed on " + ip.name() + ": "
                    + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(c.getName() + ".checkConfiguration is not accessible", e);
        }
    }

    /** The newest hierarchy driver claiming {@code h}, or {@link DefaultHierarchy}. */
    static synchronized Class<? extends DefaultHierarchy> hierarchyFor(Hierarchy h) {
        ensureLoaded();
        for (Class<? extends DefaultHierarchy> c : HIERARCHIES) {
            try {
                if ((Boolean) checkMethod(c).invoke(null, h)) {
                    return c;
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(c.getName() + ".checkHierarchy is not accessible", e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(c.getName() + ".checkHierarchy failed on " + h.fullpath() + ": "
                        + e.getCause(), e.getCause());
            }
        }
        return DefaultHierarchy.class;
    }
}
