package io.jynq.metadata;

/**
 * An AXI interrupt controller reached from a PS interrupt input (PYNQ's
 * {@code interrupt_controllers} entry).
 *
 * @param name its fullpath, e.g. {@code system_interrupts}
 * @param parent the controller its {@code irq} output goes to, "" for the PS
 * @param index the line index at the parent
 * @param rawIrq the raw IRQ number when the parent is the PS, else null
 */
public record InterruptController(String name, String parent, int index, Integer rawIrq) {}
