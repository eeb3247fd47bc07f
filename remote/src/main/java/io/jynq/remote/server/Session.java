package io.jynq.remote.server;

import io.jynq.device.DeviceMemory;
import io.jynq.device.PlState;
import io.jynq.device.RegisterSpace;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one client connection holds on the board: its MMIO windows and contiguous buffers, by the
 * ids the board server gave them. Ids are only valid on the connection that created them, and
 * everything is freed when the connection ends ({@link #close()}), since PYNQ's client frees its
 * buffers only from a Python destructor and never frees a window.
 */
final class Session implements AutoCloseable {
    /** An MMIO window; {@code mappedFor} is the PL state it was mapped under (re-mapped after a download). */
    static final class Window {
        final long base;
        final long length;
        volatile RegisterSpace space;
        volatile PlState mappedFor;

        Window(long base, long length, RegisterSpace space, PlState mappedFor) {
            this.base = base;
            this.length = length;
            this.space = space;
            this.mappedFor = mappedFor;
        }
    }

    private static final AtomicLong SESSIONS = new AtomicLong();
    final String name;
    private final long number;
    final Map<String, Window> windows = new ConcurrentHashMap<>();
    final Map<String, DeviceMemory> buffers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** @param peer the client's address, for messages */
    Session(String peer) {
        this(peer, SESSIONS.incrementAndGet());
    }

    /** A session with a chosen number (fuzzing needs ids it can predict). */
    Session(String peer, long number) {
        this.number = number;
        this.name = "session " + number + " (" + peer + ")";
    }

    /**
     * A new id with {@code prefix} ("w" window, "b" buffer), unique in this server's life: a
     * client that reconnects must never reach a new buffer through an old id.
     */
    String newId(String prefix) {
        return prefix + number + "." + ids.incrementAndGet();
    }

    /** Frees every buffer and forgets every window. */
    @Override
    public void close() {
        for (DeviceMemory m : buffers.values()) {
            m.close();
        }
        buffers.clear();
        windows.clear();
    }
}
