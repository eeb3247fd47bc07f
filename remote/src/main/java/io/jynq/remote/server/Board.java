package io.jynq.remote.server;

import io.jynq.device.Device;
import io.jynq.device.DeviceException;
import io.jynq.device.DeviceMemory;
import io.jynq.device.PlState;
import io.jynq.device.RegisterSpace;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The board as its server's clients see it, independent of gRPC: one {@link Device} backend, the
 * board root for the file calls, the design last loaded through the server, and each client's
 * windows and buffers ({@link Session}). The services translate messages to calls on this class
 * and its exceptions to gRPC statuses ({@link Errors}).
 *
 * <p>Exceptions: {@link IllegalArgumentException} for a malformed or oversized request,
 * {@link SecurityException} for what the security model refuses (an MMIO window outside the
 * design), {@link NoSuchElementException} for an unknown id or file, {@link DeviceException} when
 * the backend fails.
 */
final class Board {
    static final String FIRMWARE_DIR = "/lib/firmware/";
    static final String FPGA_MANAGER = "sys/class/fpga_manager/fpga0/";

    final Device device;
    final BoardRoot root;
    final Limits limits;
    final String arch;
    final String boardName;
    final Instant started = Instant.now();
    final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    /** Calls accepted since the server started, of every service. */
    final java.util.concurrent.atomic.LongAdder calls = new java.util.concurrent.atomic.LongAdder();
    private final boolean allowRawMmio;
    private final DesignLocator locator;
    private final PsClockWindow.Blocks psBlocks = new PsClockWindow.Blocks();
    private volatile Loaded loaded;
    private volatile String flags = "0";
    private volatile String firmware = "";

    /** The design this server downloaded, with the PL state it produced. */
    private record Loaded(PlState state, OverlayMetadata metadata) {}

    /**
     * @param arch what {@code /proc/version} tells clients: {@code armv7l} or {@code aarch64}
     */
    Board(Device device, BoardRoot root, DesignLocator locator, Limits limits, boolean allowRawMmio, String arch, String boardName) {
        this.device = device;
        this.root = root;
        this.locator = locator;
        this.limits = limits;
        this.allowRawMmio = allowRawMmio;
        this.arch = arch;
        this.boardName = boardName;
    }

    // ---- MMIO windows -------------------------------------------------------------------------

    /**
     * Opens a window for {@code session}.
     *
     * @return its id
     * @throws IllegalArgumentException if the range is empty, too large or overflows
     * @throws SecurityException if the range is outside the loaded design and the PS clock registers
     */
    String openWindow(Session session, long base, long length) {
        if (length <= 0 || length > limits.maxWindowBytes() || base < 0 || base + length < base) {
            throw new IllegalArgumentException("MMIO window at 0x" + Long.toHexString(base) + " of " + length
                    + " bytes: the length must be 1.." + limits.maxWindowBytes() + " and the range inside 64 bits");
        }
        if (session.windows.size() >= limits.maxPerSession()) {
            throw new IllegalArgumentException("this connection already holds " + limits.maxPerSession() + " MMIO windows");
        }
        Session.Window w = map(base, length);
        String id = session.newId("w");
        session.windows.put(id, w);
        return id;
    }

    private Session.Window map(long base, long length) {
        if (PsClockWindow.blockOf(base, length) >= 0) {
            RegisterSpace s = device.name().equals("embedded") ? device.map(base, length) : psBlocks.window(device, base, length);
            return new Session.Window(base, length, s, null);
        }
        PlState now = device.plState();
        checkInDesign(base, length, now);
        return new Session.Window(base, length, device.map(base, length), now);
    }

