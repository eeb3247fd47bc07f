package io.jynq.kernel.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jynq.kernel.wire.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The frontend of the class-data-sharing training run: a Jupyter client over the kernel's real
 * TCP sockets (signed messages, a DEALER on shell and control, a SUB on IOPub), so that the
 * archive records what a notebook's requests load: the ZeroMQ connection engine, the parsing of
 * requests, the replies and IOPub messages, the renderers. A training that called the kernel's
 * methods directly left all of these to be loaded from the jars at the first request of every
 * kernel. Used only by {@link CdsTraining}; not a general client (no input requests, no buffers).
 */
final class TrainingClient implements AutoCloseable {
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final int WAIT_MS = 120_000;

    private final ZMQ.Context ctx = ZMQ.context(1);
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final SignatureCheck signer;
    private final String session = UUID.randomUUID().toString();

    TrainingClient(KernelConnectionProperties props) {
        signer = new SignatureCheck(props.getSignatureScheme(), props.getKey());
        String base = props.getTransport() + "://" + props.getIp() + ":";
        shell = socket(SocketType.DEALER, base + props.getShellPort());
        control = socket(SocketType.DEALER, base + props.getControlPort());
        iopub = socket(SocketType.SUB, base + props.getIopubPort());
        iopub.subscribe(new byte[0]);
    }

    private ZMQ.Socket socket(SocketType type, String address) {
        ZMQ.Socket s = ctx.socket(type);
        s.setLinger(0);
        s.setReceiveTimeOut(WAIT_MS);
        s.connect(address);
        return s;
    }

    /**
     * Sends kernel_info requests until the IOPub subscription is live (a SUB socket misses what
     * is published before it has joined), as jupyter_client's {@code wait_for_ready} does.
     *
     * @throws IllegalStateException if no IOPub message arrives within two minutes
     */
    void awaitReady() {
        iopub.setReceiveTimeOut(200);
        long deadline = System.currentTimeMillis() + WAIT_MS;
        try {
            while (System.currentTimeMillis() < deadline) {
                String id = send(shell, "kernel_info_request", new JsonObject());
                awaitReply(id);
                if (iopub.recv(0) != null) {
                    return;
                }
            }
            throw new IllegalStateException("no IOPub message from the training kernel within " + WAIT_MS / 1000 + " s");
        } finally {
            iopub.setReceiveTimeOut(WAIT_MS);
        }
    }

    /**
     * Sends a shell request and waits for its reply and for the {@code idle} status that ends it
     * on IOPub (so every output it publishes has gone out).
     *
     * @return the reply's content
     * @throws IllegalStateException if either does not arrive within two minutes
     */
    JsonObject request(String type, JsonObject content) {
        String id = send(shell, type, content);
        JsonObject reply = awaitReply(id);
        while (true) {
            JsonObject[] m = read(iopub, "IOPub message for " + type);
            if (id.equals(m[1].has("msg_id") ? m[1].get("msg_id").getAsString() : null)
                    && "status".equals(m[0].get("msg_type").getAsString())
                    && "idle".equals(m[2].get("execution_state").getAsString())) {
                return reply;
            }
        }
    }

    /** An execute request of {@code code}, stop_on_error as notebooks send it. */
    JsonObject execute(String code) {
        JsonObject c = new JsonObject();
        c.addProperty("code", code);
        c.addProperty("silent", false);
        c.addProperty("store_history", true);
        c.add("user_expressions", new JsonObject());
        c.addProperty("allow_stdin", false);
        c.addProperty("stop_on_error", true);
        return request("execute_request", c);
    }

    /**
     * Asks the kernel to shut down over the control channel and waits up to 10 s for the reply
     * (the kernel closes its sockets right after sending it, so the reply may be lost; the
     * kernel ends either way).
     */
    void shutdown() {
        JsonObject c = new JsonObject();
        c.addProperty("restart", false);
        String id = send(control, "shutdown_request", c);
        control.setReceiveTimeOut(10_000);
        try {
            while (true) {
                JsonObject[] m = read(control, "shutdown_reply");
                if (id.equals(m[1].has("msg_id") ? m[1].get("msg_id").getAsString() : null)) {
                    return;
                }
            }
        } catch (IllegalStateException e) {
            // no reply: the connection closed first
        }
    }

    private JsonObject awaitReply(String id) {
        while (true) {
            JsonObject[] m = read(shell, "reply to " + id);
            if (id.equals(m[1].has("msg_id") ? m[1].get("msg_id").getAsString() : null)) {
                return m[2];
            }
        }
    }

    private String send(ZMQ.Socket socket, String type, JsonObject content) {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("session", session);
        header.addProperty("username", "jynq-training");
        header.addProperty("date", Instant.now().toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        byte[][] frames = {header.toString().getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8), content.toString().getBytes(StandardCharsets.UTF_8)};
        socket.sendMore(DELIMITER);
        socket.sendMore(signer.expected(frames[0], frames[1], frames[2], frames[3]));
        for (int i = 0; i < frames.length; i++) {
            socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
        return id;
    }

    /**
     * The next message on {@code socket} as {header, parent_header, content}.
     *
     * @throws IllegalStateException if nothing arrives within the socket's receive timeout
     */
    private static JsonObject[] read(ZMQ.Socket socket, String what) {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] f = socket.recv(0);
            if (f == null) {
                throw new IllegalStateException("training kernel: no " + what + " within " + socket.getReceiveTimeOut() / 1000 + " s");
            }
            frames.add(f);
        } while (socket.hasReceiveMore());
        int d = 0;
        while (d < frames.size() && !java.util.Arrays.equals(DELIMITER, frames.get(d))) {
            d++;
        }
        if (frames.size() < d + 6) {
            throw new IllegalStateException("training kernel sent a malformed message (" + frames.size() + " frames)");
        }
        return new JsonObject[] {json(frames.get(d + 2)), json(frames.get(d + 3)), json(frames.get(d + 5))};
    }

    private static JsonObject json(byte[] frame) {
        return JsonParser.parseString(new String(frame, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Override
    public void close() {
        shell.close();
        control.close();
        iopub.close();
        ctx.close();
    }
}
