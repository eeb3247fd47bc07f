package io.jynq.remote.server;

import io.grpc.stub.StreamObserver;
import io.jynq.device.sim.SimControls;
import io.jynq.device.sim.model.IpModel;
import io.jynq.remote.proto.ext.SimControlGrpc;
import io.jynq.remote.proto.ext.SimInvoke;
import io.jynq.remote.proto.ext.SimModelRequest;
import io.jynq.remote.proto.ext.SimModelResponse;
import io.jynq.remote.proto.ext.SimRun;
import io.jynq.remote.proto.ext.SimRunResponse;
import io.jynq.remote.proto.ext.SimValue;
import io.jynq.remote.wire.SimValues;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * The simulator's controls ({@code jynq.remote.SimControl}) on a board served with
 * {@code --device sim}: a client's {@code Sim.model(...)} stand-in calls the public methods of the
 * board's model here, and {@code Sim.run} lets simulated time pass. Only public instance methods
 * of the model's class and its superclasses (not {@link Object}'s) are reached, with arguments and
 * results that {@link SimValues} carries. On another backend every call answers
 * FAILED_PRECONDITION saying what to serve instead.
 */
final class SimControlService extends SimControlGrpc.SimControlImplBase {
    private final Board board;

    SimControlService(Board board) {
        this.board = board;
    }

    private SimControls sim() {
        if (!(board.device instanceof SimControls c)) {
            throw new IllegalStateException("this board serves the '" + board.device.name() + "' backend, not the simulated"
                    + " board: the simulator's controls (Sim.model, Sim.run) need ./jynq board serve --device sim");
        }
        return c;
    }

    @Override
    public void model(SimModelRequest request, StreamObserver<SimModelResponse> out) {
        Errors.unary(out, () -> {
            IpModel m = sim().model(request.getIp(), IpModel.class);
            if (!request.getType().isEmpty() && !isA(m.getClass(), request.getType())) {
                throw new IllegalArgumentException("the model of " + request.getIp() + " is a " + m.getClass().getName()
                        + ", not a " + request.getType());
            }
            return SimModelResponse.newBuilder().setModelClass(m.getClass().getName()).build();
        });
    }

    /** Whether {@code c} is, extends or implements the class named {@code name} (no class loading by name). */
    private static boolean isA(Class<?> c, String name) {
        if (c == null) {
            return false;
        }
        if (c.getName().equals(name)) {
            return true;
        }
        for (Class<?> i : c.getInterfaces()) {
            if (isA(i, name)) {
                return true;
            }
        }
        return isA(c.getSuperclass(), name);
    }

    @Override
    public void invoke(SimInvoke request, StreamObserver<SimValue> out) {
        Errors.unary(out, () -> {
            IpModel m = sim().model(request.getIp(), IpModel.class);
            Method method = find(m.getClass(), request);
            Class<?>[] params = method.getParameterTypes();
            if (request.getArgsCount() != params.length) {
                throw new IllegalArgumentException(request.getMethod() + " takes " + params.length + " arguments, got "
                        + request.getArgsCount());
            }
            Object[] args = new Object[params.length];
            for (int i = 0; i < params.length; i++) {
                args[i] = SimValues.fromProto(request.getArgs(i), params[i]);
            }
            try {
                return SimValues.toProto(method.invoke(m, args));
            } catch (IllegalAccessException e) {
                throw new SecurityException(method + " cannot be called: " + e.getMessage());
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(String.valueOf(cause), cause);
            }
        });
    }

    /** The public instance method named and typed as asked, of a class whose values can cross. */
    private static Method find(Class<?> model, SimInvoke request) {
        for (Method m : model.getMethods()) {
            if (m.getName().equals(request.getMethod()) && m.getDeclaringClass() != Object.class
                    && !Modifier.isStatic(m.getModifiers())
                    && Arrays.stream(m.getParameterTypes()).map(Class::getName).toList().equals(request.getParamTypesList())) {
                if (!SimValues.crosses(m.getReturnType()) || !Arrays.stream(m.getParameterTypes()).allMatch(SimValues::crosses)) {
                    throw new IllegalArgumentException(m + " takes or returns values that cannot cross the network"
                            + " (primitives, String, enums and byte[] can)");
                }
                // a public method of a non-public class (a user's model) is reached through its public declaration
                m.trySetAccessible();
                return m;
            }
        }
        throw new java.util.NoSuchElementException("the model " + model.getName() + " has no public method "
                + request.getMethod() + "(" + String.join(", ", request.getParamTypesList()) + ")");
    }

    @Override
    public void run(SimRun request, StreamObserver<SimRunResponse> out) {
        Errors.unary(out, () -> {
            if (request.getCycles() < 0) {
                throw new IllegalArgumentException("cycles must be below 2^63, got " + Long.toUnsignedString(request.getCycles()));
            }
            sim().run(request.getCycles());
            return SimRunResponse.getDefaultInstance();
        });
    }
}
