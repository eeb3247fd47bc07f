/**
 * RTL co-simulation figures (issue 18): AXI4-Lite register accesses per second through
 * {@code Mmio} on an RTL slave, DMA loopback beats per second through an RTL stream core, and the
 * time of a second binding of an unchanged core (the build cache). {@code ./jynq bench rtl}.
 */
package io.jynq.bench.rtl;
