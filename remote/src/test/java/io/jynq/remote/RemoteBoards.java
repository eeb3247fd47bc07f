package io.jynq.remote;

import io.jynq.device.sim.SimDevice;
import io.jynq.remote.client.BoardAddress;
import io.jynq.remote.client.BoardConnection;
import io.jynq.remote.client.RemoteDevice;
import io.jynq.remote.server.BoardServer;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;

/**
 * A simulated board served on a loopback ephemeral port, with clients connected to it; everything
 * in one test's temporary directory and closed together.
 */
final class RemoteBoards implements AutoCloseable {
    final SimDevice sim;
    final BoardServer server;
    private final java.util.List<AutoCloseable> clients = new java.util.ArrayList<>();

    RemoteBoards(Path dir, BoardServer.Options options) {
        this.sim = SimBoards.open(dir, 128);
        this.server = BoardServer.start(sim, options);
    }

    RemoteBoards(Path dir) {
        this(dir, BoardServer.Options.loopback(dir.resolve("board-root")));
    }

    BoardAddress address() {
        return new BoardAddress("127.0.0.1", server.port());
    }

    RemoteDevice connect() {
        return connect(BoardConnection.Settings.PLAIN);
    }

    RemoteDevice connect(BoardConnection.Settings settings) {
        RemoteDevice d = RemoteDevice.connect(address(), settings);
        clients.add(d);
        return d;
    }

    @Override
    public void close() {
        for (AutoCloseable c : clients) {
            try {
                c.close();
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
        server.close();
        sim.close();
    }
}
