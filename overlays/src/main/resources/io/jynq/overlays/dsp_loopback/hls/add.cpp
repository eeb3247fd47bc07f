// HLS source of add_0 (xilinx.com:hls:add:1.0), the C model its RTL was synthesised from.
// On JYNQ's simulated board the core runs as io.jynq.device.sim.model.dsp.AddModel.
int add(int a, int b) {
#pragma HLS INTERFACE s_axilite port=return
#pragma HLS INTERFACE s_axilite port=a
#pragma HLS INTERFACE s_axilite port=b
    return a + b;
}
