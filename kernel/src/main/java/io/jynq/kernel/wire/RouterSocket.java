package io.jynq.kernel.wire;

import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * The shell or control ROUTER socket. It is a jjava {@link ShellChannel} only so that
 * jjava-jupyter's reply environment, which sends replies through that type, can be reused;
 * jjava's own polling loop is never started ({@link #bind} only binds). Reading goes through
 * {@link WireCodec}, so a bad message is refused without ever leaving this socket half-read.
 */
public final class RouterSocket extends ShellChannel {
    private final WireCodec codec;
    private final boolean control;

    public RouterSocket(ZMQ.Context ctx, HMACGenerator signer, WireCodec codec, boolean control) {
        super(ctx, signer, control, null);
        this.codec = codec;
        this.control = control;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        bind(Endpoints.address(props, control ? props.getControlPort() : props.getShellPort()));
    }

    /** The channel name used in log lines: {@code shell} or {@code control}. */
    public String channelName() {
        return control ? "control" : "shell";
    }

    /**
     * Receives all frames of the next message and checks them; blocks up to the socket's receive
     * timeout for the first frame.
     *
     * @return the message, or null if none arrived within the receive timeout
     * @throws WireException if the message is refused; its frames have been consumed
     */
    @Override
    public synchronized Message<?> readMessage() {
        byte[] first = recv(0);
        if (first == null) {
            return null; // receive timeout: nothing arrived
        }
        List<byte[]> frames = new ArrayList<>(8);
        frames.add(first);
        while (hasReceiveMore()) {
            byte[] frame = recv(0);
            if (frame == null) {
                throw new WireException("receive failed mid-message on " + channelName() + " (socket closing?)");
            }
            frames.add(frame);
        }
        return codec.decode(frames);
    }
}
