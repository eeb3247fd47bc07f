package io.jynq.kernel.display;

import java.io.OutputStream;
import java.io.PrintStream;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/**
 * {@code System.out} or {@code System.err} of the kernel JVM: bytes written by a thread that a
 * cell started (directly or not) go to the notebook through the {@link StreamPump}, under the
 * cell running at the time (see {@link IoPublisher}); bytes from kernel threads go to the
 * process's original stream, i.e. the Jupyter server's log. Installed once at startup, so nothing
 * is swapped per request.
 */
public final class RoutedOutputStream extends OutputStream {
    private final StreamPump pump;
    private final PublishStream.StreamType type;
    private final PrintStream original;

    public RoutedOutputStream(IoPublisher publisher, PublishStream.StreamType type, PrintStream original) {
        this.pump = publisher.streams();
        this.type = type;
        this.original = original;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (CellContext.current() == null) {
            original.write(b, off, len);
        } else {
            pump.write(type, b, off, len);
        }
    }

    /** PrintStream flushes at each line end (autoflush): publish soon, coalescing floods. */
    @Override
    public void flush() {
        if (CellContext.current() == null) {
            original.flush();
        } else {
            pump.flushSoon();
        }
    }
}
