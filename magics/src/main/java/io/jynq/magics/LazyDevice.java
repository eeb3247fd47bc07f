package io.jynq.magics;

import io.jynq.d2l.BoundDevice;
import io.jynq.overlay.Overlay;
import io.jynq.overlay.ops.DeviceOps;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.BiFunction;

/**
 * The object behind a facade's device member ({@code ol.dsp_loopback}): implements the interface
 * the facade generated for the device and opens the device on the first operation called, then
 * forwards every call to {@link DeviceOps#facade}'s typed view of it.
 *
 * <p>Why lazily: opening runs the device's AT_INIT operations, which change the hardware (the
 * bundled {@code DSP_LOOPBACK} resets the DMA and rewrites the FIR taps), and builds the package's
 * C library with gcc (a second or more, and gcc may be missing). {@code %overlay load} should do
 * neither for a user who never calls an operation, and should not fail because of them. A failed
 * opening is not remembered: the next call tries again (after the user fixed the cause).
 */
final class LazyDevice implements InvocationHandler {
    private final Overlay overlay;
    private final String name;
    private final Class<?> type;
    private final BiFunction<Overlay, String, BoundDevice> opener;
    private volatile Object view;

    private LazyDevice(Overlay overlay, String name, Class<?> type, BiFunction<Overlay, String, BoundDevice> opener) {
        this.overlay = overlay;
        this.name = name;
        this.type = type;
        this.opener = opener;
    }

    /** A {@code type} whose operations open device {@code name} of {@code overlay} on first call. */
    static Object of(Overlay overlay, String name, Class<?> type) {
        return of(overlay, name, type, DeviceOps::open);
    }

    /** As {@link #of(Overlay, String, Class)}, opening with {@code opener} (tests count openings). */
    static Object of(Overlay overlay, String name, Class<?> type, BiFunction<Overlay, String, BoundDevice> opener) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface");
        }
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new LazyDevice(overlay, name, type, opener));
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
        if (m.getDeclaringClass() == Object.class) {
            return switch (m.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> view == null ? name + " of " + overlay.name() + " (not opened yet: opens on the first call)"
                        : view.toString();
            };
        }
        Object v = open();
        // the typed view is a DeviceFacade proxy: hand the call to its handler, no reflection needed
        return Proxy.getInvocationHandler(v).invoke(v, m, args);
    }

    private Object open() {
        Object v = view;
        if (v != null) {
            return v;
        }
        synchronized (this) {
            if (view == null) {
                try {
                    view = DeviceOps.facade(opener.apply(overlay, name), type);
                } catch (RuntimeException e) {
                    throw new DeviceOpenException(name, overlay.name(), e);
                }
            }
            return view;
        }
    }
}
