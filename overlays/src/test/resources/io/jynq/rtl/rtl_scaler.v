// JYNQ's own test IP (written for JYNQ, public domain): an AXI4-Stream scaler. Each 32-bit beat
// of s_axis leaves m_axis as beat * GAIN + `SCALER_OFFSET, TLAST kept, through a one-beat
// register with full back-pressure (s_axis_tready low while the output beat waits).
// STALL = 1 makes the core never raise s_axis_tready: a broken IP, for fault tests.
`include "scaler_defs.vh"
module rtl_scaler #(
    parameter integer GAIN = 3,
    parameter integer STALL = 0
) (
    input  wire        aclk,
    input  wire        aresetn,
    input  wire [31:0] s_axis_tdata,
    input  wire        s_axis_tvalid,
    output wire        s_axis_tready,
    input  wire        s_axis_tlast,
    output reg  [31:0] m_axis_tdata,
    output reg         m_axis_tvalid,
    input  wire        m_axis_tready,
    output reg         m_axis_tlast
);
    assign s_axis_tready = STALL == 0 && (!m_axis_tvalid || m_axis_tready);

    always @(posedge aclk) begin
        if (!aresetn) begin
            m_axis_tvalid <= 0;
            m_axis_tlast <= 0;
            m_axis_tdata <= 0;
        end else if (s_axis_tvalid && s_axis_tready) begin
            m_axis_tdata <= s_axis_tdata * GAIN + `SCALER_OFFSET;
            m_axis_tlast <= s_axis_tlast;
            m_axis_tvalid <= 1;
        end else if (m_axis_tready) begin
            m_axis_tvalid <= 0;
        end
    end
endmodule
