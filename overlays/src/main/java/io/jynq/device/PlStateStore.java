package io.jynq.device;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
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
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The PL state shared by every process on one board (simulated or real), kept as a small JSON
 * file, {@code pl_state.json}, in a state directory. A write goes to a temporary file that is
 * renamed over the old one while holding an exclusive lock on {@code pl_state.lock}, so a reader
 * in another process sees either the old or the new state, never a torn one (PYNQ keeps the same
 * idea in {@code global_pl_state_.json}).
 *
 * <p>Readers take no lock: rename is atomic on one file system. A missing file reads as
 * {@link PlState#EMPTY}; a corrupt one, or one of a newer format, throws {@link DeviceException}
 * naming the file and how to get out; one of the older format 1 reads with no partial regions.
 *
 * <p>{@link #read()} is on the path of every {@code ol.ip(...)} (the overlay checks it is still
 * loaded), so it re-parses only when the file changed: each write renames a new file into place,
 * which changes its file key (inode) and modification time, and one {@code stat} tells.
 */
public final class PlStateStore {
    static final String FILE = "pl_state.json";
    static final String LOCK = "pl_state.lock";
    /**
     * The file's format: 2 added {@code format} and {@code regions} (the partial designs, with the
     * full design's hash kept at the top); 1 had neither and is still read (no regions).
     */
    static final int FORMAT = 2;
    private static final Gson GSON = new Gson();
    /** How to get out of a corrupt state file, on either backend. */
    private static final String RESET_HINT = "delete it (the PL then reads as empty; on the simulated board"
            + " `./jynq sim reset` clears all of its state)";

    private final Path dir;
    private Cached cached;

    /** The last state read, with the attributes of the file it came from. */
    private record Cached(Object fileKey, FileTime modified, long size, PlState state) {}

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
    public synchronized PlState read() {
        Path file = dir.resolve(FILE);
        BasicFileAttributes attributes;
        String text;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Cached c = cached;
            if (c != null && attributes.fileKey() != null && attributes.fileKey().equals(c.fileKey())
                    && attributes.lastModifiedTime().equals(c.modified()) && attributes.size() == c.size()) {
                return c.state();
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            cached = null;
            return PlState.EMPTY;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DeviceException("corrupt PL state file " + file + " (not UTF-8 text written by JYNQ): " + RESET_HINT, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PL state " + file, e);
        }
        PlState state = parse(file, text);
        cached = new Cached(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(), state);
        return state;
    }

    /** The state in {@code text}, the content of {@code file}; package access for the fuzz test. */
    static PlState parse(Path file, String text) {
        JsonObject o;
        int format;
        try {
            o = GSON.fromJson(text, JsonObject.class);
            format = o.has("format") ? o.get("format").getAsInt() : 1;
        } catch (JsonParseException | NullPointerException | IllegalStateException
                 | UnsupportedOperationException | NumberFormatException e) {
            throw new DeviceException("corrupt PL state file " + file + " (" + e.getMessage() + "): " + RESET_HINT, e);
        }
        if (format > FORMAT) {
            throw new DeviceException("PL state file " + file + " has format " + format + ", written by a newer JYNQ"
                    + " (this one reads up to " + FORMAT + "): use that JYNQ, or " + RESET_HINT);
        }
        try {
            List<PlState.PartialRegion> regions = new ArrayList<>();
            JsonArray a = o.has("regions") ? o.getAsJsonArray("regions") : new JsonArray();
            for (JsonElement e : a) {
                JsonObject r = e.getAsJsonObject();
                regions.add(new PlState.PartialRegion(r.get("region").getAsString(),
                        r.get("bitfile_name").getAsString(), r.get("metadata_sha256").getAsString()));
            }
            // format 1 (no regions) kept the partial design's hash at the top after a partial
            // download: the full design is unknown, which readers treat as a partial from another process
            return new PlState(o.get("bitfile_name").getAsString(),
                    Instant.parse(o.get("timestamp").getAsString()),
                    o.get("metadata_sha256").getAsString(),
                    o.get("partial").getAsBoolean(), regions);
        } catch (JsonParseException | NullPointerException | IllegalStateException | ClassCastException
                 | UnsupportedOperationException | java.time.format.DateTimeParseException e) {
            throw new DeviceException("corrupt PL state file " + file + " (" + e.getMessage() + "): " + RESET_HINT, e);
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
        o.addProperty("format", FORMAT);
        JsonArray regions = new JsonArray();
        for (PlState.PartialRegion r : state.regions()) {
            JsonObject e = new JsonObject();
            e.addProperty("region", r.region());
            e.addProperty("bitfile_name", r.bitfileName());
            e.addProperty("metadata_sha256", r.metadataSha256());
            regions.add(e);
        }
        o.add("regions", regions);
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
