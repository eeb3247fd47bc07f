/**
 * Contiguous, DMA-able buffers with numpy-like element types: {@link io.jynq.buffer.Buffers}
 * allocates, {@link io.jynq.buffer.ContiguousBuffer} is the typed view with a physical address
 * (PYNQ's {@code allocate} and {@code PynqBuffer}), {@link io.jynq.buffer.DType} the element type.
 *
 * <p>Builds on {@code io.jynq.device} ({@link io.jynq.device.DeviceMemory}) and implements
 * {@code io.jynq.ffi.NativeMemory}; never imports {@code io.jynq.overlay}, {@code io.jynq.drivers}
 * or the simulator.
 */
package io.jynq.buffer;
