package io.jynq.remote.server;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.jynq.config.InvalidSettingException;
import io.jynq.device.DeviceException;
import io.jynq.error.HardwareTimeoutException;
import io.jynq.device.OutOfDeviceMemoryException;
import io.jynq.ffi.cheader.CHeaderException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * How a board server reports failure: every exception of a request becomes a gRPC status with
 * the exception's message, so that nothing a client sends reaches the transport as an uncaught
 * exception, and the client reads a sentence rather than "UNKNOWN".
 */
final class Errors {
    private Errors() {}

    /** The status for {@code e}: INVALID_ARGUMENT, PERMISSION_DENIED, NOT_FOUND, RESOURCE_EXHAUSTED, ... */
    static StatusRuntimeException status(Throwable e) {
        if (e instanceof StatusRuntimeException s) {
            return s;
        }
        Status code;
        if (e instanceof IllegalArgumentException || e instanceof IndexOutOfBoundsException
                || e instanceof InvalidSettingException || e instanceof CHeaderException) {
            code = Status.INVALID_ARGUMENT;
        } else if (e instanceof SecurityException) {
            code = Status.PERMISSION_DENIED;
        } else if (e instanceof NoSuchElementException) {
            code = Status.NOT_FOUND;
        } else if (e instanceof OutOfDeviceMemoryException || e instanceof OutOfMemoryError) {
            code = Status.RESOURCE_EXHAUSTED;
        } else if (e instanceof HardwareTimeoutException) {
            code = Status.ABORTED; // not DEADLINE_EXCEEDED: the call was in time, the hardware was not
        } else if (e instanceof DeviceException || e instanceof IllegalStateException) {
            code = Status.FAILED_PRECONDITION;
        } else if (e instanceof UncheckedIOException) {
            code = Status.UNAVAILABLE;
        } else {
            code = Status.INTERNAL;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return code.withDescription(message).asRuntimeException();
    }

    /** Runs a unary call: its result, or the status of what it threw. */
    static <T> void unary(StreamObserver<T> out, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            out.onError(status(e));
            return;
        }
        out.onNext(result);
        out.onCompleted();
    }

    /** The message of {@code e} for a PYNQ reply's {@code msg} field. */
    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
