/* Native operations of the dsp_loopback package; see dsp_ops.h. */
#include "dsp_ops.h"

uint32_t checksum(const uint8_t *data, uint32_t len_data) {
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < len_data; i++) {
        h ^= data[i];
        h *= 16777619u;
    }
    return h;
}

uint32_t scale(int32_t *data, int32_t gain, uint32_t len_data) {
    uint32_t n = len_data / sizeof(int32_t);
    for (uint32_t i = 0; i < n; i++) {
        /* unsigned arithmetic: wraps like the FIR's 32-bit accumulator, without C's signed overflow */
        data[i] = (int32_t) ((uint32_t) data[i] * (uint32_t) gain);
    }
    return n;
}
