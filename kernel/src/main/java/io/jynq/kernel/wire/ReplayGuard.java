package io.jynq.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Refuses a signature the kernel has already accepted, as jupyter_client's
 * {@code Session.digest_history} does: a captured, correctly signed {@code execute_request}
 * sent again must not run again. The history is bounded ({@code capacity} signatures, oldest
 * forgotten first) so a long session does not grow without limit; jupyter_client keeps 2^16.
 *
 * <p>Shared by all channels; thread-safe.
 */
public final class ReplayGuard {
    /** jupyter_client's {@code digest_history_size}. */
    public static final int DEFAULT_CAPACITY = 1 << 16;

    private final int capacity;
    private final Set<String> seen = new LinkedHashSet<>();

    public ReplayGuard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay history capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Records a signature.
     *
     * @return true the first time this signature is offered, false for a replay
     */
    public synchronized boolean firstSeen(byte[] signature) {
        String key = new String(signature, StandardCharsets.US_ASCII);
        if (!seen.add(key)) {
            return false;
        }
        if (seen.size() > capacity) {
            Iterator<String> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    public synchronized int size() {
        return seen.size();
    }
}
