package io.jynq.device.sim;

import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the simulated board keeps its state and how big its DDR is.
 *
 * @param stateDirectory the board's state directory: {@code -Djynq.sim.dir}, else {@code JYNQ_SIM_DIR},
 *     else {@code ~/.jynq/sim/<board>}
 * @param board the board name, {@code -Djynq.sim.board}, else {@code JYNQ_SIM_BOARD}, default {@code pynq-z1}
 * @param ddrBaseAddress physical address of simulated DDR's first byte, default {@code 0x10000000}:
 *     inside Zynq-7000 and ZynqMP DDR, below every PL address range
 * @param ddrBytes size of simulated DDR in bytes, {@code -Djynq.sim.ddrMib}, else
 *     {@code JYNQ_SIM_DDR_MIB} in MiB, default 512 MiB, at most 1 GiB; the board's first
 *     process fixes it (a later process uses the size of the existing {@code ddr.bin})
 */
public record SimConfig(Path stateDirectory, String board, long ddrBaseAddress, long ddrBytes) {
    /** Default DDR size: 512 MiB. */
    public static final long DEFAULT_DDR_BYTES = 512L << 20;
    /** Largest DDR size: 1 GiB (one memory mapping). */
    public static final long MAX_DDR_BYTES = 1L << 30;
    /** Default DDR base address. */
    public static final long DEFAULT_DDR_BASE = 0x1000_0000L;

    /** Smallest DDR size: 2 MiB, one arena ({@link ArenaTable#QUANTUM}), or nothing can be allocated. */
    public static final long MIN_DDR_BYTES = 2L << 20;

    /** @throws IllegalArgumentException if the DDR size is not 2 MiB..1 GiB or the base is not 4 KiB aligned */
    public SimConfig {
        if (ddrBytes < MIN_DDR_BYTES || ddrBytes > MAX_DDR_BYTES) {
            throw new IllegalArgumentException("simulated DDR size must be 2 MiB..1 GiB, got " + ddrBytes + " bytes");
        }
        if ((ddrBaseAddress & 0xFFF) != 0 || ddrBaseAddress <= 0) {
            throw new IllegalArgumentException("simulated DDR base must be a positive multiple of 4 KiB, got 0x"
                    + Long.toHexString(ddrBaseAddress));
        }
    }

    /** A board in {@code dir} with the default DDR: what tests use with a temporary directory. */
    public static SimConfig at(Path dir) {
        return new SimConfig(dir, "pynq-z1", DEFAULT_DDR_BASE, DEFAULT_DDR_BYTES);
    }

    /** This configuration with another DDR size. */
    public SimConfig withDdrBytes(long bytes) {
        return new SimConfig(stateDirectory, board, ddrBaseAddress, bytes);
    }

    /**
     * The configuration from the environment and system properties (see the record components).
     *
     * @throws IllegalArgumentException naming the variable when a value is malformed
     */
    public static SimConfig fromEnvironment() {
        JynqConfig config = JynqConfig.current();
        String board = config.string(Setting.SIM_BOARD, "pynq-z1").toLowerCase(Locale.ROOT);
        Path state = config.path(Setting.SIM_DIR).orElseGet(() -> config.jynqHome().resolve("sim").resolve(board));
        long bytes = config.wholeNumber(Setting.SIM_DDR_MIB, DEFAULT_DDR_BYTES >> 20, MIN_DDR_BYTES >> 20, MAX_DDR_BYTES >> 20) << 20;
        return new SimConfig(state, board, DEFAULT_DDR_BASE, bytes);
    }

}
