package io.jynq.kernel.wire;

import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Echoes heartbeat pings (a REP socket) as soon as they arrive; jjava polls it every 500 ms. The
 * frontend declares the kernel dead when pings stop coming back, so this thread does nothing else.
 */
public final class HeartbeatLoop extends Thread {
    private final ZMQ.Socket socket;
    private volatile boolean running = true;

    public HeartbeatLoop(ZMQ.Context ctx, String address) {
        super("jynq-heartbeat");
        setDaemon(true);
        socket = ctx.socket(SocketType.REP);
        socket.setLinger(0);
        socket.setReceiveTimeOut((int) ChannelLoop.WAKE_MS);
        socket.bind(address);
    }

    @Override
    public void run() {
        try {
            while (running) {
                byte[] ping = socket.recv(0);
                if (ping != null) {
                    socket.send(ping, 0);
                }
            }
        } catch (RuntimeException e) {
            // the context was terminated under us: the kernel is shutting down
        } finally {
            socket.close();
        }
    }

    public void shutdown() {
        running = false;
    }
}
