package io.jynq.overlay;

import io.jynq.device.IrqLine;
import io.jynq.metadata.Hierarchy;
import io.jynq.metadata.InterruptController;
import io.jynq.metadata.InterruptPin;
import io.jynq.metadata.IpDescription;
import io.jynq.mmio.Mmio;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The drivers, hierarchies, interrupt controllers and interrupts one {@link Overlay} has handed
 * out since its last download, created on first request (PYNQ's {@code _IPMap}).
 */
final class OverlayDrivers {
    private static final System.Logger LOG = System.getLogger(Overlay.class.getName());

    private final Overlay overlay;
    private final Map<String, DefaultIp> bound = new HashMap<>();
    private final Map<String, DefaultIp> typed = new HashMap<>();
    private final Map<String, DefaultHierarchy> hierarchies = new HashMap<>();
    private final Map<String, IntcController> controllers = new HashMap<>();
    private final Map<String, Interrupt> interrupts = new HashMap<>();

    OverlayDrivers(Overlay overlay) {
        this.overlay = overlay;
    }

    synchronized void clear() {
        bound.clear();
        typed.clear();
        hierarchies.clear();
        controllers.clear();
        interrupts.clear();
    }

    /** Forgets the drivers and hierarchies under {@code prefix} (a partial region reloaded). */
    synchronized void forget(String prefix) {
        bound.keySet().removeIf(k -> k.startsWith(prefix));
        typed.keySet().removeIf(k -> k.startsWith(prefix));
        hierarchies.keySet().removeIf(k -> k.startsWith(prefix) || (k + "/").equals(prefix));
    }

    synchronized DefaultIp ip(IpDescription d) {
        DefaultIp ip = bound.get(d.name());
        if (ip == null) {
            Class<? extends DefaultIp> c = DriverRegistry.boundDriver(d, overlay.ignoreVersion());
            try {
                ip = create(c, d);
            } catch (UnsupportedConfigurationException e) {
                LOG.log(Level.WARNING, "{0}: {1} cannot drive this configuration, using DefaultIp: {2}",
                        d.name(), c.getSimpleName(), e.getMessage());
                ip = new DefaultIp(overlay, d);
            }
            bound.put(d.name(), ip);
        }
        return ip;
    }

    synchronized <T extends DefaultIp> T ip(IpDescription d, Class<T> type) {
        DefaultIp b = ip(d);
        if (type.isInstance(b)) {
            return type.cast(b);
        }
        String key = d.name() + "|" + type.getName();
        DefaultIp t = typed.get(key);
        if (t == null) {
            t = create(type, d);
            typed.put(key, t);
        }
        return type.cast(t);
    }

    private <T extends DefaultIp> T create(Class<T> c, IpDescription d) {
        try {
            return c.getConstructor(Overlay.class, IpDescription.class).newInstance(overlay, d);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(c.getName() + " needs a public constructor (Overlay, IpDescription)", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException("driver " + c.getName() + " failed for " + d.name() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create driver " + c.getName() + " for " + d.name() + ": " + e, e);
        }
    }

    synchronized DefaultHierarchy hierarchy(Hierarchy h) {
        DefaultHierarchy dh = hierarchies.get(h.fullpath());
        if (dh == null) {
            Class<? extends DefaultHierarchy> c = DriverRegistry.hierarchyFor(h);
            try {
                dh = c.getConstructor(Overlay.class, Hierarchy.class).newInstance(overlay, h);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                throw new IllegalStateException(c.getName() + " failed for " + h.fullpath(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot create " + c.getName() + " for " + h.fullpath() + ": " + e, e);
            }
            hierarchies.put(h.fullpath(), dh);
        }
        return dh;
    }

    synchronized Interrupt interrupt(InterruptPin p) {
        Interrupt irq = interrupts.get(p.fullpath());
        if (irq == null) {
            if (p.controller() == null || p.controller().isEmpty()) {
                irq = new Interrupt(p.fullpath(), overlay.device().irq(requireRaw(p.rawIrq(), p.fullpath())), null, p.index());
            } else {
                IntcController c = controller(p.controller(), 0);
                irq = new Interrupt(p.fullpath(), rootLine(p.controller(), 0), c, p.index());
            }
            interrupts.put(p.fullpath(), irq);
        }
        return irq;
    }

    private IntcController controller(String name, int depth) {
        IntcController c = controllers.get(name);
        if (c == null) {
            InterruptController ic = describe(name, depth);
            IpDescription d = overlay.metadata().ip(name);
            IntcController parent = ic.parent() == null || ic.parent().isEmpty() ? null : controller(ic.parent(), depth + 1);
            c = new IntcController(name, new Mmio(overlay.device(), d.physAddr(), d.addrRange(), name), parent, ic.index());
            controllers.put(name, c);
        }
        return c;
    }

    private IrqLine rootLine(String name, int depth) {
        InterruptController ic = describe(name, depth);
        if (ic.parent() == null || ic.parent().isEmpty()) {
            return overlay.device().irq(requireRaw(ic.rawIrq(), name));
        }
        return rootLine(ic.parent(), depth + 1);
    }

    private InterruptController describe(String name, int depth) {
        if (depth > 16) {
            throw new IllegalStateException("interrupt controllers chained more than 16 deep at " + name);
        }
        InterruptController ic = overlay.interruptControllers().get(name);
        if (ic == null) {
            throw new NoSuchElementException("interrupt controller " + name + " is not in interrupt_controllers: "
                    + overlay.interruptControllers().keySet());
        }
        return ic;
    }

    private static int requireRaw(Integer raw, String what) {
        if (raw == null) {
            throw new IllegalStateException(what + " reaches the PS without a raw IRQ number in the .hwh");
        }
        return raw;
    }
}
