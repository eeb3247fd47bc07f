package io.jynq.device.sim;

import io.jynq.metadata.BusConnection;
import io.jynq.metadata.BusInterfaceDescription;
import io.jynq.metadata.ModuleDescription;
import io.jynq.metadata.OverlayMetadata;

/**
 * How many bytes an AXI4-Stream link of a design holds when its slave stops taking data, read
 * from the {@code .hwh} (issue 14: a board stalls an MM2S whose path nobody drains once its
 * FIFOs are full; the simulator must too). A link holds what the master's output side buffers
 * plus what the slave's input side buffers:
 * <ul>
 *   <li>AXI DMA MM2S master ({@code M_AXIS_MM2S}): one burst of the stream,
 *       {@code c_mm2s_burst_size} beats of {@code c_m_axis_mm2s_tdata_width} bits (PG021 v7.1,
 *       "Max Burst Size" and "Stream Data Width": the DataMover reads a burst ahead).</li>
 *   <li>AXI DMA S2MM slave ({@code S_AXIS_S2MM}): one burst, {@code c_s2mm_burst_size} beats of
 *       {@code c_s_axis_s2mm_tdata_width} bits, taken into its data FIFO before LENGTH is written.</li>
 *   <li>AXI4-Stream Data FIFO slave: {@code FIFO_DEPTH} beats (PG085).</li>
 *   <li>Any other slave (an HLS core's stream port, a register slice): two beats, the default
 *       depth of an {@code hls::stream} and the two entries of a skid buffer; any other master
 *       buffers nothing of its own.</li>
 * </ul>
 * A beat is the interface's {@code TDATA_NUM_BYTES} (4 when the file does not say). The figures
 * are a small model of a board, not its exact FIFO depths: the point is that "a few words" fit
 * (PYNQ's send-then-receive order for short buffers works) and kilobytes do not.
 */
final class StreamBuffering {
    /** Beats an unlisted stream slave holds. */
    static final int DEFAULT_BEATS = 2;
    /** Bytes of a beat when the interface does not state {@code TDATA_NUM_BYTES}. */
    static final int DEFAULT_BEAT_BYTES = 4;

    /** Largest burst, depth or width believed: larger ones (or malformed ones) fall back to the default. */
    static final long MAX_FIGURE = 1 << 20;

    private StreamBuffering() {}

    /** A positive figure from the module's parameters, or {@code otherwise} when absent, malformed or absurd. */
    private static long param(ModuleDescription m, String name, long otherwise) {
        try {
            long v = m.parameterLong(name, otherwise);
            return v > 0 && v <= MAX_FIGURE ? v : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;  // the file's own checks report bad parameters; buffering keeps its default
        }
    }

    /**
     * The bytes {@code link} holds while its slave takes nothing.
     *
     * @param md the design
     * @param link a stream connection of {@code md}
     * @return bytes, at least one beat
     */
    static long bytes(OverlayMetadata md, BusConnection link) {
        ModuleDescription master = module(md, link.masterFullpath());
        ModuleDescription slave = module(md, link.slaveFullpath());
        long beat = beatBytes(master, link.masterInterface(), beatBytes(slave, link.slaveInterface(), DEFAULT_BEAT_BYTES));
        long out = 0;
        if (master != null && "axi_dma".equals(master.modType()) && "M_AXIS_MM2S".equals(link.masterInterface())) {
            out = param(master, "c_mm2s_burst_size", 16)
                    * widthBytes(master, "c_m_axis_mm2s_tdata_width", beat);
        }
        long in;
        if (slave != null && "axi_dma".equals(slave.modType()) && "S_AXIS_S2MM".equals(link.slaveInterface())) {
            in = param(slave, "c_s2mm_burst_size", 16) * widthBytes(slave, "c_s_axis_s2mm_tdata_width", beat);
        } else if (slave != null && "axis_data_fifo".equals(slave.modType())) {
            in = param(slave, "FIFO_DEPTH", 16) * beat;
        } else {
            in = DEFAULT_BEATS * beat;
        }
        return Math.max(beat, out + in);
    }

    private static ModuleDescription module(OverlayMetadata md, String fullpath) {
        if (fullpath == null || fullpath.isEmpty()) {
            return null;  // an external interface: the board's pins, nothing modelled
        }
        return md.module(fullpath);
    }

    private static long beatBytes(ModuleDescription m, String intf, long otherwise) {
        if (m == null) {
            return otherwise;
        }
        BusInterfaceDescription b = m.busInterfaces().get(intf);
        String v = b == null ? null : b.parameters().get("TDATA_NUM_BYTES");
        try {
            long n = v == null ? otherwise : Long.decode(v.trim());
            return n > 0 && n <= MAX_FIGURE ? n : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;  // a malformed width: the parser reports file errors, the sim keeps going
        }
    }

    private static long widthBytes(ModuleDescription m, String bitsParameter, long otherwise) {
        long bits = param(m, bitsParameter, otherwise * 8);
        return bits >= 8 ? bits / 8 : otherwise;
    }
}
