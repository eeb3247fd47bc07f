// Included by rtl_scaler.v: the value added after scaling unless the core defines SCALER_OFFSET.
`ifndef SCALER_OFFSET
`define SCALER_OFFSET 0
`endif
