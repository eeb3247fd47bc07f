package io.jynq.device.sim;

import io.jynq.device.sim.model.IpModel;
import io.jynq.device.sim.model.StreamChunk;
import io.jynq.device.sim.model.StreamIn;
import io.jynq.device.sim.model.StreamOut;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One AXI4-Stream link of the design, master to slave, as a queue of bytes with packet ends and
 * a capacity: the bytes the link's hardware buffers ({@link StreamBuffering}, from the
 * {@code .hwh}) plus what the slave promises to move on at once ({@link IpModel#streamDrain}),
 * at most {@link #STEP} at a time. So a path whose end is not draining (an S2MM not armed) holds
 * only what a board's FIFOs hold and its MM2S stalls, while a draining path moves data in large
 * steps. The master's {@link #send} queues and has the slave's model
 * told after the current model call; the slave takes bytes with {@link #take}, which has the
 * master told of the room. Links are wired from the {@code .hwh} BUSINTERFACE/BUSNAME pairs; an
 * interface with no link gets {@link #UNCONNECTED}, which takes nothing and holds nothing.
 */
final class StreamChannel implements StreamOut, StreamIn {
    /**
     * Most bytes a link queues at once however much the path drains: a step of the simulation
     * (large enough that a transfer moves in few steps, small enough to bound the copies held).
     */
    static final long STEP = 64 * 1024;

    /** The end of an unconnected interface. */
    static final StreamChannel UNCONNECTED = new StreamChannel(null, null, "unconnected", r -> { }, 0);

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
    private final long buffered;
    /** Set while asking the slave how much it drains: a stream loop answers without it. */
    private boolean asking;

    /** The slave's model, resolved after all models exist. */
    interface IpModelRef {
        IpModel model();
    }

    /**
     * @param buffered bytes the link's hardware holds when its slave does not drain, at least 0
     *     ({@link StreamBuffering#bytes})
     */
    StreamChannel(IpModelRef slave, String slaveInterface, String name, Poster poster, long buffered) {
        this.slave = slave;
        this.buffered = buffered;
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
        if (slave == null) {
            return 0;
        }
        long drain = 0;
        IpModel m = slave.model();
        if (m != null && !asking) {
            asking = true;
            try {
                drain = Math.max(0, m.streamDrain(slaveInterface));
            } finally {
                asking = false;
            }
        }
        return Math.max(0, Math.min(STEP, buffered + drain) - available);
    }

    /** Bytes the link's hardware holds (its FIFOs), without what the slave drains. */
    long buffered() {
        return buffered;
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
        return "StreamChannel[" + name + ", " + available + " bytes queued, holds " + buffered + "]";
    }
}
