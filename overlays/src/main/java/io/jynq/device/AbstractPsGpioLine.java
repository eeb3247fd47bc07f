package io.jynq.device;

/**
 * What every backend's {@link PsGpioLine} checks before it touches the pin, in one place: a
 * released line refuses every call, an input refuses to be driven, a level is 0 or 1. A backend
 * supplies only how a level is read, driven and the line given back (sysfs on a board, the
 * simulated PS's EMIO bank, ...).
 */
public abstract class AbstractPsGpioLine implements PsGpioLine {
    private final int index;
    private final boolean output;
    private volatile boolean closed;

    /**
     * @param index  the EMIO index
     * @param output true if the line was opened to drive the pin
     */
    protected AbstractPsGpioLine(int index, boolean output) {
        this.index = index;
        this.output = output;
    }

    /** The pin's level, 0 or 1, from the backend; the line is open. */
    protected abstract int level();

    /** Drives the pin to {@code value} (0 or 1); the line is an open output. */
    protected abstract void drive(int value);

    /** Gives the line back to the backend; called once. */
    protected abstract void release();

    @Override
    public final int index() {
        return index;
    }

    /** True if the line was opened as an output. */
    public final boolean isOutput() {
        return output;
    }

    /** True after {@link #close()}. */
    public final boolean isClosed() {
        return closed;
    }

    @Override
    public final int read() {
        check();
        return level();
    }

    @Override
    public final void write(int value) {
        check();
        if (!output) {
            throw new IllegalStateException("PS GPIO " + index + " is an input; open it as an output to drive it");
        }
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException("PS GPIO " + index + " takes 0 or 1, got " + value);
        }
        drive(value);
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("PS GPIO " + index + " was released");
        }
    }
}
