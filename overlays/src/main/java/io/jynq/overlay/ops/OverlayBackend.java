package io.jynq.overlay.ops;

import io.jynq.buffer.ContiguousBuffer;
import io.jynq.d2l.ArgType;
import io.jynq.d2l.NativeFunction;
import io.jynq.d2l.OperationBackend;
import io.jynq.d2l.RegisterStep;
import io.jynq.device.RegisterOp;
import io.jynq.device.RegisterSpace;
import io.jynq.ffi.NativeMemory;
import io.jynq.ffi.cc.CCompiler;
import io.jynq.ffi.cheader.CFunction;
import io.jynq.ffi.cheader.CLibrary;
import io.jynq.ffi.cheader.CParameter;
import io.jynq.mmio.BitField;
import io.jynq.mmio.Register;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.Overlay;
import io.jynq.overlay.pkg.OverlayPackage;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.LongUnaryOperator;

/**
 * The {@link OperationBackend} over a loaded overlay and its package: registers through each IP's
 * {@link io.jynq.mmio.RegisterMap}, driver methods by reflection on {@code ol.ip(name)}, and C
 * functions of the package's native libraries, each built and loaded once, when a device that
 * uses it is opened (see {@link PackageLibrary}). C functions run in JYNQ's helper process
 * ({@link io.jynq.ffi.isolate.Isolated}), with the guarantees of {@code %%c} cells: a fault is an
 * exception naming the function and C line, buffers are mapped zero-copy between guard pages,
 * interrupt ends the call; an operation marked {@code in_process: true} runs in the JVM.
 */
final class OverlayBackend implements OperationBackend {
    private final Overlay overlay;
    private final OverlayPackage pkg;
    private final CCompiler compiler;
    private final List<String> includes;
    private final Map<String, CLibrary> libraries = new HashMap<>();

    /**
     * @param pkg      the overlay's package, or null when it has none (C operations then fail)
     * @param includes the headers that declare the device's C functions (its D2L {@code includes})
     */
    OverlayBackend(Overlay overlay, OverlayPackage pkg, CCompiler compiler, List<String> includes) {
        this.overlay = overlay;
        this.pkg = pkg;
        this.compiler = compiler;
        this.includes = List.copyOf(includes);
    }

