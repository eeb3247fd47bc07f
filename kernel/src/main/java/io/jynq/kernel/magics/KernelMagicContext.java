package io.jynq.kernel.magics;

import io.jynq.magics.MagicContext;
import io.jynq.render.Displays;
import java.io.PrintStream;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * {@link MagicContext} over the running kernel: Java goes to {@code evalRaw} (queued after the
 * current snippet when called from a magic), displays to the one display sink ({@link Displays}), output to the
 * {@code System.out}/{@code System.err} the kernel routes into the cell.
 */
final class KernelMagicContext implements MagicContext {
    private final BaseKernel kernel;

    KernelMagicContext(BaseKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public void evalJava(String snippet) {
        kernel.evalRaw(snippet);
    }

    @Override
    public String display(Object o) {
        return Displays.sink().display(o);
    }

    @Override
    public void updateDisplay(String displayId, Object o) {
        Displays.sink().update(displayId, o);
    }

    @Override
    public PrintStream out() {
        return System.out;
    }

    @Override
    public PrintStream err() {
        return System.err;
    }
}
