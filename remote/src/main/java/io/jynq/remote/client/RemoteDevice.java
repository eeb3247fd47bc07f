package io.jynq.remote.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jynq.device.Device;
import io.jynq.device.DeviceException;
import io.jynq.device.DeviceMemory;
import io.jynq.device.IrqLine;
import io.jynq.device.MemoryStats;
import io.jynq.device.PlState;
import io.jynq.device.RegisterSpace;
import io.jynq.device.embedded.PlClocks;
import io.jynq.metadata.Arch;
import io.jynq.metadata.BitFile;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.remote.proto.buffer.AddressRequest;
import io.jynq.remote.proto.buffer.AllocateRequest;
import io.jynq.remote.proto.buffer.AllocateResponse;
import io.jynq.remote.proto.buffer.RemoteBufferGrpc;
import io.jynq.remote.proto.device.ExistsFileRequest;
import io.jynq.remote.proto.device.ReadFileRequest;
import io.jynq.remote.proto.device.ReadFileResponse;
import io.jynq.remote.proto.device.RemoteDeviceGrpc;
import io.jynq.remote.proto.device.SetBitstreamAttrsRequest;
import io.jynq.remote.proto.device.WriteFileRequest;
import io.jynq.remote.proto.device.WriteFileResponse;
import io.jynq.remote.proto.ext.BoardGrpc;
import io.jynq.remote.proto.ext.HealthRequest;
import io.jynq.remote.proto.ext.HealthResponse;
import io.jynq.remote.proto.ext.HelloRequest;
import io.jynq.remote.proto.ext.HelloResponse;
import io.jynq.remote.proto.ext.PlClockRequest;
import io.jynq.remote.proto.ext.PlStateRequest;
import io.jynq.remote.proto.ext.PlStateResponse;
import io.jynq.remote.proto.ext.SimControlGrpc;
import io.jynq.remote.proto.ext.SimInvoke;
import io.jynq.remote.proto.ext.SimModelRequest;
import io.jynq.remote.proto.ext.SimRun;
import io.jynq.remote.proto.ext.SimValue;
import io.jynq.remote.wire.SimValues;
import io.jynq.device.sim.SimControls;
import io.jynq.device.sim.model.IpModel;
import io.jynq.remote.wire.PlStates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A board over the network: the {@code remote} {@link Device} backend, speaking PYNQ.remote's
 * protocol ({@code remote_device}, {@code mmio}, {@code buffer}) to a stock PYNQ.remote server or
 * a JYNQ board server, and JYNQ's extension services when the server offers them ({@code hello}).
 *
 * <ul>
 *   <li>Download: as PYNQ's client does, the {@code .bin} goes to {@code /lib/firmware} and the
 *       FPGA Manager {@code flags} and {@code firmware} files are written through the file calls;
 *       to a JYNQ server the {@code .hwh} goes beside the {@code .bin}, so the board knows the
 *       design even when it has no copy of the overlay.</li>
 *   <li>MMIO: {@link RemoteRegisterSpace}, one round trip per access, or per
 *       {@link RegisterBatch}.</li>
 *   <li>Buffers: {@link RemoteMemory}, a local copy synced by flush and invalidate.</li>
 *   <li>PL state: a JYNQ server's, shared by every client of the board (a download by another
 *       client shows here, and this client's overlay is then no longer loaded); against a stock
 *       server, what this client downloaded.</li>
 *   <li>Clocks: a JYNQ server's {@code pl_clock}; else the PS clock registers through MMIO, as
 *       PYNQ's client sets them.</li>
 *   <li>Interrupts: JYNQ servers only ({@link RemoteIrqLine}).</li>
 * </ul>
 * Every failure names the board; a dropped connection fails the call in flight within its deadline
 * and the next call reconnects.
 */
public final class RemoteDevice implements Device, SimControls {
    private static final String FIRMWARE = "/lib/firmware/";
    private static final String FPGA_MANAGER = "/sys/class/fpga_manager/fpga0/";

    private final BoardConnection c;
    private final Set<String> features;
    private final Arch arch;
    private final String backend;
    private final Map<String, RemoteRegisterSpace> windows = new ConcurrentHashMap<>();
    private final Set<RemoteMemory> buffers = ConcurrentHashMap.newKeySet();
    private volatile Downloaded mine;
    private PlClocks clocks;
    private volatile boolean closed;

