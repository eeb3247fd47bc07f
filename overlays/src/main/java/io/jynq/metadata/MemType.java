package io.jynq.metadata;

/** The kind of an address range, from a MEMRANGE's {@code MEMTYPE}: registers or memory (BRAM, DDR). */
public enum MemType {
    REGISTER,
    MEMORY
}
