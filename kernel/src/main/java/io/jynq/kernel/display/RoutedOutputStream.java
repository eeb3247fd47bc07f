package io.jynq.kernel.display;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

/**
 * {@code System.out} or {@code System.err} of the kernel JVM: bytes written by a thread that
 * belongs to a cell go to that cell's stream (complete lines are published on flush, which
 * {@code PrintStream} does at each line end; the rest when the cell ends); bytes from kernel threads go to the process's original stream, i.e.
 * the Jupyter server's log. Installed once at startup, so nothing is swapped per request and
 * background threads keep printing into the cell that started them.
 */
public final class RoutedOutputStream extends OutputStream {
    private final IoPublisher publisher;
    private final PublishStream.StreamType type;
    private final PrintStream original;

    public RoutedOutputStream(IoPublisher publisher, PublishStream.StreamType type, PrintStream original) {
        this.publisher = publisher;
        this.type = type;
        this.original = original;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        CellContext cell = CellContext.current();
        if (cell == null) {
            original.write(b, off, len);
        } else {
            cell.append(type, b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        CellContext cell = CellContext.current();
        if (cell == null) {
            original.flush();
        } else {
            publisher.flush(cell, true);
        }
    }
}
