package io.jynq.kernel;

import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

/**
 * jjava-jupyter's IO bundle, kept attached to the latest execute request instead of only during
 * it, so that {@code System.in} (input requests) and {@code getIO().display}, which extension code
 * may call, keep working from threads a cell started. JYNQ's own stdout/stderr routing is
 * {@link io.jynq.kernel.display.RoutedOutputStream}; this class's {@code out}/{@code err} are unused.
 */
final class JynqIO extends JupyterIO {
    private ShellReplyEnvironment attached;

    JynqIO() {
        super(StandardCharsets.UTF_8);
    }

    synchronized void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
        if (attached != null) {
            retractEnv(attached);
        }
        attached = env;
        setEnv(env);
        setJupyterInEnabled(stdinEnabled);
    }
}
