package io.jynq.device.sim;

import io.jynq.device.DeviceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./jynq sim reset}: clears a simulated board's state directory, the way out of every state
 * file that cannot be repaired (a corrupt {@code pl_state.json}, an arena table naming a pid that
 * a reboot gave to another program, a DDR file of the wrong size). The PL then reads as empty,
 * DDR as free; the next process creates fresh files.
 *
 * <p>Runs under the {@link BoardLock}, so no download is half done; register files are retired
 * first, so a notebook still holding a handle gets the stale-handle message, not old data.
 */
public final class BoardReset {
    /** The fix named by the simulator's messages about its state files. */
    public static final String HINT = "run `./jynq sim reset` to clear the simulated board's state"
            + " (PL, buffers and DDR; JYNQ_SIM_DIR chooses the board)";

    private static final List<String> PATTERNS = List.of("pl_state.json", "pl-*.regs", "design-*.hwh", "*.tmp",
            "ddr.arenas", "ddr.bin");

    private BoardReset() {}

    /**
     * Clears the board whose state is in {@code dir}.
     *
     * @param force also when live processes hold DDR buffers on it (they may be unrelated programs
     *     that got a reused pid; a JYNQ process among them loses its buffers' contents)
     * @return the names of the files removed, in order
     * @throws DeviceException naming the processes, if some hold buffers and {@code force} is false
     * @throws UncheckedIOException naming the file that cannot be removed
     */
    public static List<String> reset(Path dir, boolean force) {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (BoardLock lock = BoardLock.acquire(dir)) {
            Map<Long, Long> holders = holders(dir);
            if (!holders.isEmpty() && !force) {
                StringBuilder who = new StringBuilder();
                holders.forEach((pid, bytes) -> who.append(who.length() == 0 ? "" : ", ").append("pid ").append(pid)
                        .append(" (").append(bytes >> 20).append(" MiB, ")
                        .append(ProcessHandle.of(pid).flatMap(h -> h.info().command()).orElse("?")).append(")"));
                throw new DeviceException("not resetting the simulated board in " + dir + ": live processes hold"
                        + " buffers on it: " + who + "; close those notebooks first, or use --force if they are not"
                        + " JYNQ processes (pids are reused after a reboot)");
            }
            for (String pattern : PATTERNS) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, pattern)) {
                    for (Path p : ds) {
                        if (pattern.equals("pl-*.regs")) {
                            LiveDesign.retire(p);
                        }
                        Files.deleteIfExists(p);
                        removed.add(p.getFileName().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the simulated board in " + dir, e);
        }
        return removed;
    }

    /** Live processes other than this one holding arenas; none when the table is unreadable (reset repairs it). */
    private static Map<Long, Long> holders(Path dir) {
        Path table = dir.resolve("ddr.arenas");
        if (!Files.exists(table)) {
            return Map.of();
        }
        try {
            return new ArenaTable(table, 0).otherHolders();
        } catch (DeviceException | UncheckedIOException e) {
            return Map.of();
        }
    }
}
