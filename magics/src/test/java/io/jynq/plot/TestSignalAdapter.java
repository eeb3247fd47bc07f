package io.jynq.plot;

import java.util.Optional;

/** A stand-in for a type Plot does not know (as ContiguousBuffer is today), adapted by ServiceLoader. */
public final class TestSignalAdapter implements SamplesAdapter {

    /** n samples of 2*i. */
    public record TestSignal(int n) {
    }

    @Override
    public Optional<Samples> adapt(Object data) {
        if (!(data instanceof TestSignal)) {
            return Optional.empty();
        }
        int n = ((TestSignal) data).n();
        return Optional.of(Samples.ramp(0, 2, n));
    }

    @Override
    public String describe() {
        return "TestSignal";
    }
}
