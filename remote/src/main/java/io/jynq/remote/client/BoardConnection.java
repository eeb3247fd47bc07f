package io.jynq.remote.client;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import java.util.Optional;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.jynq.device.DeviceException;
import io.jynq.device.OutOfDeviceMemoryException;
import io.jynq.error.HardwareTimeoutException;
import io.jynq.remote.wire.Cumulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The channel to one remote board, with what every call needs: the bearer token or TLS identity,
 * a deadline on every call, and one translation of gRPC failures into JYNQ's exceptions whose
 * message names the board ("board 10.0.0.2:7967: mmio read failed: connection lost (...)").
 * gRPC reconnects a dropped channel by itself; the next call after a drop goes out on a new
 * connection, where the board has freed the old connection's buffers and windows.
 *
 * <p>Settings (environment): {@code JYNQ_REMOTE_TOKEN} or {@code JYNQ_REMOTE_TOKEN_FILE} (bearer
 * token), {@code JYNQ_REMOTE_TLS_CA} (trust this CA and use TLS), {@code JYNQ_REMOTE_TLS_CERT} and
 * {@code JYNQ_REMOTE_TLS_KEY} (client identity for mutual TLS), {@code JYNQ_REMOTE_TIMEOUT}
 * (seconds per call, default 30).
 */
public final class BoardConnection implements AutoCloseable {
    /** Transfer rate assumed when a deadline is stretched for a large stream: 20 MB/s. */
    private static final double SLOWEST_BYTES_PER_SECOND = 20e6;

    /**
     * How to reach the board.
     *
     * @param token bearer token, or null
     * @param tlsCa PEM CA to trust (TLS on), or null for plaintext
     * @param tlsCert PEM client certificate for mutual TLS, or null
     * @param tlsKey PEM client key, or null
     * @param timeout deadline of one call
     */
    public record Settings(String token, Path tlsCa, Path tlsCert, Path tlsKey, Duration timeout) {
        /** Plaintext, no token, 30 s. */
        public static final Settings PLAIN = new Settings(null, null, null, null, Duration.ofSeconds(30));

        /** From the environment variables in the class comment. */
        public static Settings fromEnvironment() {
            JynqConfig config = JynqConfig.current();
            String token = config.value(Setting.REMOTE_TOKEN).orElse(null);
            Optional<Path> tokenFile = config.path(Setting.REMOTE_TOKEN_FILE);
            if (token == null && tokenFile.isPresent()) {
                try {
                    token = Files.readString(tokenFile.get()).trim();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + Setting.REMOTE_TOKEN_FILE.label() + " " + tokenFile.get(), e);
                }
            }
            Duration t = Duration.ofSeconds(30);
            Optional<String> timeout = config.value(Setting.REMOTE_TIMEOUT);
            if (timeout.isPresent()) {
                try {
                    t = Duration.ofMillis((long) (Double.parseDouble(timeout.get()) * 1000));
                } catch (NumberFormatException e) {
                    throw config.invalid(Setting.REMOTE_TIMEOUT, "must be seconds", e);
                }
            }
            return new Settings(token == null || token.isBlank() ? null : token.trim(),
                    config.path(Setting.REMOTE_TLS_CA).orElse(null), config.path(Setting.REMOTE_TLS_CERT).orElse(null),
                    config.path(Setting.REMOTE_TLS_KEY).orElse(null), t);
        }

        public Settings withToken(String t) {
            return new Settings(t, tlsCa, tlsCert, tlsKey, timeout);
        }

