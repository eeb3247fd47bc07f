package io.jynq.buffer;

import io.jynq.device.DeviceMemory;
import java.lang.ref.Cleaner;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Frees the device memory of a {@link ContiguousBuffer} that became unreachable without
 * {@link ContiguousBuffer#close()}, with a warning naming where it was allocated (issue 14: a
 * 511 MB buffer shown as a cell's value and never assigned held its DDR until the kernel exited).
 * The cleaner's action holds the memory and the allocation site, never the buffer.
 */
final class LeakGuard implements Runnable {
    private static final Logger LOG = Logger.getLogger(ContiguousBuffer.class.getName());
    private static final Cleaner CLEANER = Cleaner.create();
    private static final StackWalker WALKER = StackWalker.getInstance();

    private final DeviceMemory memory;
    private final String site;
    private volatile boolean closed;
    private Cleaner.Cleanable cleanable;

    private LeakGuard(DeviceMemory memory, String site) {
        this.memory = memory;
        this.site = site;
    }

    /** Watches {@code buffer}, whose allocation is {@code memory}; call from the allocating thread. */
    static LeakGuard watch(ContiguousBuffer buffer, DeviceMemory memory) {
        LeakGuard g = new LeakGuard(memory, allocationSite());
        g.cleanable = CLEANER.register(buffer, g);
        return g;
    }

    /**
     * The first frame outside JYNQ's allocation code (the buffer classes and any JYNQ
     * {@code allocate} helper): the user's line; a JShell cell shows as its snippet class.
     */
    private static String allocationSite() {
        return WALKER.walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith(Buffers.class.getPackageName() + ".")
                        || f.getClassName().endsWith("Test"))
                .filter(f -> !(f.getClassName().startsWith("io.jynq.") && f.getMethodName().equals("allocate")))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("an unknown place"));
    }

    /** The buffer was closed: nothing to do when it becomes unreachable. */
    void closed() {
        closed = true;
        cleanable.clean();
    }

    @Override
    public void run() {
        if (closed) {
            return;
        }
        try {
            if (!memory.isClosed()) {
                LOG.log(Level.WARNING, "a {0}-byte contiguous buffer allocated at {1} became unreachable without"
                        + " close(); its device memory at 0x{2} is freed now (close buffers, or use try-with-resources)",
                        new Object[] {String.valueOf(memory.byteSize()), site, Long.toHexString(memory.physicalAddress())});
                memory.close();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "freeing an unreachable buffer from " + site + " failed", e);
        }
    }
}
