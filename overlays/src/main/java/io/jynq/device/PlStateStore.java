package io.jynq.device;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The PL state shared by every process on one board (simulated or real), kept as a small JSON
 * file, {@code pl_state.json}, in a state directory. A write goes to a temporary file that is
 * renamed over the old one while holding an exclusive lock on {@code pl_state.lock}, so a reader
 * in another process sees either the old or the new state, never a torn one (PYNQ keeps the same
 * idea in {@code global_pl_state_.json}).
 *
 * <p>Readers take no lock: rename is atomic on one file system. A missing file reads as
 * {@link PlState#EMPTY}; a corrupt one throws {@link DeviceException} naming the file.
 */
public final class PlStateStore {
    static final String FILE = "pl_state.json";
    static final String LOCK = "pl_state.lock";
    private static final Gson GSON = new Gson();

    private final Path dir;

    /**
     * @param stateDirectory where the files live; created on the first write
     */
    public PlStateStore(Path stateDirectory) {
        this.dir = stateDirectory;
    }

    /** The directory holding the state. */
    public Path directory() {
        return dir;
    }

    /**
     * The state as last written by any process.
     *
     * @throws DeviceException if the file exists but is not a PL state written by JYNQ
     * @throws UncheckedIOException if it cannot be read
     */
    public PlState read() {
        Path file = dir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return PlState.EMPTY;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PL state " + file, e);
        }
        try {
            JsonObject o = GSON.fromJson(text, JsonObject.class);
            return new PlState(o.get("bitfile_name").getAsString(),
                    Instant.parse(o.get("timestamp").getAsString()),
                    o.get("metadata_sha256").getAsString(),
                    o.get("partial").getAsBoolean());
        } catch (JsonParseException | NullPointerException | IllegalStateException
                 | UnsupportedOperationException | java.time.format.DateTimeParseException e) {
            throw new DeviceException("corrupt PL state file " + file + " (delete it to reset the board state): " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the state atomically for every process.
     *
     * @throws UncheckedIOException if the directory or files cannot be written
     */
    public void write(PlState state) {
        JsonObject o = new JsonObject();
        o.addProperty("bitfile_name", state.bitfileName());
        o.addProperty("timestamp", state.timestamp().toString());
        o.addProperty("metadata_sha256", state.metadataSha256());
        o.addProperty("partial", state.partial());
        try {
            Files.createDirectories(dir);
            try (FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                Path tmp = Files.createTempFile(dir, FILE, ".tmp");
                try {
                    Files.writeString(tmp, GSON.toJson(o), StandardCharsets.UTF_8);
                    try {
                        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PL state in " + dir, e);
        }
    }
}
