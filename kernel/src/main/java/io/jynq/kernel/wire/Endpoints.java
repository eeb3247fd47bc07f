package io.jynq.kernel.wire;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/** ZeroMQ endpoint strings for the connection file's transport and IP. */
final class Endpoints {
    private Endpoints() {
    }

    /**
     * {@code tcp://IP:PORT}, or {@code ipc://IP-PORT} for the ipc transport (jupyter_client's
     * convention, where {@code ip} is a path prefix).
     */
    static String address(KernelConnectionProperties props, int port) {
        String transport = props.getTransport() == null ? "tcp" : props.getTransport();
        if ("ipc".equals(transport)) {
            return "ipc://" + props.getIp() + "-" + port;
        }
        return transport + "://" + props.getIp() + ":" + port;
    }
}
