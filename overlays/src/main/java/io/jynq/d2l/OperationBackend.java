package io.jynq.d2l;

import io.jynq.ffi.NativeMemory;
import java.util.List;

/**
 * What device operations need from a loaded overlay; the overlay layer implements it (over
 * {@code Overlay}, its drivers, register maps and the package's native library) and hands it to
 * {@link BoundDevice#open}. This package never imports the overlay layer.
 *
 * <p>Registers and fields are named as in the IP's register map (from the {@code .hwh}, e.g.
 * {@code CTRL} and {@code CTRL.AP_START}); values are right-aligned and at most 64 bits wide.
 * Writing a field is a read-modify-write of its register, done by the implementation.
 *
 * <p>The {@code check*} methods are called for every operation when a device is opened, before
 * any operation runs, so that a wrong name fails at once and nothing is half done. Each throws
 * {@link IllegalArgumentException} naming what exists; the defaults accept everything.
 */
public interface OperationBackend {

    /**
     * Reads a register or one of its fields.
     *
     * @param ip       the IP instance name, e.g. {@code dsp_0}
     * @param register register name
     * @param field    field name, or empty for the whole register
     * @return the value, right-aligned
     * @throws IllegalArgumentException if the IP, register or field does not exist
     */
    long readRegister(String ip, String register, String field);

    /**
     * Writes a register or one of its fields.
     *
     * @param value the value, right-aligned; bits beyond the field's width are an error
     * @throws IllegalArgumentException if the IP, register or field does not exist, the register
     *                                  is read-only, or the value does not fit
     */
    void writeRegister(String ip, String register, String field, long value);

    /**
     * The address a register program writes for a buffer argument, so an IP can reach it by DMA.
     *
     * @return the buffer's physical address
     * @throws IllegalArgumentException if the buffer is not contiguous memory the PL can reach
     */
    long physicalAddress(NativeMemory buffer);

    /**
     * Calls a method of the IP's driver.
     *
     * @param ip     the IP instance name
     * @param method the method name
     * @param args   the values in argument order, as {@link ArgType#coerce} gives them
     *               (Long, Double, Boolean, NativeMemory)
     * @param types  the D2L type of each value, for choosing the overload
     * @return the method's result, or null for void
     * @throws IllegalArgumentException if there is no such IP or method
     */
    Object invokeDriver(String ip, String method, List<Object> args, List<ArgType> types);

    /**
     * Calls a C function of the package's native library.
     *
     * @param library    the library name
     * @param function   the function name
     * @param args       the values in argument order (a buffer is passed as its address)
     * @param types      the D2L type of each value
     * @param returnType the return type, or null for void
     * @return the result converted by {@link ArgType#coerce}, or null for void
     * @throws IllegalArgumentException if there is no such library or function
     */
    Object callNative(String library, String function, List<Object> args, List<ArgType> types, ArgType returnType);

    /**
     * Calls {@code f} as {@link #callNative(String, String, List, List, ArgType)} does; backends
     * that run C isolated override this to honour {@link NativeFunction#inProcess()}.
     */
    default Object callNative(NativeFunction f, List<Object> args, List<ArgType> types, ArgType returnType) {
        return callNative(f.library(), f.function(), args, types, returnType);
    }

    /**
     * Runs the steps of one IP's register program as one unit when the IP's window can (a board
     * over the network: one round trip for every step, as Koheron's KServer runs an operation next
     * to the hardware), or returns null, the default, and the interpreter runs the steps one by one.
     * Every Write and Poll value is a literal here. Checks every step before any runs.
     *
     * @return the values of the Read steps in order, right-aligned as {@link #readRegister} gives them
     * @throws IllegalArgumentException as {@link #readRegister} and {@link #writeRegister} do; nothing has run
     * @throws io.jynq.error.HardwareTimeoutException if a poll times out
     */
    default long[] runAtOnce(String ip, List<RegisterStep> steps) {
        return null;
    }

    /** Checks that the register (and field, when not empty) exists on the IP. */
    default void checkRegister(String ip, String register, String field) {
    }

    /** Checks that the IP's driver has a method of that name taking {@code types}. */
    default void checkDriverMethod(String ip, String method, List<ArgType> types) {
    }

    /** Checks that the library exports the function. */
    default void checkNative(String library, String function) {
    }
}
