package io.jynq.kernel.eval;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the one {@link CapturingExecutionControl} the evaluator keeps a reference to. */
final class CapturingControlProvider implements ExecutionControlProvider {
    private final CapturingExecutionControl control;

    CapturingControlProvider(CapturingExecutionControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "jynq-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
