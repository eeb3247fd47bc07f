package io.jynq.drivers.hls;

import java.time.Duration;

/**
 * A run of an HLS IP started by {@link HlsIp#start}: {@link #await} waits for AP_DONE and
 * returns {@code ap_return}.
 */
public final class HlsCall {
    private final HlsIp ip;
    private boolean done;
    private long result;

    HlsCall(HlsIp ip) {
        this.ip = ip;
    }

    /** As {@link #await(Duration)} with {@link io.jynq.overlay.Deadline#defaultTimeout()}. */
    public long await() {
        return await(io.jynq.overlay.Deadline.defaultTimeout());
    }

    /**
     * Waits until the IP is done and returns {@code ap_return} sign-extended from its width (C
     * {@code int} semantics), or 0 when the function returns nothing. Calling it again returns the
     * same value.
     *
     * @throws io.jynq.error.HardwareTimeoutException after {@code timeout}, with CTRL decoded
     * @throws java.util.concurrent.CancellationException if the thread is interrupted
     */
    public synchronized long await(Duration timeout) {
        if (!done) {
            result = ip.awaitDone(timeout);
            done = true;
        }
        return result;
    }

    /** Whether {@link #await} has seen the IP finish. */
    public synchronized boolean isDone() {
        return done;
    }

    @Override
    public String toString() {
        return "HlsCall[" + ip.name() + (done ? ", done, returned " + result : ", running") + "]";
    }
}
