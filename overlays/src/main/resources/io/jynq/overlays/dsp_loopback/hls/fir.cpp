// HLS source of fir_0 (xilinx.com:hls:fir:1.0), the C model its RTL was synthesised from.
// On JYNQ's simulated board the core runs as io.jynq.device.sim.model.dsp.FirModel, which
// implements exactly this: y[n] = sum_k coef[k] * x[n-k], 32-bit wrapping, rest at each TLAST.
#include <ap_axi_sdata.h>
#include <hls_stream.h>

typedef ap_axis<32, 0, 0, 0> axis_t;

void fir(hls::stream<axis_t> &in_stream, hls::stream<axis_t> &out_stream, int coef[8]) {
#pragma HLS INTERFACE ap_ctrl_none port=return
#pragma HLS INTERFACE axis port=in_stream
#pragma HLS INTERFACE axis port=out_stream
#pragma HLS INTERFACE s_axilite port=coef
    static int shift[8];
    axis_t x;
    do {
        x = in_stream.read();
        for (int k = 7; k > 0; k--) shift[k] = shift[k - 1];
        shift[0] = x.data;
        int acc = 0;
        for (int k = 0; k < 8; k++) acc += coef[k] * shift[k];
        axis_t y = x;
        y.data = acc;
        out_stream.write(y);
    } while (!x.last);
    for (int k = 0; k < 8; k++) shift[k] = 0;
}
