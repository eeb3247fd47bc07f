package io.jynq.device.sim.model;

import static io.jynq.ip.AxiGpioLayout.CHANNEL1_INT;
import static io.jynq.ip.AxiGpioLayout.GIER;
import static io.jynq.ip.AxiGpioLayout.GIER_ENABLE;
import static io.jynq.ip.AxiGpioLayout.IP_IER;
import static io.jynq.ip.AxiGpioLayout.IP_ISR;

import io.jynq.ip.AxiGpioLayout;

/**
 * The AXI GPIO, as the <em>AXI GPIO LogiCORE IP Product Guide</em>, PG144 v2.0, describes it in
 * "Register Space" (table "Registers") and the register sections "GPIO_DATA", "GPIO_TRI", "GIER",
 * "IP IER" and "IP ISR":
 * <ul>
 *   <li>DATA reads the pins for bits whose TRI bit is 1 (input) and the output latch for the
 *       others; with {@code C_ALL_INPUTS} it always reads the pins, with {@code C_ALL_OUTPUTS}
 *       the latch. Writes set the latch (ignored with {@code C_ALL_INPUTS}). Bits above
 *       {@code C_GPIO_WIDTH} read 0.
 *   <li>Reset: latch = {@code C_DOUT_DEFAULT}, TRI = {@code C_TRI_DEFAULT}, GIER = IER = ISR = 0.
 *   <li>With {@code C_INTERRUPT_PRESENT}, any change of a channel's input pins sets its IP ISR bit;
 *       writing 1 to an ISR bit toggles it; {@code ip2intc_irpt} = GIER[31] AND (ISR AND IER) != 0.
 * </ul>
 * The pins are driven from the simulator: {@link #setInput(int, int)} (a switch, a button);
 * {@link #output(int)} shows what the channel drives (an LED).
 */
public class AxiGpioModel implements IpModel {
    /** Scratch offsets, beyond the bus-visible registers, where the pin levels live (shared by processes). */
    private static final int PINS = 0;

    private final IpContext ctx;
    private final RegisterStore regs;
    private final RegisterStore pins;
    private final InterruptOut irq;
    private final int[] width = new int[3];
    private final boolean[] allInputs = new boolean[3];
    private final boolean[] allOutputs = new boolean[3];
    private final boolean interruptPresent;
    private final boolean dual;

    /** @param ctx the IP's context; parameters as in PG144 "Parameter Descriptions" */
    public AxiGpioModel(IpContext ctx) {
        this.ctx = ctx;
        this.regs = ctx.registers();
        this.pins = ctx.scratch();
        this.irq = ctx.interrupt("ip2intc_irpt");
        width[1] = (int) ctx.parameterLong("C_GPIO_WIDTH", 32);
        width[2] = (int) ctx.parameterLong("C_GPIO2_WIDTH", 32);
        allInputs[1] = ctx.parameterLong("C_ALL_INPUTS", 0) == 1;
        allInputs[2] = ctx.parameterLong("C_ALL_INPUTS_2", 0) == 1;
        allOutputs[1] = ctx.parameterLong("C_ALL_OUTPUTS", 0) == 1;
        allOutputs[2] = ctx.parameterLong("C_ALL_OUTPUTS_2", 0) == 1;
        interruptPresent = ctx.parameterLong("C_INTERRUPT_PRESENT", 0) == 1;
        dual = ctx.parameterLong("C_IS_DUAL", 0) == 1;
    }

    @Override
    public void reset() {
        regs.put(AxiGpioLayout.GPIO_DATA, (int) ctx.parameterLong("C_DOUT_DEFAULT", 0) & mask(1));
        regs.put(AxiGpioLayout.GPIO_TRI, (int) ctx.parameterLong("C_TRI_DEFAULT", 0xFFFF_FFFFL) & mask(1));
        regs.put(AxiGpioLayout.GPIO2_DATA, (int) ctx.parameterLong("C_DOUT_DEFAULT_2", 0) & mask(2));
        regs.put(AxiGpioLayout.GPIO2_TRI, (int) ctx.parameterLong("C_TRI_DEFAULT_2", 0xFFFF_FFFFL) & mask(2));
        regs.put(GIER, 0);
        regs.put(IP_ISR, 0);
        regs.put(IP_IER, 0);
        updateIrq();
    }

