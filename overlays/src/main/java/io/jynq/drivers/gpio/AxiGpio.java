package io.jynq.drivers.gpio;

import io.jynq.ip.AxiGpioLayout;
import io.jynq.metadata.IpDescription;
import io.jynq.overlay.BindTo;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.Overlay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    /** Channel 1 (PYNQ's {@code channel1}). */
    public GpioChannel channel1() {
        return channel1;
    }

    /**
     * Channel 2 (PYNQ's {@code channel2}).
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

    /** The channels, 1 then 2 if the GPIO is dual (PYNQ's {@code _channels}). */
    public List<GpioChannel> channels() {
        List<GpioChannel> l = new ArrayList<>(List.of(channel1));
        if (channel2 != null) {
            l.add(channel2);
        }
        return Collections.unmodifiableList(l);
    }

    /** Pin {@code index} of channel 1 (PYNQ's {@code gpio[i]}). @throws IndexOutOfBoundsException outside its length */
    public GpioSlice get(int index) {
        return channel1.get(index);
    }

    /** Sets channel 1's direction (PYNQ's {@code setdirection(d)}); see {@link GpioChannel#setDirection(Direction)}. */
    public void setDirection(Direction d) {
        channel1.setDirection(d);
    }

    /**
     * Sets channel {@code channel}'s direction (PYNQ's {@code setdirection(d, channel)}).
     *
     * @throws IllegalArgumentException if {@code channel} is not 1 or 2
     * @throws IllegalStateException if it is 2 and the GPIO has one channel
     */
    public void setDirection(Direction d, int channel) {
        channel(channel).setDirection(d);
    }

    /** Sets channel 1's length (PYNQ's {@code setlength(n)}); see {@link GpioChannel#setLength}. */
    public void setLength(int length) {
        channel1.setLength(length);
    }

    /** Sets channel {@code channel}'s length (PYNQ's {@code setlength(n, channel)}). */
    public void setLength(int length, int channel) {
        channel(channel).setLength(length);
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
