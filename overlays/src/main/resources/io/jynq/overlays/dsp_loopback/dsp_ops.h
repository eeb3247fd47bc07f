/* Native operations of the dsp_loopback overlay package, called by the DSP_LOOPBACK device
 * (dsp_loopback.d2l.yaml). Each buffer arrives as a pointer to its first byte and its length in
 * bytes, the len_<buffer> argument that SEND_BUFFER adds. */
#ifndef DSP_OPS_H
#define DSP_OPS_H

#include <stdint.h>

/* FNV-1a (32-bit) over len_data bytes of data. */
uint32_t checksum(const uint8_t *data, uint32_t len_data);

/* Multiplies each int32 sample in place by gain (32-bit two's complement, wrapping) and returns
 * the number of samples; trailing bytes short of a whole sample are left alone. */
uint32_t scale(int32_t *data, int32_t gain, uint32_t len_data);

#endif