    private int mask(int channel) {
        return width[channel] >= 32 ? -1 : (1 << width[channel]) - 1;
    }

    private boolean present(int channel) {
        return channel == 1 || dual;
    }

    @Override
    public int read(int off) {
        switch (off) {
            case AxiGpioLayout.GPIO_DATA: return data(1);
            case AxiGpioLayout.GPIO2_DATA: return present(2) ? data(2) : 0;
            case AxiGpioLayout.GPIO_TRI: return regs.get(off);
            case AxiGpioLayout.GPIO2_TRI: return present(2) ? regs.get(off) : 0;
            case GIER: case IP_ISR: case IP_IER: return interruptPresent ? regs.get(off) : 0;
            default: return 0;
        }
    }

    private int data(int c) {
        int latch = regs.get(AxiGpioLayout.dataOffset(c));
        int in = pins.get(PINS + 4 * (c - 1));
        if (allInputs[c]) {
            return in & mask(c);
        }
        if (allOutputs[c]) {
            return latch & mask(c);
        }
        int tri = regs.get(AxiGpioLayout.triOffset(c));
        return ((in & tri) | (latch & ~tri)) & mask(c);
    }

    @Override
    public void write(int off, int value, int strobe) {
        int v = RegisterStore.merge(regs.get(off), value, strobe);
        switch (off) {
            case AxiGpioLayout.GPIO_DATA: case AxiGpioLayout.GPIO_TRI:
                regs.put(off, v & mask(1));
                break;
            case AxiGpioLayout.GPIO2_DATA: case AxiGpioLayout.GPIO2_TRI:
                if (present(2)) {
                    regs.put(off, v & mask(2));
                }
                break;
            case GIER:
                regs.put(off, v & GIER_ENABLE);
                break;
            case IP_IER:
                regs.put(off, v & (dual ? 3 : 1));
                break;
            case IP_ISR:
                regs.put(off, regs.get(off) ^ (value & (dual ? 3 : 1)));  // toggle-on-write
                break;
            default:
                break;  // PG144: writes to unused offsets have no effect
        }
        if (interruptPresent && (off == GIER || off == IP_IER || off == IP_ISR)) {
            updateIrq();
        }
    }

    /**
     * Drives the input pins of a channel (e.g. the switches); a change sets the channel's IP ISR
     * bit when the core has an interrupt, which may raise {@code ip2intc_irpt}.
     *
     * @param channel 1 or 2
     * @param bits pin levels, bit 0 = pin 0; bits above the channel width are ignored
     * @throws IllegalArgumentException if the channel is not 1 or 2, or 2 on a single-channel core
     */
    public void setInput(int channel, int bits) {
        if (channel != 1 && channel != 2 || !present(channel)) {
            throw new IllegalArgumentException(ctx.name() + " has no GPIO channel " + channel
                    + (dual ? " (channels 1 and 2)" : " (single channel: C_IS_DUAL=0)"));
        }
        ctx.atomically(() -> {
            int slot = PINS + 4 * (channel - 1);
            int old = pins.get(slot) & mask(channel);
            int now = bits & mask(channel);
            pins.put(slot, now);
            if (old != now && interruptPresent) {
                regs.put(IP_ISR, regs.get(IP_ISR) | (CHANNEL1_INT << (channel - 1)));
                updateIrq();
            }
        });
    }

    /** The levels the simulator last drove on a channel's input pins. */
    public int input(int channel) {
        return pins.get(PINS + 4 * (channel - 1)) & mask(channel);
    }

    /** What the channel drives on its output pins: the latch, on bits whose TRI is 0. */
    public int output(int channel) {
        int latch = regs.get(AxiGpioLayout.dataOffset(channel));
        if (allOutputs[channel]) {
            return latch & mask(channel);
        }
        if (allInputs[channel]) {
            return 0;
        }
        return latch & ~regs.get(AxiGpioLayout.triOffset(channel)) & mask(channel);
    }

    private void updateIrq() {
        boolean on = (regs.get(GIER) & GIER_ENABLE) != 0 && (regs.get(IP_ISR) & regs.get(IP_IER)) != 0;
        irq.set(on);
    }

    /** The ip2intc_irpt level now. */
    public boolean interruptAsserted() {
        return irq.isHigh();
    }
}
