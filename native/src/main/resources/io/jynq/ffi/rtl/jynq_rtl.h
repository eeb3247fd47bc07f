/* The table of entry points every JYNQ RTL model library exports (jynq_rtl_vtable), shared by the
 * generated shim (jynq_rtl_shim.cpp) and the dispatcher (jynq_rtl_dispatch.c). Bump JYNQ_RTL_ABI
 * whenever this table changes: the model cache key includes this file. */
#include <stdint.h>
#define JYNQ_RTL_ABI 1

/* Slots of the int64 array a stream call reads and fills. */
#define JR_IO_IN_ADDR 0
#define JR_IO_IN_BYTES 1
#define JR_IO_IN_LAST 2
#define JR_IO_OUT_ADDR 3
#define JR_IO_OUT_CAP 4
#define JR_IO_MAX_IDLE 5
#define JR_IO_MAX_CYCLES 6
#define JR_IO_CONSUMED 7
#define JR_IO_PRODUCED 8
#define JR_IO_OUT_LAST 9
#define JR_IO_CYCLES 10
#define JR_IO_STATUS 11
#define JR_IO_IRQ 12
#define JR_IO_SLOTS 16

/* Why a stream call returned. */
#define JR_ST_DRAINED 0    /* input all taken, output idle for max_idle cycles */
#define JR_ST_PACKET 1     /* an output beat with TLAST was taken */
#define JR_ST_OUT_FULL 2   /* the output area is full */
#define JR_ST_IN_STALLED 3 /* input left, no beat moved for max_idle cycles (TREADY low) */

#define JR_F_LITE 1
#define JR_F_SIN 2
#define JR_F_SOUT 4
#define JR_F_IRQ 8

typedef struct jynq_rtl_vt {
    int32_t abi;
    void* (*create)(void);
    void (*destroy)(void*);
    void (*reset)(void*);
    uint64_t (*lite_read)(void*, uint32_t addr, uint64_t pending, uint32_t limit);
    int32_t (*lite_write)(void*, uint32_t addr, uint32_t data, uint32_t strb, uint64_t pending, uint32_t limit);
    int32_t (*stream)(void*, int64_t* io);
    int32_t (*run)(void*, uint64_t cycles);
    uint64_t (*cycles)(void*);
    int32_t (*trace)(void*, const char* path, uint64_t period_ps);
    uint32_t (*features)(void*);
    uint32_t (*probe)(void*);
} jynq_rtl_vt;
