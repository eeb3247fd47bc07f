package io.jynq.testing;

import io.jynq.device.Device;
import io.jynq.device.RegisterSpace;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@link Device} (the simulator, usually) seen through a counter: every register access
 * the object model makes through a window from {@link Device#map} is recorded, reads and writes
 * alike, with the IP's physical address. The window's fast paths ({@code plainMemory},
 * {@code retiredFlag}) are hidden, so no access can go around the count; everything else is the
 * wrapped device's own behaviour.
 */
public final class CountingDevice {
    private final Device device;
    private final List<String> accesses = new ArrayList<>();

    private CountingDevice(Device wrapped) {
        this.device = (Device) Proxy.newProxyInstance(Device.class.getClassLoader(), new Class<?>[] {Device.class},
                (proxy, m, args) -> {
                    Object r = call(wrapped, m, args);
                    return m.getName().equals("map") ? counted((RegisterSpace) r) : r;
                });
    }

    /** Counts the register accesses made through {@code wrapped}. */
    public static CountingDevice of(Device wrapped) {
        return new CountingDevice(wrapped);
    }

    /** The device to hand to the overlay model ({@code LoadOptions.withDevice}, {@code Devices.setActive}). */
    public Device device() {
        return device;
    }

    /** Every access so far, e.g. {@code "write32 0x40400000+0x0 = 0x1"}, in order. */
    public synchronized List<String> accesses() {
        return List.copyOf(accesses);
    }

    /** Forgets the accesses so far. */
    public synchronized void clear() {
        accesses.clear();
    }

    private synchronized void record(String access) {
        accesses.add(access);
    }

    private RegisterSpace counted(RegisterSpace space) {
        InvocationHandler h = (proxy, m, args) -> {
            String n = m.getName();
            if (n.equals("plainMemory") || n.equals("retiredFlag")) {
                return null; // every access through this proxy, none around it
            }
            if (n.startsWith("read") || n.startsWith("write") || n.equals("runProgram")) {
                record(n + " 0x" + Long.toHexString(space.physicalAddress())
                        + (args != null && args.length > 0 && args[0] instanceof Long off ? "+0x" + Long.toHexString(off) : "")
                        + (args != null && args.length > 1 ? " = " + args[1] : ""));
            }
            return call(space, m, args);
        };
        return (RegisterSpace) Proxy.newProxyInstance(RegisterSpace.class.getClassLoader(),
                new Class<?>[] {RegisterSpace.class}, h);
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
