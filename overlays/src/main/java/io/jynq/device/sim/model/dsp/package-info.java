/**
 * Models of the two HLS cores of the bundled {@code dsp_loopback} overlay: the stream FIR filter
 * ({@link io.jynq.device.sim.model.dsp.FirModel}) and the adder
 * ({@link io.jynq.device.sim.model.dsp.AddModel}). Registered through ServiceLoader.
 *
 * <p>Imports {@code io.jynq.device.sim.model} only.
 */
package io.jynq.device.sim.model.dsp;
