package io.jynq.render;

import java.util.function.LongSupplier;

/** A nanosecond clock the test moves by hand. */
public final class FakeClock implements LongSupplier {
    private long nanos = 1_000_000_000L;

    public void advanceMillis(long ms) {
        nanos += ms * 1_000_000L;
    }

    @Override
    public long getAsLong() {
        return nanos;
    }
}
