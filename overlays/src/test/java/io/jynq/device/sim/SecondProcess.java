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
 *       holds it until stdin closes.
 * </ul>
 */
public final class SecondProcess {
    private SecondProcess() {}

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
                default -> throw new IllegalArgumentException("unknown action " + args[0]);
            }
        }
    }
}
