package io.jynq.device.sim.model;

import io.jynq.metadata.IpDescription;
import io.jynq.metadata.MemType;
import io.jynq.metadata.ModuleDescription;
import io.jynq.metadata.RegisterDescription;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link IpContext} without a board, for testing a model on parameters no bundled design has:
 * heap register storage, interrupt outputs that record their level, stream ends the test feeds
 * and reads, and 64 KiB of memory at {@link #MEMORY_BASE}.
 */
final class FakeIpContext implements IpContext {
    static final long MEMORY_BASE = 0x1000_0000L;

    private final IpDescription ip;
    private final RegisterStore regs = new RegisterStore(ByteBuffer.allocate(0x10000));
    private final RegisterStore scratch = new RegisterStore(ByteBuffer.allocate(4096));
    private final Map<String, Level> irqs = new HashMap<>();
    private final Map<String, Queue> streams = new HashMap<>();
    final ByteBuffer memory = ByteBuffer.allocate(0x10000).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    private final Object lock = new Object();

    FakeIpContext(String name, Map<String, String> parameters, Map<String, RegisterDescription> registers) {
        ip = new IpDescription(name, name, name, null, "test:ip:" + name + ":1.0", 0x4000_0000L, 0x10000,
                "S_AXI", MemType.REGISTER, null, false, parameters, registers, Map.of(), Map.of());
    }

    /** A recorded interrupt output. */
    static final class Level implements InterruptOut {
        boolean high;

        @Override
        public void set(boolean h) {
            high = h;
        }

        @Override
        public boolean isHigh() {
            return high;
        }
    }

    /** A stream end: what a master sent, or what a test queues for a slave. */
    static final class Queue implements StreamOut, StreamIn {
        final ArrayDeque<StreamChunk> chunks = new ArrayDeque<>();
        boolean connected = true;
        Runnable onRoom;

        @Override
        public boolean isConnected() {
            return connected;
        }

        @Override
        public long room() {
            return connected ? Long.MAX_VALUE : 0;
        }

        @Override
        public void onRoom(Runnable resume) {
            onRoom = resume;
        }

        @Override
        public void send(byte[] data, boolean last) {
            chunks.add(new StreamChunk(data.clone(), last));
        }

        @Override
        public long available() {
            return chunks.stream().mapToLong(c -> c.data().length).sum();
        }

        @Override
        public boolean hasPacketEnd() {
            return chunks.stream().anyMatch(StreamChunk::last);
        }

        @Override
        public StreamChunk take(int maxBytes) {
            StreamChunk c = chunks.poll();
            if (c == null || c.data().length <= maxBytes) {
                return c;
            }
            chunks.addFirst(new StreamChunk(java.util.Arrays.copyOfRange(c.data(), maxBytes, c.data().length), c.last()));
            return new StreamChunk(java.util.Arrays.copyOf(c.data(), maxBytes), false);
        }
    }

    Level level(String port) {
        return irqs.computeIfAbsent(port, p -> new Level());
    }

    Queue queue(String intf) {
        return streams.computeIfAbsent(intf, k -> new Queue());
    }

    @Override
    public String name() {
        return ip.name();
    }

    @Override
    public IpDescription description() {
        return ip;
    }

    @Override
    public ModuleDescription module() {
        return new ModuleDescription(ip.instance(), ip.fullpath(), null, ip.type(), "test", null, null, null, false,
                ip.parameters(), ip.registers(), Map.of(), Map.of(), List.of());
    }

    @Override
    public RegisterStore registers() {
        return regs;
    }

    @Override
    public RegisterStore scratch() {
        return scratch;
    }

    @Override
    public StreamOut streamOut(String masterInterface) {
        return queue(masterInterface);
    }

    @Override
    public StreamIn streamIn(String slaveInterface) {
        return queue(slaveInterface);
    }

    @Override
    public InterruptOut interrupt(String port) {
        return level(port);
    }

    @Override
    public MemoryBus memory() {
        return (phys, len) -> {
            long off = phys - MEMORY_BASE;
            if (off < 0 || off + len > memory.capacity()) {
                return null;
            }
            return memory.duplicate().position((int) off).limit((int) off + len).slice()
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        };
    }

    @Override
    public Object lock() {
        return lock;
    }

    @Override
    public void atomically(Runnable action) {
        synchronized (lock) {
            action.run();
        }
    }
}
