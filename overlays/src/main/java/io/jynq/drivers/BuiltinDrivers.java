package io.jynq.drivers;

import io.jynq.drivers.bram.Bram;
import io.jynq.drivers.dma.AxiDma;
import io.jynq.drivers.gpio.AxiGpio;
import io.jynq.drivers.hls.HlsIp;
import io.jynq.drivers.intc.AxiIntc;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.DriverProvider;
import java.util.List;

/** Lists JYNQ's own drivers (registered in {@code META-INF/services/io.jynq.overlay.DriverProvider}). */
public final class BuiltinDrivers implements DriverProvider {
    @Override
    public List<Class<? extends DefaultIp>> drivers() {
        return List.of(HlsIp.class, AxiDma.class, AxiGpio.class, AxiIntc.class, Bram.class);
    }
}
