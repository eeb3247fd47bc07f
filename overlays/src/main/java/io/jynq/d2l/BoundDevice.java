package io.jynq.d2l;

import io.jynq.ffi.cheader.CHeaderException;
import java.util.List;
import java.util.Map;

/**
 * A device description bound to an overlay through an {@link OperationBackend}: the object
 * {@code Devices.open(overlay, "NAME")} returns. Opening checks every operation's references
 * (registers, driver methods, C functions) and only then runs the AT_INIT operations in file
 * order; if a check fails nothing has run.
 *
 * <pre>{@code
 * D2lFile file = D2lParser.parse(Path.of("dsp_loopback.d2l.yaml"));
 * BoundDevice dsp = BoundDevice.open(file.device("DSP_LOOPBACK"), backend);
 * dsp.call("SET_GAIN", Map.of("gain", 3));
 * long id = (Long) dsp.call("GET_ID", Map.of());
 * }</pre>
 *
 * Calls are serialised per device, as Koheron serialises calls per driver, so two threads cannot
 * interleave the steps of two register programs.
 */
public final class BoundDevice {
    private final DeviceDescription description;
    private final OperationBackend backend;

    private BoundDevice(DeviceDescription description, OperationBackend backend) {
        this.description = description;
        this.backend = backend;
    }

    /**
     * Checks all operations against the backend, then runs the AT_INIT ones.
     *
     * @throws D2lException             at the operation whose register, method or function the
     *                                  backend does not have, or an AT_INIT operation with a required argument
     * @throws OperationTimeoutException if an AT_INIT register program times out
     */
    public static BoundDevice open(DeviceDescription description, OperationBackend backend) {
        for (Operation op : description.operations()) {
            verify(description, op, backend);
        }
        BoundDevice dev = new BoundDevice(description, backend);
        for (Operation op : description.initOperations()) {
            dev.call(op.name(), Map.of());
        }
        return dev;
    }

    private static void verify(DeviceDescription d, Operation op, OperationBackend backend) {
        String where = "operation " + d.name() + "." + op.name() + ": ";
        if (op.atInit()) {
            op.arguments().stream().filter(Argument::isRequired).findFirst().ifPresent(a -> {
                throw D2lException.at(op.at(), where + "AT_INIT runs it with no arguments, but \"" + a.name()
                        + "\" has no default");
            });
        }
        List<ArgType> types = op.arguments().stream().map(Argument::type).toList();
        try {
            Implementation impl = op.implementation();
            if (impl instanceof DriverMethod m) {
                backend.checkDriverMethod(m.ip(), m.method(), types);
            } else if (impl instanceof NativeFunction f) {
                backend.checkNative(f.library(), f.function());
            } else {
                RegisterProgram p = (RegisterProgram) impl;
                for (RegisterStep s : p.steps()) {
                    try {
                        backend.checkRegister(p.ip(), s.register(), s.field());
                    } catch (IllegalArgumentException e) {
                        throw D2lException.at(s.at(), where + e.getMessage());
                    }
                }
            }
        } catch (IllegalArgumentException | CHeaderException e) {
            throw D2lException.at(op.at(), where + e.getMessage());
        }
    }

    /**
     * Calls an operation.
     *
     * @param operation the operation name, e.g. {@code SET_GAIN}
     * @param args      argument name to value; defaults fill the rest
     * @return the result (Long, Double, Boolean, or what the driver method returns), or null
     * @throws IllegalArgumentException  for an unknown operation or a bad argument (see
     *                                   {@link ArgumentBinder#bind})
     * @throws OperationTimeoutException if a register program's poll times out
     */
    public synchronized Object call(String operation, Map<String, ?> args) {
        Operation op = description.operation(operation);
        List<Object> values = ArgumentBinder.bind(op, args);
        List<ArgType> types = op.arguments().stream().map(Argument::type).toList();
        Implementation impl = op.implementation();
        if (impl instanceof DriverMethod m) {
            return backend.invokeDriver(m.ip(), m.method(), values, types);
        }
        if (impl instanceof NativeFunction f) {
            return backend.callNative(f, values, types, op.returnType());
        }
        return RegisterProgramInterpreter.run(op, (RegisterProgram) impl, values, backend);
    }

    /** The description this device was opened from. */
    public DeviceDescription description() {
        return description;
    }

    @Override
    public String toString() {
        return "BoundDevice[" + description.name() + ", " + description.operations().size() + " operations]";
    }
}
