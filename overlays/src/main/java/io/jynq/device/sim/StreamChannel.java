package io.jynq.device.sim;

import io.jynq.device.sim.model.IpModel;
import io.jynq.device.sim.model.StreamChunk;
import io.jynq.device.sim.model.StreamIn;
import io.jynq.device.sim.model.StreamOut;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One AXI4-Stream link of the design, master to slave, as a queue of bytes with packet ends.
 * The master's {@link #send} queues and tells the slave's model at once; the slave takes bytes
 * with {@link #take}. Links are wired from the {@code .hwh} BUSINTERFACE/BUSNAME pairs; an
 * interface with no link gets {@link #UNCONNECTED}, which takes nothing and holds nothing.
 */
final class StreamChannel implements StreamOut, StreamIn {
    /** The end of an unconnected interface. */
    static final StreamChannel UNCONNECTED = new StreamChannel(null, null, "unconnected");

    private final IpModelRef slave;
    private final String slaveInterface;
    private final String name;
    private final ArrayDeque<StreamChunk> queue = new ArrayDeque<>();
    private long available;
    private int packetEnds;

    /** The slave's model, resolved after all models exist. */
    interface IpModelRef {
        IpModel model();
    }

    StreamChannel(IpModelRef slave, String slaveInterface, String name) {
        this.slave = slave;
        this.slaveInterface = slaveInterface;
        this.name = name;
    }

    @Override
    public boolean isConnected() {
        return slave != null;
    }

    @Override
    public void send(byte[] data, boolean last) {
        if (slave == null) {
            throw new IllegalStateException("AXI4-Stream master is not connected in the design");
        }
        queue.add(new StreamChunk(data.clone(), last));
        available += data.length;
        if (last) {
            packetEnds++;
        }
        IpModel m = slave.model();
        if (m != null) {
            m.streamArrived(slaveInterface);
        }
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
            return new StreamChunk(Arrays.copyOf(d, maxBytes), false);
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
        return new StreamChunk(out, last);
    }

    @Override
    public String toString() {
        return "StreamChannel[" + name + ", " + available + " bytes queued]";
    }
}
