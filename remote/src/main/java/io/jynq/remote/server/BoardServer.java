package io.jynq.remote.server;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.jynq.remote.wire.Cumulation;
import io.jynq.device.Device;
import io.jynq.remote.wire.BulkMarshalling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JYNQ board server: PYNQ.remote's three services ({@code remote_device}, {@code mmio},
 * {@code buffer}) and JYNQ's extension services over any {@link Device} backend, so that PYNQ's
 * own client, JYNQ's {@code remote} backend or any gRPC client generated from the same
 * {@code .proto} files drives the board ({@code ./jynq board serve}, docs/remote.md).
 *
 * <p>Security (PYNQ.remote has none): a loopback address unless told otherwise; any other address
 * needs a bearer token or mutual TLS, or the explicit PYNQ-compatible plaintext mode, which
 * {@link #warning()} reports; file calls confined to the board root; MMIO only on the loaded
 * design's ranges and the PS clock registers unless {@code allowRawMmio}; every request bounded by
 * {@link Limits}; a client's buffers and windows freed when its connection ends.
 */
public final class BoardServer implements AutoCloseable {
    /** PYNQ.remote's port, which PYNQ's client hard-codes. */
    public static final int PYNQ_PORT = 7967;

    /**
     * How to serve.
     *
     * @param host the address to bind: a name or literal; loopback unless told otherwise
     * @param port the TCP port, 0 for an ephemeral one
     * @param boardRoot the directory that stands for the board's {@code /} in the file calls
     * @param overlayDirs where firmware images are recognised by content, besides the overlay packages
     * @param token the bearer token clients must send, or null
     * @param tlsCert PEM certificate chain for TLS, or null
     * @param tlsKey PEM private key for TLS, or null
     * @param tlsClientCa PEM CA that client certificates must chain to (mutual TLS), or null
     * @param pynqCompatible allow plaintext without a token beyond loopback, as PYNQ.remote does
     * @param allowRawMmio allow MMIO windows at any address
     * @param arch what {@code /proc/version} tells clients: {@code armv7l} or {@code aarch64}
     * @param boardName what {@code /proc/device-tree/chosen/pynq_board} reads
     * @param limits request bounds
     * @param extensions serve JYNQ's extension services too; false serves PYNQ.remote's three only, as a stock board
     */
    public record Options(String host, int port, Path boardRoot, List<Path> overlayDirs, String token,
            Path tlsCert, Path tlsKey, Path tlsClientCa, boolean pynqCompatible, boolean allowRawMmio,
            String arch, String boardName, Limits limits, boolean extensions) {

        /** Loopback on an ephemeral port with a board root, everything else default. */
        public static Options loopback(Path boardRoot) {
            return new Options("127.0.0.1", 0, boardRoot, List.of(), null, null, null, null, false, false,
                    "armv7l", "Pynq-Z2", Limits.DEFAULT, true);
        }

        public Options withToken(String t) {
            return new Options(host, port, boardRoot, overlayDirs, t, tlsCert, tlsKey, tlsClientCa, pynqCompatible,
                    allowRawMmio, arch, boardName, limits, extensions);
        }

        public Options withHost(String h, boolean pynq) {
            return new Options(h, port, boardRoot, overlayDirs, token, tlsCert, tlsKey, tlsClientCa, pynq,
                    allowRawMmio, arch, boardName, limits, extensions);
        }

        public Options withLimits(Limits l) {
            return new Options(host, port, boardRoot, overlayDirs, token, tlsCert, tlsKey, tlsClientCa, pynqCompatible,
                    allowRawMmio, arch, boardName, l, extensions);
        }

        public Options withExtensions(boolean on) {
            return new Options(host, port, boardRoot, overlayDirs, token, tlsCert, tlsKey, tlsClientCa, pynqCompatible,
                    allowRawMmio, arch, boardName, limits, on);
        }

        public Options withRawMmio(boolean allow) {
            return new Options(host, port, boardRoot, overlayDirs, token, tlsCert, tlsKey, tlsClientCa, pynqCompatible,
                    allow, arch, boardName, limits, extensions);
        }

        boolean mutualTls() {
            return tlsCert != null && tlsKey != null && tlsClientCa != null;
        }
    }

    private final Server server;
    private final Board board;
    private final String warning;

    private BoardServer(Server server, Board board, String warning) {
        this.server = server;
        this.board = board;
        this.warning = warning;
    }

    /**
     * Binds and starts serving {@code device}.
     *
     * @throws IllegalArgumentException if a non-loopback address has neither token, mutual TLS nor
     *     the PYNQ-compatible mode, or TLS is half configured
     * @throws UncheckedIOException if the port cannot be bound (the message names it)
     */
    public static BoardServer start(Device device, Options o) {
        String warning = checkSecurity(o);
        Board board = new Board(device, new BoardRoot(o.boardRoot()), new DesignLocator(o.overlayDirs()), o.limits(),
                o.allowRawMmio(), o.arch(), o.boardName());
        Sessions sessions = new Sessions(board);
        List<ServerServiceDefinition> services = new ArrayList<>(List.of(
                new DeviceService(board).bindService(), new MmioService(board).bindService(),
                BulkMarshalling.aliasing(new BufferService(board).bindService(), BULK_UPLOADS)));
        if (o.extensions()) {
            services.addAll(List.of(new ExtensionServices.BoardService(board).bindService(),
                    new ExtensionServices.MmioExtService(board).bindService(),
                    new ExtensionServices.BufferExtService(board).definition(),
                    new ExtensionServices.InterruptService(board).bindService(),
                    new SimControlService(board).bindService()));
        }
        NettyServerBuilder b = NettyServerBuilder.forAddress(new InetSocketAddress(o.host(), o.port()), Cumulation.server(credentials(o)))
                .maxInboundMessageSize(o.limits().maxMessageBytes())
                .maxInboundMetadataSize(16 << 10)
                .flowControlWindow(8 << 20)
                // dead clients are noticed, so their buffers are freed
                .keepAliveTime(30, TimeUnit.SECONDS).keepAliveTimeout(10, TimeUnit.SECONDS)
                .permitKeepAliveTime(5, TimeUnit.SECONDS).permitKeepAliveWithoutCalls(true)
                .addTransportFilter(sessions)
                .callExecutor(BoardServer::executorFor);
        for (ServerServiceDefinition s : services) {
            ServerServiceDefinition wrapped = ServerInterceptors.intercept(s, sessions);
            if (o.token() != null) {
                wrapped = ServerInterceptors.intercept(wrapped, new BearerAuth(o.token()));
            }
            b.addService(wrapped);
        }
        Server server = b.build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + o.host() + ":" + o.port() + ": " + e.getMessage(), e);
        }
        return new BoardServer(server, board, warning);
    }

    /**
     * Short calls that never block (a register access, an address, the PL state) run on the
     * transport's own thread: a thread hand-off per call costs more than the call, and a 32-bit
     * read is one round trip of the notebook's inner loops. Register programs run there too; their
     * polls are bounded by {@link Limits#maxWaitMillis()}. Everything else (streams, downloads,
     * interrupt waits) runs on the server's pool.
     */
    private static java.util.concurrent.Executor executorFor(io.grpc.ServerCall<?, ?> call, io.grpc.Metadata headers) {
        return DIRECT.contains(call.getMethodDescriptor().getFullMethodName()) ? Runnable::run : null;
    }

    /** The calls whose requests carry buffer bytes: parsed with one copy fewer ({@link BulkMarshalling}). */
    private static final java.util.Set<String> BULK_UPLOADS = java.util.Set.of("buffer.RemoteBuffer/write");

    private static final java.util.Set<String> DIRECT = java.util.Set.of("mmio.Mmio/read", "mmio.Mmio/write",
            "jynq.remote.MmioExt/read", "jynq.remote.MmioExt/write", "jynq.remote.MmioExt/run",
            "jynq.remote.MmioExt/release", "jynq.remote.Board/pl_state", "jynq.remote.Board/hello",
            "buffer.RemoteBuffer/physical_address", "buffer.RemoteBuffer/cacheable");

    /**
     * The security model's rule for where a server may listen: loopback freely; elsewhere with a
     * token or mutual TLS; elsewhere in plaintext without either only in the PYNQ-compatible mode,
     * which earns a warning.
     *
     * @return the warning to print, or null
     * @throws IllegalArgumentException if the options break the rule, or TLS is half configured
     */
    static String checkSecurity(Options o) {
        if ((o.tlsCert() == null) != (o.tlsKey() == null)) {
            throw new IllegalArgumentException("TLS needs both --tls-cert and --tls-key");
        }
        if (o.tlsClientCa() != null && o.tlsCert() == null) {
            throw new IllegalArgumentException("--tls-client-ca needs --tls-cert and --tls-key");
        }
        if (isLoopback(o.host()) || o.token() != null || o.mutualTls()) {
            return null;
        }
        if (!o.pynqCompatible()) {
            throw new IllegalArgumentException("listening on " + o.host() + " (not loopback) needs a token (--token-file"
                    + " or JYNQ_REMOTE_TOKEN), mutual TLS (--tls-cert, --tls-key, --tls-client-ca), or --pynq-compatible"
                    + " to serve plaintext without authentication as PYNQ.remote does");
        }
        return "WARNING: serving PYNQ.remote in plaintext without authentication on " + o.host() + ":" + o.port()
                + ": anyone who reaches this port can program the PL, read and write the board root "
                + o.boardRoot() + " and the design's registers";
    }

    private static ServerCredentials credentials(Options o) {
        if (o.tlsCert() == null) {
            return InsecureServerCredentials.create();
        }
        try {
            TlsServerCredentials.Builder t = TlsServerCredentials.newBuilder().keyManager(o.tlsCert().toFile(), o.tlsKey().toFile());
            if (o.tlsClientCa() != null) {
                t.trustManager(o.tlsClientCa().toFile()).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
            }
            return t.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS files: " + e.getMessage(), e);
        }
    }

    /** Whether {@code host} names only this machine. */
    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The port bound (the ephemeral one when 0 was asked). */
    public int port() {
        return server.getPort();
    }

    /** The warning to print for an unauthenticated plaintext server beyond loopback, or null. */
    public String warning() {
        return warning;
    }

    /** Connections open now. */
    public int sessions() {
        return board.sessions.size();
    }

    /** Calls (round trips, and streams as one each) accepted since the server started, of every service. */
    public long callsServed() {
        return board.calls.sum();
    }

    /** Buffers held by all connections now. */
    public int liveBuffers() {
        return board.sessions.stream().mapToInt(s -> s.buffers.size()).sum();
    }

    /** Blocks until the server stops. */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /** Stops accepting calls, ends the open ones within 5 s and frees every session. */
    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (Session s : board.sessions) {
            s.close();
        }
        board.sessions.clear();
    }
}
