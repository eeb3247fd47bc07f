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
public class TraceCntrlModel extends HlsModel {
    /** VLNVs of the two widths. */
    public static final String VLNV_64 = "xilinx.com:hls:trace_cntrl_64:1.4";
    /** The 32-bit variant. */
    public static final String VLNV_32 = "xilinx.com:hls:trace_cntrl_32:1.4";

    private final int sampleBytes;
    private final StreamOut capture;
    private long probe;
    private int remaining = -1;

    /** @param ctx the IP's context */
    public TraceCntrlModel(IpContext ctx) {
        super(ctx);
        this.sampleBytes = ctx.description().registers().containsKey("trigger_V_1") ? 8 : 4;
        this.capture = ctx.streamOut(sampleBytes == 8 ? "capture_64" : "capture_32");
        capture.onRoom(() -> streamArrived("capture"));
    }

    /** Sets the level of the probed pins (bit i = pin i) and lets a waiting capture trigger. */
    public void setProbe(long pins) {
        context.atomically(() -> {
            probe = pins;
            streamArrived("trace");
        });
    }

    @Override
    public void reset() {
        super.reset();
        remaining = -1;
    }

    @Override
    protected boolean compute() {
        if (remaining < 0) {
            int trigger = arg(sampleBytes == 8 ? "trigger_V_1" : "trigger_V");
            if ((trigger & (int) probe) != trigger) {
                return false;  // waits for the trigger
            }
            remaining = Math.max(0, arg("length_r"));
        }
        while (remaining > 0) {
            int n = (int) Math.min(capture.room() / sampleBytes, remaining);
            if (n <= 0) {
                return false;  // back-pressure: resumes when the stream has room
            }
            ByteBuffer b = ByteBuffer.allocate(n * sampleBytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                if (sampleBytes == 8) {
                    b.putLong(probe);
                } else {
                    b.putInt((int) probe);
                }
            }
            remaining -= n;
            capture.send(b.array(), remaining == 0);
        }
        remaining = -1;
        return true;
    }
}