    private void checkInDesign(long base, long length, PlState now) {
        if (allowRawMmio) {
            return;
        }
        Loaded l = loaded;
        if (l == null || !l.state().equals(now)) {
            throw new SecurityException(String.format("MMIO window 0x%x+0x%x refused: no design loaded through this server"
                    + " is in the PL (%s), so only the PS clock registers may be opened; start the server with"
                    + " --allow-raw-mmio to open any address", base, length,
                    now.isProgrammed() ? "it holds " + now.bitfileName() : "it is empty"));
        }
        for (IpDescription ip : l.metadata().ipDict().values()) {
            if (inside(base, length, ip)) {
                return;
            }
        }
        for (IpDescription m : l.metadata().memDict().values()) {
            if (inside(base, length, m)) {
                return;
            }
        }
        throw new SecurityException(String.format("MMIO window 0x%x+0x%x refused: it is inside no IP or memory range of"
                + " the loaded design %s (nor the PS clock registers); start the server with --allow-raw-mmio to open it",
                base, length, Path.of(now.bitfileName()).getFileName()));
    }

    private static boolean inside(long base, long length, IpDescription ip) {
        return !ip.processingSystem() && ip.addrRange() > 0 && base >= ip.physAddr()
                && base + length <= ip.physAddr() + ip.addrRange();
    }

    /**
     * The register space of window {@code id}, mapped again if the PL was reprogrammed since.
     *
     * @throws NoSuchElementException if the session has no such window
     * @throws SecurityException if the new design no longer covers the window
     */
    RegisterSpace window(Session session, String id) {
        Session.Window w = session.windows.get(id);
        if (w == null) {
            throw new NoSuchElementException("MMIO Object not found: no window '" + id + "' on this connection");
        }
        if (w.mappedFor != null) {
            PlState now = device.plState();
            if (!now.equals(w.mappedFor)) {
                synchronized (w) {
                    if (!now.equals(w.mappedFor)) {
                        checkInDesign(w.base, w.length, now);
                        w.space = device.map(w.base, w.length);
                        w.mappedFor = now;
                    }
                }
            }
        }
        return w.space;
    }

    /** Forgets window {@code id}; returns whether it existed. */
    boolean releaseWindow(Session session, String id) {
        return session.windows.remove(id) != null;
    }

    // ---- contiguous buffers -------------------------------------------------------------------

    /**
     * Allocates a buffer for {@code session}.
     *
     * @return its id
     * @throws IllegalArgumentException if {@code bytes} is not 1..maxBufferBytes or the session holds too many
     * @throws io.jynq.device.OutOfDeviceMemoryException if the board has no block that large
     */
    String allocate(Session session, long bytes, boolean cacheable) {
        if (bytes <= 0 || bytes > limits.maxBufferBytes()) {
            throw new IllegalArgumentException("buffer size " + bytes + " bytes: must be 1.." + limits.maxBufferBytes());
        }
        if (session.buffers.size() >= limits.maxPerSession()) {
            throw new IllegalArgumentException("this connection already holds " + limits.maxPerSession() + " buffers");
        }
        DeviceMemory m = device.allocate(bytes, 4096, cacheable);
        String id = session.newId("b");
        session.buffers.put(id, m);
        return id;
    }

    /** @throws NoSuchElementException if the session has no such buffer */
    DeviceMemory buffer(Session session, String id) {
        DeviceMemory m = session.buffers.get(id);
        if (m == null) {
            throw new NoSuchElementException("Buffer not found: no buffer '" + id + "' on this connection");
        }
        return m;
    }

    /** @throws NoSuchElementException if the session has no such buffer */
    void free(Session session, String id) {
        DeviceMemory m = session.buffers.remove(id);
        if (m == null) {
            throw new NoSuchElementException("Buffer not found: no buffer '" + id + "' on this connection");
        }
        m.close();
    }

    // ---- files --------------------------------------------------------------------------------

    /** Whether the board path exists (the FPGA Manager and /proc files always do). */
    boolean exists(String boardPath) {
        String rel = BoardRoot.normalize(boardPath);
        return virtualFile(rel) != null || Files.exists(root.resolve(boardPath));
    }

