package io.jynq.magics;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands an object made by a magic to a snippet the magic submits: the magic {@link #put}s it and
 * gets a key, the snippet {@link #take}s it. Works because JShell runs snippets in the kernel's
 * JVM, where this class is the same class the magic sees.
 */
public final class Handoff {
    private static final Map<String, Object> WAITING = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong();

    private Handoff() {
    }

    /** Keeps {@code value} until taken; returns its key. */
    public static String put(Object value) {
        String key = "h" + NEXT.incrementAndGet();
        WAITING.put(key, Objects.requireNonNull(value, "value"));
        return key;
    }

    /**
     * Removes and returns the value under {@code key}.
     *
     * @throws IllegalStateException if there is none (taken already, or never put)
     */
    public static Object take(String key) {
        Object v = WAITING.remove(key);
        if (v == null) {
            throw new IllegalStateException("nothing handed off under " + key + " (taken twice?)");
        }
        return v;
    }
}
