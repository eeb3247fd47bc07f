package io.jynq.device.sim.model;

/**
 * Bytes moved on an AXI4-Stream in one go, in stream order; {@code last} marks the end of a
 * packet (TLAST on the final beat).
 *
 * @param data the bytes; the receiver owns the array
 * @param last whether the packet ends with the last of these bytes
 */
public record StreamChunk(byte[] data, boolean last) {}