    /**
     * The content of a board file.
     *
     * @throws NoSuchElementException if it does not exist or is a directory
     */
    byte[] read(String boardPath) {
        String rel = BoardRoot.normalize(boardPath);
        String v = virtualFile(rel);
        if (v != null) {
            return v.getBytes(StandardCharsets.UTF_8);
        }
        Path p = root.resolve(boardPath);
        if (!Files.isRegularFile(p)) {
            throw new NoSuchElementException("no file " + boardPath + " on the board");
        }
        try {
            if (Files.size(p) > limits.maxFileBytes()) {
                throw new IllegalArgumentException(boardPath + " is larger than " + limits.maxFileBytes() + " bytes");
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + boardPath, e);
        }
    }

    /** What the board's kernel and FPGA Manager files read as, or null for an ordinary file. */
    private String virtualFile(String rel) {
        return switch (rel) {
            case "proc/version" -> realOr("/proc/version", "Linux version 6.6.10-xilinx (jynq board server, "
                    + device.name() + " backend) #1 SMP PREEMPT " + arch + " GNU/Linux\n");
            case "proc/device-tree/chosen/pynq_board" -> boardName + "\0";
            case FPGA_MANAGER + "state" -> device.plState().isProgrammed() ? "operating\n" : "unknown\n";
            case FPGA_MANAGER + "flags" -> flags + "\n";
            case FPGA_MANAGER + "firmware" -> firmware + "\n";
            case FPGA_MANAGER + "name" -> "JYNQ " + device.name() + " FPGA Manager\n";
            default -> null;
        };
    }

    private String realOr(String file, String otherwise) {
        if (device.name().equals("embedded")) {
            try {
                return Files.readString(Path.of(file));
            } catch (IOException e) {
                return otherwise;
            }
        }
        return otherwise;
    }

    /** Whether a write to this board path is handled by the board rather than stored. */
    boolean isControlFile(String boardPath) {
        return virtualFile(BoardRoot.normalize(boardPath)) != null;
    }

    /**
     * Takes a write to an FPGA Manager file: {@code flags} (0 full, 1 partial) is stored,
     * {@code firmware} loads that image from {@code /lib/firmware}.
     *
     * @throws IllegalArgumentException for other control files or bad content
     */
    void writeControl(String boardPath, byte[] content) {
        String rel = BoardRoot.normalize(boardPath);
        String text = new String(content, StandardCharsets.UTF_8).replace("\0", "").trim();
        switch (rel) {
            case FPGA_MANAGER + "flags" -> {
                if (!text.matches("[0-9a-fA-Fx]{1,10}")) {
                    throw new IllegalArgumentException("FPGA Manager flags must be a number, got '" + text + "'");
                }
                flags = text;
            }
            case FPGA_MANAGER + "firmware" -> loadFirmware(text, (parseFlags(flags) & 1) != 0);
            default -> throw new IllegalArgumentException(boardPath + " is read-only on this board");
        }
    }

    private static long parseFlags(String f) {
        return f.toLowerCase(Locale.ROOT).startsWith("0x") ? Long.parseLong(f.substring(2), 16) : Long.parseLong(f);
    }

    /**
     * Stores {@code temp} (a complete upload in the same directory) as the board file, atomically.
     */
    void commit(Path temp, Path target) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + target.getFileName(), e);
        }
    }

    // ---- the PL -------------------------------------------------------------------------------

    /**
     * Programs the PL with {@code /lib/firmware/NAME} as FPGA Manager would, finding its design
     * ({@link DesignLocator}). On failure the PL keeps what it had.
     *
     * @throws NoSuchElementException if there is no such image
     * @throws DeviceException if no design matches or the backend refuses
     */
    synchronized void loadFirmware(String name, boolean partial) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("firmware name must be a file in " + FIRMWARE_DIR + ", got '" + name + "'");
        }
        Path image = root.resolve(FIRMWARE_DIR + name);
        if (!Files.isRegularFile(image)) {
            throw new NoSuchElementException("no firmware " + FIRMWARE_DIR + name + " on the board; write it first");
        }
        DesignLocator.Design d = locator.locate(image);
        device.download(d.bitstream(), d.metadata(), partial);
        loaded = new Loaded(device.plState(), d.metadata());
        firmware = name;
    }

    /** The PL state every client sees. */
    PlState plState() {
        return device.plState();
    }
}
