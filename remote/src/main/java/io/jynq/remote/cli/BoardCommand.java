package io.jynq.remote.cli;

import io.jynq.device.Device;
import io.jynq.device.Devices;
import io.jynq.remote.server.BoardServer;
import io.jynq.remote.server.Limits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./jynq board serve}: serve this machine's board (the simulated one by default) to PYNQ.remote
 * clients and JYNQ's {@code remote} backend until interrupted. Prints one line with the address
 * when ready ({@code jynq board server listening on 127.0.0.1:7967 (sim backend, board root ...)}).
 */
@Command(name = "board", mixinStandardHelpOptions = true, description = "Serve a board over the network (PYNQ.remote's protocol).",
        subcommands = BoardCommand.Serve.class)
public final class BoardCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code board serve}. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve PYNQ.remote's services (remote_device, mmio, buffer) and JYNQ's extensions.")
    public static final class Serve implements Callable<Integer> {
        @Option(names = "--device", defaultValue = "sim", description = "backend to serve: sim or embedded (default: ${DEFAULT-VALUE})")
        String device;

        @Option(names = "--listen", defaultValue = "127.0.0.1:" + BoardServer.PYNQ_PORT,
                description = "HOST:PORT to bind (default: ${DEFAULT-VALUE}); port 0 picks a free one")
        String listen;

        @Option(names = "--board-root", description = "directory that stands for / in the file calls (default: ~/.jynq/board-root)")
        Path boardRoot;

        @Option(names = "--overlays", description = "directory of .bit/.bin files with their .hwh, to recognise uploaded firmware (repeatable)")
        List<Path> overlays = new ArrayList<>();

        @Option(names = "--token-file", description = "file holding the bearer token clients must send (JYNQ_REMOTE_TOKEN also works)")
        Path tokenFile;

        @Option(names = "--tls-cert", description = "PEM certificate chain: serve TLS")
        Path tlsCert;

        @Option(names = "--tls-key", description = "PEM private key of --tls-cert")
        Path tlsKey;

        @Option(names = "--tls-client-ca", description = "PEM CA for client certificates: mutual TLS")
        Path tlsClientCa;

        @Option(names = "--pynq-compatible", description = "beyond loopback, allow plaintext without a token, as PYNQ.remote does (prints a warning)")
        boolean pynqCompatible;

        @Option(names = "--allow-raw-mmio", description = "allow MMIO windows at any physical address, not only the loaded design's")
        boolean allowRawMmio;

        @Option(names = "--arch", defaultValue = "armv7l", description = "what /proc/version reports on a simulated board: armv7l (Zynq-7000) or aarch64 (ZynqMP)")
        String arch;

        @Option(names = "--board-name", defaultValue = "Pynq-Z2", description = "what /proc/device-tree/chosen/pynq_board reads")
        String boardName;

        @Option(names = "--pynq-only", description = "serve PYNQ.remote's three services only, as a stock PYNQ.remote board does")
        boolean pynqOnly;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            int colon = listen.lastIndexOf(':');
            if (colon <= 0) {
                err.println("jynq board serve: --listen must be HOST:PORT, got '" + listen + "'");
                return 2;
            }
            String host = listen.substring(0, colon).replaceAll("^\\[|\\]$", "");
            int port;
            try {
                port = Integer.parseInt(listen.substring(colon + 1));
            } catch (NumberFormatException e) {
                err.println("jynq board serve: the port in --listen '" + listen + "' is not a number");
                return 2;
            }
            if (!arch.equals("armv7l") && !arch.equals("aarch64")) {
                err.println("jynq board serve: --arch is armv7l or aarch64, got '" + arch + "'");
                return 2;
            }
            String token;
            try {
                token = token();
            } catch (UncheckedIOException e) {
                err.println("jynq board serve: " + e.getMessage());
                return 2;
            }
            Path root = boardRoot != null ? boardRoot : io.jynq.config.JynqConfig.current().home().resolve(".jynq").resolve("board-root");
            BoardServer.Options o = new BoardServer.Options(host, port, root, overlays, token, tlsCert, tlsKey, tlsClientCa,
                    pynqCompatible, allowRawMmio, arch, boardName, Limits.DEFAULT, !pynqOnly);
            Device d;
            BoardServer server;
            try {
                d = Devices.open(device);
                server = BoardServer.start(d, o);
            } catch (RuntimeException e) {
                err.println("jynq board serve: " + e.getMessage());
                return 1;
            }
            if (server.warning() != null) {
                err.println(server.warning());
                err.flush();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                d.close();
            }, "jynq-board-server-stop"));
            out.printf("jynq board server listening on %s:%d (%s backend, board root %s%s)%n", host, server.port(), d.name(),
                    root, token != null ? ", token required" : tlsClientCa != null ? ", mutual TLS" : "");
            out.flush();
            server.awaitTermination();
            return 0;
        }

        private String token() {
            if (tokenFile != null) {
                try {
                    String t = Files.readString(tokenFile).trim();
                    if (t.isEmpty()) {
                        throw new UncheckedIOException(new IOException("--token-file " + tokenFile + " is empty"));
                    }
                    return t;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read --token-file " + tokenFile + ": " + e.getMessage(), e);
                }
            }
            return io.jynq.config.JynqConfig.current().value(io.jynq.config.Setting.REMOTE_TOKEN).orElse(null);
        }
    }
}
