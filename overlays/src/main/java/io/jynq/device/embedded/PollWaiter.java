package io.jynq.device.embedded;

import io.jynq.ffi.libc.Libc;

/**
 * Waits for a UIO file descriptor to become readable (an interrupt arrived). The board uses
 * {@link #POLL}; tests inject one that fires or times out on cue, since poll on the regular file
 * standing in for {@code /dev/uioN} always returns readable at once.
 */
@FunctionalInterface
interface PollWaiter {
    /** {@code poll(2)} for POLLIN. */
    PollWaiter POLL = (fd, timeoutMillis) -> (Libc.poll(fd, Libc.POLLIN, timeoutMillis) & Libc.POLLIN) != 0;

    /**
     * @param timeoutMillis 0 checks once
     * @return whether {@code fd} is readable
     */
    boolean awaitReadable(int fd, int timeoutMillis);
}