    /** What this client downloaded: its local bitstream and the board's PL state right after. */
    private record Downloaded(Path bitfile, PlState boardState) {}

    private RemoteDevice(BoardConnection c, Set<String> features, Arch arch, String backend) {
        this.c = c;
        this.features = features;
        this.arch = arch;
        this.backend = backend;
    }

    /**
     * Connects and asks the board what it offers.
     *
     * @throws DeviceException naming the board if it cannot be reached within the timeout or does
     *     not answer as PYNQ.remote does
     */
    public static RemoteDevice connect(BoardAddress address, BoardConnection.Settings settings) {
        BoardConnection c = new BoardConnection(address, settings);
        try {
            HelloResponse hello = BoardGrpc.newBlockingStub(c.channel()).withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                    .withWaitForReady()
                    .hello(HelloRequest.newBuilder().setClient("jynq").build());
            Arch arch = hello.getArch().contains("aarch64") ? Arch.ZYNQ_ULTRASCALE : Arch.ZYNQ;
            return new RemoteDevice(c, Set.copyOf(hello.getFeaturesList()), arch, hello.getBackend());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
                c.close();
                throw c.translate("connect", e);
            }
        }
        // a stock PYNQ.remote server: tell the architecture from /proc/version, as PYNQ's client does
        try {
            String version = new String(readFile(c, "/proc/version"), StandardCharsets.UTF_8);
            return new RemoteDevice(c, Set.of(), version.contains("aarch64") ? Arch.ZYNQ_ULTRASCALE : Arch.ZYNQ, "pynq.remote");
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "remote";
    }

    /** The board's address. */
    public BoardAddress address() {
        return c.address();
    }

    /** The server's backend ({@code sim}, {@code embedded}) or {@code pynq.remote} for a stock server. */
    public String boardBackend() {
        return backend;
    }

    /** The PS family of the board. */
    public Arch arch() {
        return arch;
    }

