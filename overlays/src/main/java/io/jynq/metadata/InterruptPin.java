package io.jynq.metadata;

/**
 * A PL pin on an interrupt line (PYNQ's {@code interrupt_pins} entry), found by tracing from
 * the PS interrupt input through {@code xlconcat} and {@code axi_intc} cells.
 *
 * @param fullpath the pin, {@code <ip fullpath>/<port>}, e.g. {@code btns_gpio/ip2intc_irpt}
 * @param controller the AXI INTC's fullpath the pin reaches, or "" when it goes straight to the PS
 * @param index the line index at that controller (PS: 0-based position on the IRQ input)
 * @param rawIrq the Linux/GIC raw IRQ number when {@code controller} is the PS (Zynq IRQ_F2P:
 *     61..68 then 84..91; ZynqMP pl_ps_irq0: 121..128, pl_ps_irq1: 136..143), else null
 */
public record InterruptPin(String fullpath, String controller, int index, Integer rawIrq) {}
