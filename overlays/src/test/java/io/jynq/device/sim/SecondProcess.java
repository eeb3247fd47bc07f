package io.jynq.device.sim;

import io.jynq.device.DeviceMemory;
import io.jynq.ip.AxiGpioLayout;
import io.jynq.testing.DspLoopback;
import java.nio.file.Path;

/**
 * The other notebook in {@link SimTwoProcessIT}: run in a second JVM on the same state
 * directory, it does one thing and prints what it saw on stdout.
 * <ul>
 *   <li>{@code write <dir> <value>}: attaches to the board and writes channel 1 of axi_gpio_0;
 *   <li>{@code download <dir>}: downloads dsp_loopback again;
 *   <li>{@code allocate <dir>}: allocates 1 MiB and prints its physical address and size, then
 *       holds it until stdin closes;
 *   <li>{@code stress <dir> <dsp|tiny> <n>}: downloads its design {@code n} times, as
 *       {@link SimDownloadStressTest} describes, and prints {@code ok <n> <stale>} where
 *       {@code stale} counts the accesses the other process's downloads made stale.
 * </ul>
 */
public final class SecondProcess {
    private SecondProcess() {}

    /** Exit status when a handle of a replaced design could still be used. */
    static final int STALE_ACCESS_SUCCEEDED = 3;

    private static void stress(SimDevice board, Path dir, String design, int n) {
        Path bit = DspLoopback.bit();
        io.jynq.metadata.OverlayMetadata md = DspLoopback.metadata();
        if (design.equals("tiny")) {
            bit = SimDownloadStressTest.tinyBit(dir.getParent());
            md = io.jynq.metadata.HwhParser.parse(SimDownloadStressTest.tinyHwh());
        }
        int stale = 0;
        io.jynq.device.RegisterSpace[] previous = null;
        for (int i = 0; i < n; i++) {
            board.download(bit, md, false);
            if (previous != null) {
                for (io.jynq.device.RegisterSpace old : previous) {
                    try {
                        old.read32(0);
                        System.out.println("a handle of a replaced design still reads: " + old);
                        System.exit(STALE_ACCESS_SUCCEEDED);
                    } catch (io.jynq.device.DeviceException expected) {
                        requireStale(expected);
                    }
                }
            }
            try {
                io.jynq.device.RegisterSpace gpio = board.map(DspLoopback.GPIO, 0x10000);
                io.jynq.device.RegisterSpace bram = board.map(DspLoopback.BRAM, 0x2000);
                gpio.write32(AxiGpioLayout.GPIO_DATA, i);
                bram.write32(0, i);
                int back = bram.read32(0);
                if (back != i) {
                    System.out.println("BRAM read back " + back + " after writing " + i + " through a live handle");
                    System.exit(STALE_ACCESS_SUCCEEDED);
                }
                previous = new io.jynq.device.RegisterSpace[] {gpio, bram};
            } catch (io.jynq.device.DeviceException e) {
                requireStale(e);
                stale++;
            }
            try (BoardLock lock = BoardLock.acquire(dir)) {
                SimDownloadStressTest.requireComplete(dir);
            }
        }
        System.out.println("ok " + n + " " + stale);
    }

    private static void requireStale(io.jynq.device.DeviceException e) {
        if (e.getMessage() == null || !e.getMessage().contains("which the PL no longer holds")) {
            throw e;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try (SimDevice board = SimDevice.open(SimConfig.at(dir))) {
            switch (args[0]) {
                case "write" -> {
                    board.map(DspLoopback.GPIO, 0x10000).write32(AxiGpioLayout.GPIO_DATA, Integer.decode(args[2]));
                    System.out.println("wrote " + args[2] + " under " + board.plState().timestamp());
                }
                case "download" -> {
                    board.download(DspLoopback.bit(), DspLoopback.metadata(), false);
                    System.out.println("downloaded at " + board.plState().timestamp());
                }
                case "allocate" -> {
                    DeviceMemory m = board.allocate(1 << 20, 64, false);
                    System.out.println(m.physicalAddress() + " " + m.byteSize());
                    System.out.flush();
                    System.in.read();
                    m.close();
                }
                case "stress" -> stress(board, dir, args[2], Integer.parseInt(args[3]));
                default -> throw new IllegalArgumentException("unknown action " + args[0]);
            }
        }
    }
}
