package io.jynq.overlay;

import io.jynq.metadata.InterruptPin;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.Vlnv;
import io.jynq.mmio.Mmio;
import io.jynq.mmio.RegisterMap;
import java.util.ArrayList;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An IP of a loaded overlay with no special driver (PYNQ's {@code DefaultIP}), and the base class
 * of every driver. It offers the IP's {@link #mmio()} window, its {@link #registers()} by name
 * and its interrupt pins.
 * <pre>{@code
 * DefaultIp ip = ol.ip("leds_gpio");
 * ip.write(0x0, 0xF);                 // offset in bytes, 32-bit value
 * long v = ip.read(0x0);
 * ip.registers().get("GPIO_DATA").set(3, 0, 5);
 * }</pre>
 *
 * <p>A driver extends it, is annotated with {@link BindTo}, and has a public constructor
 * {@code (Overlay, IpDescription)} that calls {@code super} first and may throw
 * {@link UnsupportedConfigurationException}. The constructor records the IP and touches no
 * register: a typed facade makes every driver at {@code %overlay load}, and drivers bind on
 * first use (PYNQ's {@code _IPMap}), so whatever setup the hardware needs (starting a DMA
 * channel, a GPIO direction) belongs in the first method that needs it, as {@code AxiDma}'s
 * channels start on the first {@code sendChannel()}. See docs/ARCHITECTURE.md, "Drivers bind on
 * first use".
 */
public class DefaultIp {
    private final Overlay overlay;
    private final IpDescription description;
    private volatile Mmio mmio;
    private volatile RegisterMap registers;

    /**
     * Binds to {@code description}, an entry of {@code overlay.ipDict()}.
     *
     * @throws NullPointerException if either is null
     */
    public DefaultIp(Overlay overlay, IpDescription description) {
        this.overlay = Objects.requireNonNull(overlay, "overlay");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** The ip_dict name, e.g. {@code axi_dma_0} or {@code video/axi_vdma}. */
    public String name() {
        return description.name();
    }

    /** The IP's metadata (PYNQ's {@code description}). */
    public IpDescription description() {
        return description;
    }

    /** The overlay this IP belongs to. */
    public Overlay overlay() {
        return overlay;
    }

    /** The IP's VLNV, or null where the {@code .hwh} has none. */
    public Vlnv vlnv() {
        return description.vlnv();
    }

    /**
     * A numeric PARAMETER of this IP from the {@code .hwh} (e.g. {@code C_SG_LENGTH_WIDTH}),
     * read by {@link IpDescription#parameterLong}; {@code defaultValue} when absent.
     *
     * @throws UnsupportedConfigurationException if the value is not a number (naming IP, parameter and value)
     */
    public long parameter(String name, long defaultValue) {
        return parameter(description, name, defaultValue);
    }

    /**
     * As {@link #parameter(String, long)} for an IP not bound yet (a driver's static
     * {@code checkConfiguration}).
     *
     * @throws UnsupportedConfigurationException if the value is not a number
     */
    public static long parameter(IpDescription description, String name, long defaultValue) {
        try {
            return description.parameterLong(name, defaultValue);
        } catch (NumberFormatException e) {
            throw new UnsupportedConfigurationException(e.getMessage());
        }
    }

    /** The base physical address, in bytes. */
    public long physicalAddress() {
        return description.physAddr();
    }

    /**
     * The IP's register window, {@code [physAddr, physAddr + addrRange)}, mapped on first use.
     *
     * @throws IllegalStateException for the processing system's entry, which has no address range
     */
    public Mmio mmio() {
        Mmio m = mmio;
        return m != null ? m : mapMmio();
    }

    private synchronized Mmio mapMmio() {
        if (mmio == null) {
            if (description.processingSystem() || description.addrRange() <= 0) {
                throw new IllegalStateException(name() + " (" + description.type() + ") has no address range to map");
            }
            mmio = new Mmio(overlay.device(), description.physAddr(), description.addrRange(), name());
        }
        return mmio;
    }

    /**
     * The registers the {@code .hwh} lists for this IP (PYNQ's {@code register_map}), built on first use.
     *
     * @throws IllegalArgumentException if the {@code .hwh} lists none
     */
    public RegisterMap registers() {
        RegisterMap r = registers;
        return r != null ? r : buildRegisters();
    }

    private synchronized RegisterMap buildRegisters() {
        if (registers == null) {
            registers = RegisterMap.of(description, mmio());
        }
        return registers;
    }

    /**
     * Reads the 32-bit register at {@code byteOffset}, unsigned (PYNQ's {@code read}).
     *
     * @throws io.jynq.mmio.MmioException if the offset is outside the IP or not 4-aligned
     */
    public long read(long byteOffset) {
        return mmio().read(byteOffset);
    }

    /**
     * Writes a 32-bit value at {@code byteOffset} (PYNQ's {@code write}).
     *
     * @throws io.jynq.mmio.MmioException if the offset is outside the IP or not 4-aligned
     * @throws IllegalArgumentException if {@code value} does not fit in 32 bits
     */
    public void write(long byteOffset, long value) {
        mmio().write(byteOffset, value);
    }

    /** The IP's interrupt pins by port name (e.g. {@code ip2intc_irpt}), as the {@code .hwh} wires them. */
    public Map<String, InterruptPin> interruptPins() {
        return description.interrupts();
    }

    /** Whether the port (e.g. {@code s2mm_introut}) reaches the PS through the design. */
    public boolean hasInterrupt(String port) {
        return description.interrupts().containsKey(port);
    }

    /**
     * The interrupt on port {@code port} of this IP.
     *
     * @throws NoSuchElementException listing the wired ports, if this one is not wired
     */
    public Interrupt interrupt(String port) {
        InterruptPin pin = description.interrupts().get(port);
        if (pin == null) {
            throw new NoSuchElementException("interrupt port \"" + port + "\" of " + name()
                    + " is not wired to the PS; wired: " + new ArrayList<>(description.interrupts().keySet()));
        }
        return overlay.interrupt(pin.fullpath());
    }

    /** One line, e.g. {@code DefaultIp[leds_gpio @ 0x41200000, xilinx.com:ip:axi_gpio:2.0]}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name() + " @ 0x" + Long.toHexString(physicalAddress()) + ", "
                + description.type() + "]";
    }
}