    @Override
    public long readRegister(String ip, String register, String field) {
        Register r = register(ip, register);
        try {
            return field.isEmpty() ? r.get() : r.field(field).get();
        } catch (UnsupportedOperationException | NoSuchElementException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public void writeRegister(String ip, String register, String field, long value) {
        Register r = register(ip, register);
        try {
            if (field.isEmpty()) {
                r.set(value);
            } else {
                r.field(field).set(value);
            }
        } catch (UnsupportedOperationException | NoSuchElementException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Taken when the IP's window {@link RegisterSpace#runsPrograms() runs programs} (a remote
     * board with JYNQ's extensions); each step gets the checks its one-by-one access would make.
     */
    @Override
    public long[] runAtOnce(String ip, List<RegisterStep> steps) {
        DefaultIp drv;
        try {
            // no separate PL query where the board refuses a stale design itself (Overlay.ipForProgram)
            drv = overlay.ipForProgram(ip);
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        RegisterSpace space = drv.mmio().space();
        if (!space.runsPrograms()) {
            return null;
        }
        List<RegisterOp> ops = new ArrayList<>(steps.size());
        List<LongUnaryOperator> reads = new ArrayList<>();
        try {
            for (RegisterStep s : steps) {
                Register r = drv.registers().get(s.register());
                BitField f = s.field().isEmpty() ? null : r.field(s.field());
                if (s instanceof RegisterStep.Write w) {
                    ops.add(f == null ? r.writeOp(w.value().literal()) : f.writeOp(w.value().literal()));
                } else if (s instanceof RegisterStep.Read) {
                    ops.add(f == null ? r.readOp() : f.readOp());
                    reads.add(f == null ? r::readValue : f::readValue);
                } else {
                    RegisterStep.Poll p = (RegisterStep.Poll) s;
                    RegisterOp poll = f == null ? r.pollOp(p.until().literal(), p.timeout()) : f.pollOp(p.until().literal(), p.timeout());
                    if (poll == null) {
                        return null;
                    }
                    ops.add(poll);
                }
            }
        } catch (UnsupportedOperationException | NoSuchElementException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        long[] raw = space.runProgram(ops);
        long[] values = new long[raw.length];
        for (int i = 0; i < raw.length; i++) {
            values[i] = reads.get(i).applyAsLong(raw[i]);
        }
        return values;
    }

    @Override
    public void checkRegister(String ip, String register, String field) {
        Register r = register(ip, register);
        if (!field.isEmpty()) {
            try {
                r.field(field);
            } catch (NoSuchElementException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    private Register register(String ip, String register) {
        try {
            return driver(ip).registers().get(register);
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private DefaultIp driver(String ip) {
        try {
            return overlay.ip(ip);
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public long physicalAddress(NativeMemory buffer) {
        if (buffer instanceof ContiguousBuffer b) {
            return b.physicalAddress();
        }
        throw new IllegalArgumentException(buffer + " is not a contiguous buffer the PL can reach; allocate one with"
                + " Buffers.allocate");
    }

    @Override
    public Object invokeDriver(String ip, String method, List<Object> args, List<ArgType> types) {
        DefaultIp drv = driver(ip);
        Method m = DriverMethods.find(drv, method, types);
        Object r = DriverMethods.invoke(drv, m, args);
        // D2L carries every integer in a Long and every floating value in a Double (see ArgType)
        if (r instanceof Integer || r instanceof Short || r instanceof Byte) {
            return ((Number) r).longValue();
        }
        return r instanceof Float f ? (Object) f.doubleValue() : r;
    }

    @Override
    public void checkDriverMethod(String ip, String method, List<ArgType> types) {
        DriverMethods.find(driver(ip), method, types);
    }

    @Override
    public Object callNative(String library, String function, List<Object> args, List<ArgType> types,
            ArgType returnType) {
        return callNative(new NativeFunction(library, function), args, types, returnType);
    }

    @Override
    public Object callNative(NativeFunction nf, List<Object> args, List<ArgType> types, ArgType returnType) {
        CFunction f = function(nf.library(), nf.function(), nf.inProcess());
        List<CParameter> params = f.declaration().parameters();
        if (params.size() != args.size()) {
            throw new IllegalArgumentException(f.declaration().signature() + " takes " + params.size()
                    + " arguments but the operation passes " + args.size() + " (" + types + ")");
        }
        Object[] values = args.toArray();
        List<StagedBuffer> staged = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof ContiguousBuffer b && nf.inProcess() && b.address() == 0
                    && params.get(i).type().isPointer()) {
                StagedBuffer s = StagedBuffer.of(b, params.get(i).type().pointee(), f.declaration().signature());
                staged.add(s);
                values[i] = s.array();
            }
        }
        Object result = f.invoke(values);
        staged.forEach(StagedBuffer::copyBack);
        if (returnType == null || result == null) {
            return null;
        }
        if (returnType.isInteger() && result instanceof Number n) {
            long v = n.longValue();
            if (!isSigned(returnType) && returnType.widthBits() == 64) {
                return v; // the 64 bits as they are, as ArgType documents for unsigned 64-bit values
            }
            if (!isSigned(returnType)) {
                v &= 0xFFFF_FFFFL;
            }
            return returnType.coerce(v);
        }
        return returnType.coerce(result instanceof Float fl ? (Object) fl.doubleValue() : result);
    }

    private static boolean isSigned(ArgType t) {
        return t == ArgType.INT32_T || t == ArgType.INT64_T;
    }

    @Override
    public void checkNative(String library, String function) {
        function(library, function, false);
    }

    private synchronized CFunction function(String library, String function, boolean inProcess) {
        String key = library + (inProcess ? " in-process" : "");
        CLibrary lib = libraries.get(key);
        if (lib == null) {
            if (pkg == null) {
                throw new IllegalArgumentException("overlay " + overlay.name() + " has no package (.core) naming C"
                        + " sources, so library \"" + library + "\" cannot be built");
            }
            lib = PackageLibrary.load(compiler, pkg, library, includes, inProcess);
            libraries.put(key, lib);
        }
        try {
            return lib.function(function);
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
