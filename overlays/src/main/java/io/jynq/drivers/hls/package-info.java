/**
 * The driver of Vitis HLS IP with an AXI4-Lite control interface, {@link io.jynq.drivers.hls.HlsIp}:
 * arguments by the register names of the {@code .hwh}, {@code call} and {@code start}/{@code await}
 * over the {@code ap_ctrl_hs} handshake ({@link io.jynq.ip.HlsCtrlLayout}, UG1399).
 *
 * <p>Imports {@code io.jynq.overlay}, {@code io.jynq.mmio}, {@code io.jynq.buffer}, {@code io.jynq.ip},
 * {@code io.jynq.device}; never the simulator.
 */
package io.jynq.drivers.hls;
