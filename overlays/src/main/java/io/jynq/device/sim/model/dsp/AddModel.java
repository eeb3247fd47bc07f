package io.jynq.device.sim.model.dsp;

import io.jynq.device.sim.model.HlsModel;
import io.jynq.device.sim.model.IpContext;
import io.jynq.device.sim.model.IpModel;
import io.jynq.device.sim.model.IpModelFactory;
import java.util.Set;

/**
 * The {@code add_0} core of {@code dsp_loopback}: the HLS function {@code int add(int a, int b)}
 * with {@code ap_ctrl_hs}; {@code ap_return = a + b} in 32-bit two's complement (overflow wraps,
 * as C {@code int} in HLS). Registers (from the {@code .hwh}): {@code ap_return} 0x10, {@code a}
 * 0x18, {@code b} 0x20, after the control registers of {@link HlsModel}.
 */
public class AddModel extends HlsModel {
    /** The adder's VLNV. */
    public static final String VLNV = "xilinx.com:hls:add:1.0";

    /** @param ctx the IP's context */
    public AddModel(IpContext ctx) {
        super(ctx);
    }

    @Override
    protected boolean compute() {
        setResult("ap_return", arg("a") + arg("b"));
        return true;
    }

    /** ServiceLoader entry. */
    public static final class Factory implements IpModelFactory {
        @Override
        public IpModel create(IpContext context) {
            return new AddModel(context);
        }

        @Override
        public Set<String> vlnvs() {
            return Set.of(VLNV);
        }
    }
}
