package io.jynq.device.embedded;

import io.jynq.metadata.Arch;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A board's kernel interfaces as plain files under a temporary root: FPGA Manager, /lib/firmware,
 * configfs overlays, one u-dma-buf of 1 MiB at 0x78000000, a UIO device "fabric" on raw IRQ 61,
 * and a sparse 4 GiB file as /dev/mem (covering the SLCR and CRL_APB). {@link #kernel} plays the
 * kernel's part and records the traffic.
 */
final class FakeBoard {
    static final long UDMABUF_PHYS = 0x7800_0000L;
    static final int UDMABUF_SIZE = 1 << 20;

    final Path root;
    final BoardPaths paths;
    final RecordingSysfs kernel;

    FakeBoard(Path root) {
        this.root = root;
        this.paths = BoardPaths.under(root);
        this.kernel = new RecordingSysfs(root);
        try {
            Path fpga = paths.fpgaManager();
            Files.createDirectories(fpga);
            write(fpga.resolve("firmware"), "");
            write(fpga.resolve("flags"), "0\n");
            write(fpga.resolve("state"), "unknown\n");
            Files.createDirectories(paths.firmwareDirectory());
            Files.createDirectories(paths.deviceTreeOverlays());
            Path ub = paths.udmabufClass().resolve("udmabuf0");
            Files.createDirectories(ub);
            write(ub.resolve("phys_addr"), String.format("0x%016x\n", UDMABUF_PHYS));
            write(ub.resolve("size"), UDMABUF_SIZE + "\n");
            for (String a : new String[] {"sync_offset", "sync_size", "sync_direction", "sync_for_cpu", "sync_for_device"}) {
                write(ub.resolve(a), "0\n");
            }
            Files.createDirectories(root.resolve("dev"));
            sparse(paths.dev("udmabuf0"), UDMABUF_SIZE);
            sparse(paths.devMem(), 1L << 32);
            Files.createDirectories(root.resolve("proc"));
            write(paths.procInterrupts(), """
                               CPU0       CPU1
                     16:          0          0     GIC-0  27 Edge      gt
                     46:          3          0     GIC-0  61 Level     fabric
                     47:          0          0     GIC-0  62 Level     other-uio
                    IPI0:          0          0  CPU wakeup interrupts
                    """);
            Path uio0 = paths.uioClass().resolve("uio0");
            Files.createDirectories(uio0);
            write(uio0.resolve("name"), "fabric\n");
            Path uio1 = paths.uioClass().resolve("uio1");
            Files.createDirectories(uio1);
            write(uio1.resolve("name"), "audio\n");
            // arm write goes to bytes 0..3, the count is read from bytes 4..7 (file position moves on)
            Files.write(paths.dev("uio0"), ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(0).putInt(7).array());
            Files.createDirectories(root.resolve("proc/device-tree"));
            Files.write(paths.deviceTreeCompatible(), "xlnx,zynq-7000\0".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns the board into a ZynqMP one: device-tree compatible and an IOPLL of 1499.985 MHz. */
    FakeBoard zynqMp() {
        try {
            Files.write(paths.deviceTreeCompatible(), "xlnx,zynqmp\0".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        setMemWord(0xFF5E_0020L, 1 << 16 | 90 << 8);
        return this;
    }

    EmbeddedDevice device() {
        return device(Duration.ofSeconds(2), null);
    }

    EmbeddedDevice device(Duration programTimeout, PollWaiter waiter) {
        return new EmbeddedDevice(paths, kernel, waiter == null ? PollWaiter.POLL : waiter, null, programTimeout);
    }

    EmbeddedDevice device(Arch arch) {
        return new EmbeddedDevice(paths, kernel, PollWaiter.POLL, arch, Duration.ofSeconds(2));
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sparse(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    /** The 32-bit little-endian word at {@code offset} of {@code /dev/mem}. */
    int memWord(long offset) {
        try (RandomAccessFile raf = new RandomAccessFile(paths.devMem().toFile(), "r")) {
            byte[] b = new byte[4];
            raf.seek(offset);
            raf.readFully(b);
            return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the 32-bit little-endian word at {@code offset} of {@code /dev/mem}, as the hardware would hold it. */
    void setMemWord(long offset, int value) {
        try (RandomAccessFile raf = new RandomAccessFile(paths.devMem().toFile(), "rw")) {
            raf.seek(offset);
            raf.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