    /** Whether the server offers JYNQ extension {@code feature} ({@code mmio_program}, {@code interrupts}, ...). */
    public boolean offers(String feature) {
        return features.contains(feature);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("remote device " + c.address() + " is closed");
        }
    }

    @Override
    public PlState plState() {
        checkOpen();
        Downloaded d = mine;
        if (!offers("pl_state")) {
            return d == null ? PlState.EMPTY : new PlState(d.bitfile().toString(), d.boardState().timestamp(),
                    d.boardState().metadataSha256(), d.boardState().partial());
        }
        PlState board = boardPlState();
        if (d != null && board.equals(d.boardState())) {
            // the board holds what this client downloaded: name it as the overlay here knows it
            return new PlState(d.bitfile().toString(), board.timestamp(), board.metadataSha256(), board.partial());
        }
        return board;
    }

    /**
     * {@inheritDoc}
     *
     * <p>On a board served with {@code ./jynq board serve --device sim}: a stand-in of {@code type}
     * whose public methods run on the board's model (one round trip each; arguments and results
     * are primitives, String, enums or byte[]).
     *
     * @throws IllegalStateException naming the board if it is no simulated board (a stock
     *     PYNQ.remote server, or a JYNQ server with another backend)
     * @throws IllegalArgumentException if {@code type} is final, or the IP's model is no {@code type}
     */
    @Override
    public <T extends IpModel> T model(String ipName, Class<T> type) {
        checkSimulated();
        String where = "Sim.model(\"" + ipName + "\")";
        c.call(where, () -> SimControlGrpc.newBlockingStub(c.channel()).withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                .model(SimModelRequest.newBuilder().setIp(ipName).setType(type.getName()).build()));
        return ModelStandIns.create(type, (method, args) -> {
            SimInvoke.Builder call = SimInvoke.newBuilder().setIp(ipName).setMethod(method.getName());
            for (Class<?> p : method.getParameterTypes()) {
                call.addParamTypes(p.getName());
            }
            for (Object a : args) {
                call.addArgs(SimValues.toProto(a));
            }
            SimValue r = c.call(where + "." + method.getName(), () -> SimControlGrpc.newBlockingStub(c.channel())
                    .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS).invoke(call.build()));
            return SimValues.fromProto(r, method.getReturnType());
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException naming the board if it is no simulated board
     */
    @Override
    public void run(long cycles) {
        checkSimulated();
        if (cycles < 0) {
            throw new IllegalArgumentException("cycles must be >= 0, got " + cycles);
        }
        c.call("Sim.run(" + cycles + ")", () -> SimControlGrpc.newBlockingStub(c.channel())
                .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS).run(SimRun.newBuilder().setCycles(cycles).build()));
    }

    /**
     * An overlay package's {@code rtlCore} file on a simulated board over the network: refused,
     * because Verilator builds the core's files where the simulator runs and they are on this
     * machine. Before, the board silently kept the IP's built-in model. On a board that is no
     * simulator (a real PL, a stock server) the bitstream holds the IP itself: nothing to do.
     *
     * @return false on a board that is no simulator
     * @throws DeviceException naming the board, the IP and the core, on a remote simulated board
     *     (the design is downloaded, with the IP's built-in model)
     */
    @Override
    public boolean simulateRtl(String ipName, java.nio.file.Path core, java.util.List<java.nio.file.Path> libraryFolders) {
        checkOpen();
        if (!offers("sim")) {
            return false;
        }
        throw new DeviceException("board " + c.address() + " is a simulated board on the network: the overlay package binds "
                + ipName + " to the RTL of " + core.getFileName() + ", which only a simulator in this process can build"
                + " (Verilator runs where the simulator does); the design is downloaded with " + ipName + "'s built-in model."
                + " Run with JYNQ_DEVICE=sim to co-simulate the RTL");
    }

    private void checkSimulated() {
        checkOpen();
        if (!offers("sim")) {
            throw new IllegalStateException("board " + c.address() + " is no simulated board ("
                    + (features.isEmpty() ? "a stock PYNQ.remote server" : "its server runs the '" + backend + "' backend")
                    + "): the simulator's controls (Sim.model, Sim.run) need ./jynq board serve --device sim");
        }
    }

    private PlState boardPlState() {
        PlStateResponse r = c.call("PL state", () -> BoardGrpc.newBlockingStub(c.channel())
                .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS).plState(PlStateRequest.getDefaultInstance()));
        return PlStates.fromProto(r);
    }

    /**
     * {@inheritDoc}
     *
     * <p>What this client downloaded, named by its local bitstream, when the server checks the
     * design a register program expects ({@code program_expect}): each program then carries the board's state right after that
     * download ({@link #designExpected()}) and the board refuses it once another client downloaded.
     */
    @Override
    public PlState plStateAsDownloaded() {
        checkOpen();
        Downloaded d = mine;
        if (d == null || !offers("program_expect")) {
            return null;
        }
        return new PlState(d.bitfile().toString(), d.boardState().timestamp(), d.boardState().metadataSha256(), d.boardState().partial());
    }

    /** The board's PL state right after this client's download, for a register program to expect; null before one. */
    PlState designExpected() {
        Downloaded d = mine;
        return d == null ? null : d.boardState();
    }

    @Override
    public synchronized void download(Path bitstream, OverlayMetadata metadata, boolean partial) {
        checkOpen();
        Path local = bitstream.toAbsolutePath().normalize();
        String file = local.getFileName().toString();
        String stem = file.replaceFirst("\\.(bit|bin)$", "");
        byte[] image;
        try {
            byte[] content = Files.readAllBytes(local);
            image = file.endsWith(".bit") ? BitFile.toBin(content, file) : content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bitstream " + local, e);
        }
        String bin = stem + ".bin";
        c.call("set_bitstream_attrs", () -> RemoteDeviceGrpc.newBlockingStub(c.channel())
                .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                .setBitstreamAttrs(SetBitstreamAttrsRequest.newBuilder().setBinfileName(bin).setPartial(partial).build()));
        writeFile(FIRMWARE + bin, image);
        byte[] hwh = hwhOf(metadata);
        if (!backend.equals("pynq.remote") && hwh != null) {
            writeFile(FIRMWARE + stem + ".hwh", hwh);
        }
        writeFile(FPGA_MANAGER + "flags", (partial ? "1" : "0").getBytes(StandardCharsets.US_ASCII));
        writeFile(FPGA_MANAGER + "firmware", bin.getBytes(StandardCharsets.US_ASCII));
        for (RemoteRegisterSpace w : windows.values()) {
            w.release();
        }
        windows.clear();
        PlState after = offers("pl_state") ? boardPlState()
                : new PlState(local.toString(), Instant.now(), sha256(hwh != null ? hwh : metadata.toPynqJson().getBytes(StandardCharsets.UTF_8)), partial);
        mine = new Downloaded(local, after);
    }

    private static byte[] hwhOf(OverlayMetadata metadata) {
        try {
            Path p = metadata.source() == null ? null : Path.of(metadata.source());
            return p != null && Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Writes a board file through PYNQ.remote's {@code writefile}, in 1 MiB chunks.
     *
     * @throws DeviceException naming the board and file if the board refuses (outside its root, a failed download)
     */
    public void writeFile(String boardPath, byte[] content) {
        checkOpen();
        WriteFileResponse ignored = Upload.send(c, "writefile " + boardPath, out -> RemoteDeviceGrpc.newStub(c.channel())
                .withDeadlineAfter(c.deadlineMillis(content.length), TimeUnit.MILLISECONDS).writefile(out), new Iterator<>() {
                    int at;
                    boolean first = true;

                    @Override
                    public boolean hasNext() {
                        return first || at < content.length;
                    }

                    @Override
                    public WriteFileRequest next() {
                        first = false;
                        int n = Math.min(RemoteMemory.CHUNK, content.length - at);
                        ByteString data = UnsafeByteOperations.unsafeWrap(content, at, n);
                        at += n;
                        return WriteFileRequest.newBuilder().setFilePath(boardPath).setData(data).build();
                    }
                });
    }

    /**
     * Reads a board file through PYNQ.remote's {@code readfile}.
     *
     * @throws DeviceException naming the board and file if it does not exist or cannot be reached
     */
    public byte[] readFile(String boardPath) {
        checkOpen();
        return readFile(c, boardPath);
    }

    private static byte[] readFile(BoardConnection c, String boardPath) {
        return c.call("readfile " + boardPath, () -> {
            Iterator<ReadFileResponse> it = RemoteDeviceGrpc.newBlockingStub(c.channel())
                    .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS).withWaitForReady()
                    .readfile(ReadFileRequest.newBuilder().setFilePath(boardPath).build());
            ByteString all = ByteString.EMPTY;
            while (it.hasNext()) {
                all = all.concat(it.next().getData());
            }
            return all.toByteArray();
        });
    }

    /** Whether a board file exists ({@code existsfile}). */
    public boolean existsFile(String boardPath) {
        checkOpen();
        return c.call("existsfile " + boardPath, () -> RemoteDeviceGrpc.newBlockingStub(c.channel())
                .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                .existsfile(ExistsFileRequest.newBuilder().setFilePath(boardPath).build()).getExists());
    }

    @Override
    public RegisterSpace map(long physicalAddress, long byteLength) {
        checkOpen();
        if (byteLength <= 0 || physicalAddress < 0 || physicalAddress + byteLength < physicalAddress) {
            throw new IllegalArgumentException("MMIO window 0x" + Long.toHexString(physicalAddress) + " of " + byteLength
                    + " bytes: the length must be positive and the range inside 64 bits");
        }
        // one window per range: PYNQ.remote never frees a window, so opening one per call would leak
        return windows.computeIfAbsent(physicalAddress + "+" + byteLength,
                k -> new RemoteRegisterSpace(c, physicalAddress, byteLength, offers("mmio64"),
                        offers("program_expect") ? this::designExpected : null));
    }

    @Override
    public DeviceMemory allocate(long byteSize, long alignment, boolean cacheable) {
        checkOpen();
        if (byteSize <= 0 || byteSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("remote buffer size must be 1.." + Integer.MAX_VALUE + " bytes (PYNQ.remote's int32), got " + byteSize);
        }
        if (alignment <= 0 || Long.bitCount(alignment) != 1 || alignment > 4096) {
            throw new IllegalArgumentException("alignment must be a power of two up to 4096 bytes on a remote board, got " + alignment);
        }
        AllocateResponse r = c.call("allocate " + byteSize + " bytes", () -> RemoteBufferGrpc.newBlockingStub(c.channel())
                .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                .allocate(AllocateRequest.newBuilder().setSize((int) byteSize).setDtype("|u1").setCacheable(cacheable).build()));
        if (!r.hasBufferId() || r.getBufferId().isEmpty()) {
            // PYNQ's client takes the empty id and fails later; say why now
            throw new io.jynq.device.OutOfDeviceMemoryException("board " + c.address() + ": allocate " + byteSize
                    + " bytes failed: " + (r.hasMsg() && !r.getMsg().isEmpty() ? r.getMsg() : "the board returned no buffer id"));
        }
        String id = r.getBufferId();
        long phys = c.call("physical_address of buffer " + id, () -> RemoteBufferGrpc.newBlockingStub(c.channel())
                .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                .physicalAddress(AddressRequest.newBuilder().setBufferId(id).build()).getAddress());
        RemoteMemory[] self = new RemoteMemory[1];
        self[0] = new RemoteMemory(c, id, (int) byteSize, phys, cacheable, offers("buffer_range"), () -> buffers.remove(self[0]));
        buffers.add(self[0]);
        return self[0];
    }

    @Override
    public MemoryStats memoryStats() {
        checkOpen();
        if (offers("pl_state")) {
            HealthResponse h = c.call("health", () -> BoardGrpc.newBlockingStub(c.channel())
                    .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS).health(HealthRequest.getDefaultInstance()));
            return new MemoryStats(h.getMemoryTotal(), h.getMemoryUsed(), h.getLargestFreeBlock(), h.getLiveBuffers());
        }
        long used = buffers.stream().mapToLong(RemoteMemory::byteSize).sum();
        return new MemoryStats(used, used, 0, buffers.size()); // a stock server tells nothing about its memory
    }

    @Override
    public IrqLine irq(int rawIrq) {
        checkOpen();
        if (!offers("interrupts")) {
            throw new DeviceException("board " + c.address() + " serves plain PYNQ.remote, which has no interrupts;"
                    + " run a JYNQ board server there (./jynq board serve) to wait on IRQ " + rawIrq);
        }
        return new RemoteIrqLine(c, rawIrq);
    }

    @Override
    public double fclkMhz(int index) {
        checkOpen();
        java.util.Objects.checkIndex(index, 4);
        return offers("clocks") ? clock(index, 0, 0).getMhz() : clocks().fclkMhz(index);
    }

    @Override
    public double fclkSourceMhz(int index) {
        checkOpen();
        java.util.Objects.checkIndex(index, 4);
        if (!offers("clocks")) {
            return clocks().clockSourceMhz(index);
        }
        double mhz = clock(index, 0, 0).getSourceMhz();
        if (mhz <= 0) {
            throw new UnsupportedOperationException("board " + c.address() + " does not know the source PLL of fclk" + index);
        }
        return mhz;
    }

    @Override
    public double cpuMhz() {
        checkOpen();
        if (!offers("clocks")) {
            return clocks().cpuMhz();
        }
        double mhz = clock(0, 0, 0).getCpuMhz();
        if (mhz <= 0) {
            throw new UnsupportedOperationException("board " + c.address() + " does not know its CPU clock");
        }
        return mhz;
    }

    /** Sets the divisors of fclk{@code index}: JYNQ's {@code pl_clock}, or the PS clock registers through MMIO. */
    @Override
    public void setFclkDivisors(int index, int divisor0, int divisor1) {
        checkOpen();
        java.util.Objects.checkIndex(index, 4);
        if (divisor0 < 1 || divisor0 > 63 || divisor1 < 1 || divisor1 > 63) {
            throw new IllegalArgumentException("PL clock divisors must be 1..63, got " + divisor0 + " and " + divisor1);
        }
        if (offers("clocks")) {
            clock(index, divisor0, divisor1);
        } else {
            clocks().setDivisors(index, divisor0, divisor1);
        }
    }

    private io.jynq.remote.proto.ext.PlClockResponse clock(int index, int divisor0, int divisor1) {
        return c.call("fclk" + index, () -> BoardGrpc.newBlockingStub(c.channel())
                .withDeadlineAfter(c.deadline(), TimeUnit.MILLISECONDS)
                .plClock(PlClockRequest.newBuilder().setIndex(index).setDivisor0(divisor0).setDivisor1(divisor1).build()));
    }

    private synchronized PlClocks clocks() {
        if (clocks == null) {
            clocks = PlClocks.over(arch, this::map);
        }
        return clocks;
    }

    /** Frees this client's buffers and windows on the board and closes the connection. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        for (RemoteMemory m : new ArrayList<>(buffers)) {
            m.close();
        }
        for (RemoteRegisterSpace w : windows.values()) {
            w.release();
        }
        windows.clear();
        closed = true;
        c.close();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "remote board " + c.address() + " (" + backend + ", " + arch + ")";
    }

    /** For tests: the features the server offered. */
    List<String> features() {
        return List.copyOf(features);
    }
}
