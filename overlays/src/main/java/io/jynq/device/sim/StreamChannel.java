package io.jynq.device.sim;

import io.jynq.device.sim.model.IpModel;
import io.jynq.device.sim.model.StreamChunk;
import io.jynq.device.sim.model.StreamIn;
import io.jynq.device.sim.model.StreamOut;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One AXI4-Stream link of the design, master to slave, as a queue of bytes with packet ends and
 * a capacity ({@link #CAPACITY}). The master's {@link #send} queues and has the slave's model
 * told after the current model call; the slave takes bytes with {@link #take}, which has the
 * master told of the room. Links are wired from the {@code .hwh} BUSINTERFACE/BUSNAME pairs; an
 * interface with no link gets {@link #UNCONNECTED}, which takes nothing and holds nothing.
 */
final class StreamChannel implements StreamOut, StreamIn {
    /**
     * Bytes a link holds before the master sees back-pressure: 64 KiB, the order of what the
     * FIFOs of a DMA and a stream core hold together (large enough that a transfer moves in few
     * steps). A DMA MM2S much longer than this into a stream nobody drains stays busy, as on the
     * board.
     */
    static final long CAPACITY = 64 * 1024;

    /** The end of an unconnected interface. */
    static final StreamChannel UNCONNECTED = new StreamChannel(null, null, "unconnected", r -> { });

    /** Where the channel posts the model calls it causes (the PL's work queue). */
    interface Poster {
        void post(Runnable work);
    }

    private final IpModelRef slave;
    private final String slaveInterface;
    private final String name;
    private final Poster poster;
    private final ArrayDeque<StreamChunk> queue = new ArrayDeque<>();
    private long available;
    private int packetEnds;
    private Runnable onRoom;

    /** The slave's model, resolved after all models exist. */
    interface IpModelRef {
        IpModel model();
    }

    StreamChannel(IpModelRef slave, String slaveInterface, String name, Poster poster) {
        this.slave = slave;
        this.slaveInterface = slaveInterface;
        this.name = name;
        this.poster = poster;
    }

    @Override
    public boolean isConnected() {
        return slave != null;
    }

    @Override
    public long room() {
        return slave == null ? 0 : Math.max(0, CAPACITY - available);
    }

    @Override
    public void onRoom(Runnable resume) {
        if (slave != null) {
            this.onRoom = resume;
        }
    }

    @Override
    public void send(byte[] data, boolean last) {
        if (slave == null) {
            throw new IllegalStateException("AXI4-Stream master " + name + " is not connected in the design");
        }
        queue.add(new StreamChunk(data, last));  // the sender handed the array over
        available += data.length;
        if (last) {
            packetEnds++;
        }
        poster.post(() -> {
            IpModel m = slave.model();
            if (m != null) {
                m.streamArrived(slaveInterface);
            }
        });
    }

    @Override
    public int offer(java.nio.ByteBuffer data, boolean last) {
        if (slave == null) {
            return 0;
        }
        int total = data.remaining();
        int taken = 0;
        if (queue.isEmpty()) {
            IpModel m = slave.model();
            if (m != null) {
                taken = Math.max(0, Math.min(total, m.streamAccept(slaveInterface, data.slice(), last)));
            }
        }
        int q = (int) Math.min(total - taken, room());
        if (q > 0) {
            byte[] b = new byte[q];
            data.slice().position(taken).get(b);
            send(b, last && taken + q == total);
            taken += q;
        }
        return taken;
    }

    @Override
    public long available() {
        return available;
    }

    @Override
    public boolean hasPacketEnd() {
        return packetEnds > 0;
    }

    @Override
    public StreamChunk take(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
        }
        StreamChunk head = queue.peek();
        if (head == null) {
            return null;
        }
        // Merge whole chunks of the same packet while they fit, so a consumer sees large pieces.
        if (head.data().length > maxBytes) {
            queue.poll();
            byte[] d = head.data();
            queue.addFirst(new StreamChunk(Arrays.copyOfRange(d, maxBytes, d.length), head.last()));
            available -= maxBytes;
            roomFreed();
            return new StreamChunk(Arrays.copyOf(d, maxBytes), false);
        }
        if (queue.size() == 1 || head.last() || head.data().length == maxBytes) {
            queue.poll();  // one whole chunk: hand it on without copying
            available -= head.data().length;
            if (head.last()) {
                packetEnds--;
            }
            roomFreed();
            return head;
        }
        int total = 0;
        int count = 0;
        boolean last = false;
        for (StreamChunk c : queue) {
            if (total + c.data().length > maxBytes) {
                break;
            }
            total += c.data().length;
            count++;
            if (c.last()) {
                last = true;
                break;
            }
        }
        byte[] out = new byte[total];
        int at = 0;
        for (int i = 0; i < count; i++) {
            StreamChunk c = queue.poll();
            System.arraycopy(c.data(), 0, out, at, c.data().length);
            at += c.data().length;
        }
        available -= total;
        if (last) {
            packetEnds--;
        }
        roomFreed();
        return new StreamChunk(out, last);
    }

    private void roomFreed() {
        Runnable r = onRoom;
        if (r != null) {
            poster.post(r);
        }
    }

    @Override
    public String toString() {
        return "StreamChannel[" + name + ", " + available + " bytes queued]";
    }
}
