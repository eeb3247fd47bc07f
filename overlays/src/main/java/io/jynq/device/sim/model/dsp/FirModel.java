package io.jynq.device.sim.model.dsp;

import io.jynq.device.sim.model.HlsModel;
import io.jynq.device.sim.model.IpContext;
import io.jynq.device.sim.model.IpModel;
import io.jynq.device.sim.model.IpModelFactory;
import io.jynq.device.sim.model.StreamChunk;
import io.jynq.device.sim.model.StreamIn;
import io.jynq.device.sim.model.StreamOut;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;

/**
 * The {@code fir_0} core of {@code dsp_loopback}: an 8-tap FIR on a stream of 32-bit signed
 * samples (little-endian in memory), {@code ap_ctrl_none}, coefficients {@code coef_0..coef_7}
 * from its registers (read at each sample, as the HLS core reads its s_axilite scalars):
 * <pre>
 *   y[n] = sum_{k=0..7} coef_k * x[n-k]   (32-bit two's complement, wrapping)
 * </pre>
 * with {@code x[n < 0] = 0} in each packet: the delay line clears after TLAST. Each output packet
 * has its input's length and ends with TLAST. The core takes input only as far as
 * {@code out_stream} has room, so back-pressure travels upstream as in the RTL. The dsp_loopback README shows the HLS source.
 */
public class FirModel extends HlsModel {
    /** The FIR's VLNV. */
    public static final String VLNV = "xilinx.com:hls:fir:1.0";
    /** Number of taps. */
    public static final int TAPS = 8;

    private final StreamIn in;
    private final StreamOut out;
    private final int[] shift = new int[TAPS];
    private final int[] coefOffsets = new int[TAPS];

    /** @param ctx the IP's context */
    public FirModel(IpContext ctx) {
        super(ctx);
        in = ctx.streamIn("in_stream");
        out = ctx.streamOut("out_stream");
        out.onRoom(() -> streamArrived("out_stream"));
        for (int k = 0; k < TAPS; k++) {
            coefOffsets[k] = (int) ctx.description().register("coef_" + k).byteOffset();
        }
    }

    /** One output word per input word: drains what {@code out_stream} takes. */
    @Override
    public long streamDrain(String slaveInterface) {
        return "in_stream".equals(slaveInterface) ? out.room() : 0;
    }

    @Override
    protected boolean compute() {
        int words = (int) Math.min(Math.min(in.available(), out.room()) / 4, 1 << 18);
        if (words == 0) {
            return false;
        }
        StreamChunk c = in.take(words * 4);
        ByteBuffer src = ByteBuffer.wrap(c.data()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer dst = ByteBuffer.allocate(c.data().length - c.data().length % 4).order(ByteOrder.LITTLE_ENDIAN);
        int[] coef = new int[TAPS];
        for (int k = 0; k < TAPS; k++) {
            coef[k] = regs.get(coefOffsets[k]);
        }
        while (src.remaining() >= 4) {
            System.arraycopy(shift, 0, shift, 1, TAPS - 1);
            shift[0] = src.getInt();
            int acc = 0;
            for (int k = 0; k < TAPS; k++) {
                acc += coef[k] * shift[k];
            }
            dst.putInt(acc);
        }
        if (c.last()) {
            java.util.Arrays.fill(shift, 0);
        }
        out.send(dst.array(), c.last());
        return true;
    }

    /** ServiceLoader entry. */
    public static final class Factory implements IpModelFactory {
        @Override
        public IpModel create(IpContext context) {
            return new FirModel(context);
        }

        @Override
        public Set<String> vlnvs() {
            return Set.of(VLNV);
        }
    }
}
