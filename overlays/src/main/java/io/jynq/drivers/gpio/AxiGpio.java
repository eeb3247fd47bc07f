package io.jynq.drivers.gpio;

import io.jynq.ip.AxiGpioLayout;
import io.jynq.metadata.IpDescription;
import io.jynq.overlay.BindTo;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.Overlay;

/**
 * Driver of the AXI GPIO (PYNQ's {@code AxiGPIO}), PG144 v2.0.
 * <pre>{@code
 * AxiGpio gpio = ol.ip("axi_gpio_0", AxiGpio.class);
 * gpio.channel1().write(0b0101);                          // LEDs
 * gpio.channel1().pin(3).toggle();
 * gpio.channel2().pin(0).waitForValue(1, Duration.ofSeconds(10));   // switch 0 up
 * }</pre>
 *
 * <p>Each channel's width and direction come from the {@code .hwh}: {@code C_GPIO_WIDTH},
 * {@code C_ALL_INPUTS}, {@code C_ALL_OUTPUTS} (channel 1) and their {@code _2}/{@code GPIO2}
 * twins, with {@code C_IS_DUAL} saying whether channel 2 exists. A channel that is neither all
 * inputs nor all outputs starts as {@link Direction#INOUT}. Waits use the {@code ip2intc_irpt}
 * interrupt when the design wires it to the PS.
 */
@BindTo(AxiGpioLayout.VLNV)
public class AxiGpio extends DefaultIp {
    private final GpioChannel channel1;
    private final GpioChannel channel2;
    private boolean globalEnabled;

    public AxiGpio(Overlay overlay, IpDescription description) {
        super(overlay, description);
        channel1 = new GpioChannel(this, mmio(), 1, (int) parameter("C_GPIO_WIDTH", 32), direction(""));
        channel2 = parameter("C_IS_DUAL", 0) != 0
                ? new GpioChannel(this, mmio(), 2, (int) parameter("C_GPIO2_WIDTH", 32), direction("_2"))
                : null;
    }

    private Direction direction(String suffix) {
        if (parameter("C_ALL_INPUTS" + suffix, 0) != 0) {
            return Direction.INPUT;
        }
        return parameter("C_ALL_OUTPUTS" + suffix, 0) != 0 ? Direction.OUTPUT : Direction.INOUT;
    }

    /** Channel 1. */
    public GpioChannel channel1() {
        return channel1;
    }

    /**
     * Channel 2.
     *
     * @throws IllegalStateException if the GPIO has one channel (C_IS_DUAL=0)
     */
    public GpioChannel channel2() {
        if (channel2 == null) {
            throw new IllegalStateException(name() + " has one channel (C_IS_DUAL=0)");
        }
        return channel2;
    }

    /** Channel 1 or 2. @throws IllegalArgumentException for another number */
    public GpioChannel channel(int number) {
        if (number == 1) {
            return channel1;
        }
        if (number == 2) {
            return channel2();
        }
        throw new IllegalArgumentException("AXI GPIO channel must be 1 or 2, got " + number);
    }

    synchronized void enableInterrupt(int bit, boolean on) {
        if (!globalEnabled) {
            mmio().write32(AxiGpioLayout.GIER, AxiGpioLayout.GIER_ENABLE);
            globalEnabled = true;
        }
        int ier = mmio().read32(AxiGpioLayout.IP_IER);
        mmio().write32(AxiGpioLayout.IP_IER, on ? ier | bit : ier & ~bit);
    }

    /** IP ISR is toggle-on-write (PG144): write the bit back only if it is set. */
    synchronized void clearInterrupt(int bit) {
        int isr = mmio().read32(AxiGpioLayout.IP_ISR);
        if ((isr & bit) != 0) {
            mmio().write32(AxiGpioLayout.IP_ISR, bit);
        }
    }

    /** One line, e.g. {@code AxiGpio[axi_gpio_0 @ 0x41200000, ch1 4 OUTPUT, ch2 2 INPUT]}. */
    @Override
    public String toString() {
        return "AxiGpio[" + name() + " @ 0x" + Long.toHexString(physicalAddress()) + ", ch1 " + channel1.width() + " "
                + channel1.direction() + (channel2 == null ? "" : ", ch2 " + channel2.width() + " " + channel2.direction()) + "]";
    }
}
