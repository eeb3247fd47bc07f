package io.jynq.device.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The board's download lock, {@code board.lock} in the state directory: held by a download from
 * its first file written until the PL state names the new design and the old register files are
 * retired, and by a process attaching to the design the PL state names while it maps that
 * design's register file. So {@code pl_state.json} always names a complete design, whatever the
 * interleaving of processes (issue 14: two JVMs downloading at once deleted each other's files).
 *
 * <p>A file lock belongs to the JVM, not the thread, and a second {@code lock()} in the same JVM
 * throws; a JVM-wide reentrant lock per directory therefore guards it, and only the outermost
 * holder takes the file lock.
 */
final class BoardLock implements AutoCloseable {
    static final String FILE = "board.lock";
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock fileLock;

    private BoardLock(ReentrantLock local, FileChannel channel, FileLock fileLock) {
        this.local = local;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Waits for and takes the lock of the board in {@code dir} (created if missing).
     *
     * @throws UncheckedIOException naming the lock file if it cannot be created or locked
     */
    static BoardLock acquire(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        ReentrantLock local = LOCAL.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        if (local.getHoldCount() > 1) {
            return new BoardLock(local, null, null);
        }
        Path file = key.resolve(FILE);
        FileChannel ch = null;
        try {
            Files.createDirectories(key);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new BoardLock(local, ch, ch.lock());
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            local.unlock();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot lock the simulated board's " + file, io);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public void close() {
        try {
            if (fileLock != null) {
                fileLock.release();
            }
        } catch (IOException e) {
            // closing the channel below releases it anyway
        } finally {
            closeQuietly(channel);
            local.unlock();
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // the lock goes with the channel; nothing else to undo
            }
        }
    }
}
