package io.jynq.kernel;

import io.jynq.overlay.DefaultHierarchy;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.DriverRegistry;

/**
 * Keeps the driver registry on the class cells compile against. When a cell redefines a driver
 * class, or JShell recompiles one because something it names changed (a variable called
 * {@code overlay} declared by {@code %overlay load ... as overlay} is enough), the registry still
 * holds the old class: the next overlay load would bind it while the facade names the new one
 * ({@code ClassCastException: $JShell$40$ConstantMultiplyDriver cannot be cast to
 * $JShell$40C$ConstantMultiplyDriver}). PYNQ re-registers a redefined driver the same way: its
 * metaclass registers every new subclass.
 */
final class DriverRedefinitions {
    private DriverRedefinitions() {
    }

    /** The evaluator's class-replaced listener: swaps {@code old} for {@code replacement} if old was registered. */
    static void replaced(Class<?> old, Class<?> replacement) {
        if (!DriverRegistry.unregister(old)) {
            return;
        }
        try {
            if (DefaultHierarchy.class.isAssignableFrom(replacement)) {
                DriverRegistry.registerHierarchy(replacement.asSubclass(DefaultHierarchy.class));
            } else if (DefaultIp.class.isAssignableFrom(replacement)) {
                DriverRegistry.register(replacement.asSubclass(DefaultIp.class));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("note: driver " + replacement.getSimpleName() + " was redefined and is no longer"
                    + " registered: " + e.getMessage());
        }
    }
}
