/**
 * Device operations described in YAML, in the style of Koheron's D2L: a device is a named set of
 * operations on an overlay, each with typed arguments and one implementation.
 *
 * <h2>Schema of a {@code .d2l.yaml} file</h2>
 * A file holds one device (a mapping) or a list of devices. Unknown keys are errors.
 * <pre>
 * device:     name (UPPER_SNAKE, required), description, ip (default IP of driver and register
 *             operations), library (native library of C operations), includes (C headers
 *             declaring the C functions), objects ([{name, type}]), operations (required)
 * operation:  name (UPPER_SNAKE, required), description, return (text), return_type (a type),
 *             flags, arguments, and exactly one of driver / registers / c
 * flags:      [{name: AT_INIT}] runs the operation when the device is opened;
 *             [{name: SEND_BUFFER, buffer_name: [data]}] marks buffer arguments that are sent,
 *             each adding an argument len_data (uint32_t, the buffer's size in bytes) at the end.
 *             A bare string (- AT_INIT) is accepted for a flag without buffer_name.
 * argument:   name (required), type (required), cast (a C type), default, description
 * types:      unsigned int, unsigned long, uint32_t, uint64_t, float, bool (Koheron's), and
 *             int32_t, int64_t, double, buffer (JYNQ's)
 * driver:     true                      the method lowerCamel(name) of the device ip's driver
 *             setGainDb                 that method of the device ip's driver
 *             {ip: dsp_0, method: m}    both given
 * c:          fir_filter                that function of the device's library
 *             {function: f, library: l}
 * registers:  [steps]                   on the device ip, polls wait 1 s
 *             {ip, timeout, steps, result}
 * step:       {write: REG[.FIELD], value: V}
 *             {read: REG[.FIELD], as: name}       (as defaults to REG_FIELD)
 *             {poll: REG[.FIELD], until: V, timeout: 10ms}
 *             V is an integer, an argument name, or an earlier read; a timeout is a whole number
 *             with ns, us, ms or s; result names a read, returned as return_type (uint32_t
 *             unless given)
 * </pre>
 *
 * <h2>Example</h2>
 * <pre>
 * name: DSP_LOOPBACK
 * description: Gain stage and FIR filter behind an AXI DMA loopback
 * ip: dsp_0
 * library: dsp_ops
 * includes: [dsp_ops.h]
 * operations:
 *   - name: RESET
 *     flags: [{name: AT_INIT}]
 *     registers:
 *       - {write: CTRL.AP_START, value: 0}
 *       - {write: GAIN, value: 1}
 *   - name: SET_GAIN
 *     arguments:
 *       - {name: gain, type: uint32_t, default: 1, description: linear gain}
 *     registers:
 *       timeout: 10ms
 *       steps:
 *         - {write: GAIN, value: gain}
 *         - {write: CTRL.AP_START, value: 1}
 *         - {poll: CTRL.AP_DONE, until: 1}
 *         - {read: STATUS, as: status}
 *       result: status
 *   - name: TRANSFER
 *     arguments: [{name: data, type: buffer}]
 *     flags: [{name: SEND_BUFFER, buffer_name: [data]}]
 *     driver: {ip: axi_dma_0}          # calls transfer(data, len_data) on the AXI DMA driver
 *   - name: FIR
 *     arguments:
 *       - {name: samples, type: buffer}
 *       - {name: taps, type: uint32_t, default: 16}
 *     flags: [{name: SEND_BUFFER, buffer_name: [samples]}]
 *     c: fir_filter                      # fir_filter(samples, taps, len_samples)
 * </pre>
 *
 * <h2>Two steps: parse, then bind</h2>
 * {@link io.jynq.d2l.D2lParser} reads and validates a file with no overlay at hand, reporting
 * file, line and column. {@link io.jynq.d2l.BoundDevice#open} binds a
 * {@link io.jynq.d2l.DeviceDescription} to a loaded overlay through an
 * {@link io.jynq.d2l.OperationBackend} that the overlay layer implements, checks every register,
 * driver method and C function against it, runs the AT_INIT operations, and then calls operations
 * by name.
 *
 * <p>Layering: imports only SnakeYAML, the JDK, {@code io.jynq.error} and {@code io.jynq.ffi.NativeMemory}. It must not
 * import io.jynq.overlay, io.jynq.device, io.jynq.drivers or io.jynq.capi: the overlay layer
 * depends on this package, not the reverse.
 */
package io.jynq.d2l;