        public Settings withTimeout(Duration t) {
            return new Settings(token, tlsCa, tlsCert, tlsKey, t);
        }
    }

    private final BoardAddress address;
    private final Settings settings;
    private final ManagedChannel managed;
    private final Channel channel;

    /** Opens the channel (lazily: the first call connects). */
    public BoardConnection(BoardAddress address, Settings settings) {
        this.address = address;
        this.settings = settings;
        this.managed = NettyChannelBuilder.forAddress(address.host(), address.port(), Cumulation.client(credentials(settings)))
                .maxInboundMessageSize(8 << 20)
                .flowControlWindow(8 << 20)
                .keepAliveTime(30, TimeUnit.SECONDS).keepAliveTimeout(10, TimeUnit.SECONDS)
                .build();
        this.channel = settings.token() == null ? managed
                : io.grpc.ClientInterceptors.intercept(managed, new TokenInterceptor(settings.token()));
    }

    private static ChannelCredentials credentials(Settings s) {
        if (s.tlsCa() == null) {
            return InsecureChannelCredentials.create();
        }
        try {
            TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder().trustManager(s.tlsCa().toFile());
            if (s.tlsCert() != null && s.tlsKey() != null) {
                b.keyManager(s.tlsCert().toFile(), s.tlsKey().toFile());
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS files " + s.tlsCa() + ": " + e.getMessage(), e);
        }
    }

    /** The channel for stubs; every call made on it must carry a deadline ({@link #deadline}). */
    public Channel channel() {
        return channel;
    }

    /** The board's address, for messages. */
    public BoardAddress address() {
        return address;
    }

    /** The deadline of one call, in milliseconds, stretched for {@code bytes} moved at 20 MB/s. */
    public long deadlineMillis(long bytes) {
        return settings.timeout().toMillis() + (long) (bytes / SLOWEST_BYTES_PER_SECOND * 1000);
    }

    /** {@link #deadlineMillis(long)} for a call that moves no bulk data. */
    public long deadline() {
        return settings.timeout().toMillis();
    }

    /**
     * Runs one call, translating a gRPC failure into the exception a local backend would throw,
     * with the board and {@code what} in the message.
     */
    public <T> T call(String what, Supplier<T> body) {
        try {
            return body.get();
        } catch (StatusRuntimeException e) {
            throw translate(what, e);
        }
    }

    /** The JYNQ exception for a failed call. */
    public RuntimeException translate(String what, StatusRuntimeException e) {
        Status s = e.getStatus();
        String detail = s.getDescription() == null ? s.getCode().toString() : s.getDescription();
        if (s.getCause() != null && s.getCause().getMessage() != null) {
            detail += " (" + s.getCause().getMessage() + ")"; // e.g. a reply our own parser refused
        }
        String prefix = "board " + address + ": " + what + " failed: ";
        return switch (s.getCode()) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> new IllegalArgumentException(prefix + detail, e);
            case RESOURCE_EXHAUSTED -> new OutOfDeviceMemoryException(prefix + detail);
            case UNAVAILABLE -> new DeviceException(prefix + "the board is unreachable or the connection dropped ("
                    + detail + "); the next call reconnects", e);
            case DEADLINE_EXCEEDED -> new DeviceException(prefix + "no answer within the deadline (" + detail
                    + "; JYNQ_REMOTE_TIMEOUT sets it)", e);
            case UNAUTHENTICATED -> new DeviceException(prefix + detail + " (JYNQ_REMOTE_TOKEN)", e);
            // the board's wait on its hardware expired (a register program's poll), not the call
            case ABORTED -> new HardwareTimeoutException(prefix + detail, Duration.ZERO, java.util.Map.of());
            default -> new DeviceException(prefix + detail, e);
        };
    }

    /** Closes the channel; calls in flight fail. */
    @Override
    public void close() {
        managed.shutdownNow();
        try {
            managed.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds {@code authorization: Bearer TOKEN} to every call. */
    private static final class TokenInterceptor implements ClientInterceptor {
        private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
        private final String value;

        TokenInterceptor(String token) {
            this.value = "Bearer " + token;
        }

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<R> listener, Metadata headers) {
                    headers.put(AUTHORIZATION, value);
                    super.start(listener, headers);
                }
            };
        }
    }
}
