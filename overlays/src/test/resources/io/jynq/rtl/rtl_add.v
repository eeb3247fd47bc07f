// JYNQ's own test IP (written for JYNQ, public domain): an HLS-style adder, ap_return = a + b,
// behind an ap_ctrl_hs AXI4-Lite slave with the register map Vivado HLS gives `int add(int a, int b)`
// (AP_CTRL 0x00, GIE 0x04, IER 0x08, ISR 0x0C, ap_return 0x10, a 0x18, b 0x20) and an interrupt.
// The result is ready LATENCY cycles after ap_start, so polling AP_DONE takes simulated time.
module rtl_add #(
    parameter integer LATENCY = 4
) (
    input  wire        ap_clk,
    input  wire        ap_rst_n,
    input  wire [6:0]  s_axi_control_AWADDR,
    input  wire        s_axi_control_AWVALID,
    output wire        s_axi_control_AWREADY,
    input  wire [31:0] s_axi_control_WDATA,
    input  wire [3:0]  s_axi_control_WSTRB,
    input  wire        s_axi_control_WVALID,
    output wire        s_axi_control_WREADY,
    output wire [1:0]  s_axi_control_BRESP,
    output reg         s_axi_control_BVALID,
    input  wire        s_axi_control_BREADY,
    input  wire [6:0]  s_axi_control_ARADDR,
    input  wire        s_axi_control_ARVALID,
    output wire        s_axi_control_ARREADY,
    output reg  [31:0] s_axi_control_RDATA,
    output wire [1:0]  s_axi_control_RRESP,
    output reg         s_axi_control_RVALID,
    input  wire        s_axi_control_RREADY,
    output wire        interrupt
);
    reg [6:0] awaddr;
    reg aw_full, w_full;
    reg [31:0] wdata;
    reg [3:0] wstrb;
    reg ap_start, ap_done, auto_restart, gie;
    reg [1:0] ier, isr;
    reg [31:0] a, b, ap_return;
    reg [15:0] busy_cycles;
    wire ap_idle = busy_cycles == 0 && !ap_start;

    assign s_axi_control_AWREADY = !aw_full && !s_axi_control_BVALID;
    assign s_axi_control_WREADY = !w_full && !s_axi_control_BVALID;
    assign s_axi_control_BRESP = 2'b00;
    assign s_axi_control_ARREADY = !s_axi_control_RVALID;
    assign s_axi_control_RRESP = 2'b00;
    assign interrupt = gie && (isr != 0);

    function [31:0] merge(input [31:0] old, input [31:0] v, input [3:0] s);
        merge = {s[3] ? v[31:24] : old[31:24], s[2] ? v[23:16] : old[23:16],
                 s[1] ? v[15:8] : old[15:8], s[0] ? v[7:0] : old[7:0]};
    endfunction

    always @(posedge ap_clk) begin
        if (!ap_rst_n) begin
            aw_full <= 0; w_full <= 0; s_axi_control_BVALID <= 0; s_axi_control_RVALID <= 0;
            ap_start <= 0; ap_done <= 0; auto_restart <= 0; gie <= 0; ier <= 0; isr <= 0;
            a <= 0; b <= 0; ap_return <= 0; busy_cycles <= 0;
        end else begin
            // AXI4-Lite write: address and data may come in either order
            if (s_axi_control_AWVALID && s_axi_control_AWREADY) begin awaddr <= s_axi_control_AWADDR; aw_full <= 1; end
            if (s_axi_control_WVALID && s_axi_control_WREADY) begin wdata <= s_axi_control_WDATA; wstrb <= s_axi_control_WSTRB; w_full <= 1; end
            if (aw_full && w_full) begin
                aw_full <= 0; w_full <= 0; s_axi_control_BVALID <= 1;
                case (awaddr)
                    7'h00: begin
                        if (wstrb[0] && wdata[0]) ap_start <= 1;
                        if (wstrb[0]) auto_restart <= wdata[7];
                    end
                    7'h04: if (wstrb[0]) gie <= wdata[0];
                    7'h08: if (wstrb[0]) ier <= wdata[1:0];
                    7'h0C: if (wstrb[0]) isr <= isr ^ wdata[1:0];   // toggle on write
                    7'h18: a <= merge(a, wdata, wstrb);
                    7'h20: b <= merge(b, wdata, wstrb);
                    default: ;
                endcase
            end
            if (s_axi_control_BVALID && s_axi_control_BREADY) s_axi_control_BVALID <= 0;
            // AXI4-Lite read: one cycle from ARVALID to RVALID; AP_DONE clears on read
            if (s_axi_control_ARVALID && s_axi_control_ARREADY) begin
                s_axi_control_RVALID <= 1;
                case (s_axi_control_ARADDR)
                    7'h00: begin
                        s_axi_control_RDATA <= {24'b0, auto_restart, 3'b0, ap_idle /*ready*/, ap_idle, ap_done, ap_start};
                        ap_done <= 0;
                    end
                    7'h04: s_axi_control_RDATA <= {31'b0, gie};
                    7'h08: s_axi_control_RDATA <= {30'b0, ier};
                    7'h0C: s_axi_control_RDATA <= {30'b0, isr};
                    7'h10: s_axi_control_RDATA <= ap_return;
                    7'h18: s_axi_control_RDATA <= a;
                    7'h20: s_axi_control_RDATA <= b;
                    default: s_axi_control_RDATA <= 32'b0;
                endcase
            end else if (s_axi_control_RVALID && s_axi_control_RREADY) begin
                s_axi_control_RVALID <= 0;
            end
            // the computation, last so that ap_done rising wins over a clear-on-read in the same cycle:
            // LATENCY cycles after ap_start is taken, ap_done rises
            if (ap_start && busy_cycles == 0) begin
                busy_cycles <= LATENCY[15:0];
                ap_start <= auto_restart;
            end else if (busy_cycles == 1) begin
                ap_return <= a + b;
                ap_done <= 1;
                if (ier[0]) isr[0] <= 1;
                if (ier[1]) isr[1] <= 1;
                busy_cycles <= 0;
            end else if (busy_cycles != 0) begin
                busy_cycles <= busy_cycles - 1;
            end
        end
    end
endmodule
