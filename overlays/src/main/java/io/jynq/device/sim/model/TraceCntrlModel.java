package io.jynq.device.sim.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * PYNQ's trace analyzer capture core ({@code xilinx.com:hls:trace_cntrl_64:1.4} and
 * {@code trace_cntrl_32:1.4}, HLS source {@code boards/ip/hls/trace_cntrl_64/trace_cntrl_64.cpp}
 * in Xilinx/PYNQ), with the ap_ctrl_hs protocol of {@link HlsModel}: once started it samples the
 * probed pins until {@code (trigger & sample) == trigger} on the low 32 bits, then sends
 * {@code length_r} samples (8 or 4 bytes each, little-endian) on {@code capture_64} /
 * {@code capture_32}, TLAST on the last, and finishes. The pins hold the level set with
 * {@link #setProbe(long)} (0 until then), so a trigger of 0 fires at once.
 */
public final class TraceCntrlModel extends HlsModel {
    /** VLNVs of the two widths. */
    public static final String VLNV_64 = "xilinx.com:hls:trace_cntrl_64:1.4";
    /** The 32-bit variant. */
    public static final String VLNV_32 = "xilinx.com:hls:trace_cntrl_32:1.4";

    private final int sampleBytes;
    private final StreamOut capture;
    private long probe;

    /** @param ctx the IP's context */
    public TraceCntrlModel(IpContext ctx) {
        super(ctx);
        this.sampleBytes = ctx.description().registers().containsKey("trigger_V_1") ? 8 : 4;
        this.capture = ctx.streamOut(sampleBytes == 8 ? "capture_64" : "capture_32");
    }

    /** Sets the level of the probed pins (bit i = pin i) and lets a waiting capture trigger. */
    public void setProbe(long pins) {
        synchronized (context.lock()) {
            probe = pins;
            streamArrived("trace");
        }
    }

    @Override
    protected boolean compute() {
        int trigger = arg(sampleBytes == 8 ? "trigger_V_1" : "trigger_V");
        if ((trigger & (int) probe) != trigger || !capture.isConnected()) {
            return false;  // waits for the trigger (or for someone to take the stream)
        }
        int length = arg("length_r");
        if (length <= 0) {
            return true;
        }
        ByteBuffer b = ByteBuffer.allocate(length * sampleBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < length; i++) {
            if (sampleBytes == 8) {
                b.putLong(probe);
            } else {
                b.putInt((int) probe);
            }
        }
        capture.send(b.array(), true);
        return true;
    }
}
