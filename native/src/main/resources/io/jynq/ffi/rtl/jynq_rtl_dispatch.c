/* The one library Java binds by JNA direct mapping (RtlNative): it opens model libraries with
 * dlopen(RTLD_LOCAL), so that each model keeps its own copy of the Verilator runtime, and forwards
 * each call through the model's table. One indirect call costs nanoseconds; a class per model
 * library (what direct mapping would need otherwise) cannot be made at run time. */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

typedef struct {
    const jynq_rtl_vt* vt;
    void* model;
    void* lib;
} jr_handle;

int jr_abi(void) { return JYNQ_RTL_ABI; }

/* Opens a model library and creates its model; 0 on failure with the reason in err. */
int64_t jr_open(const char* path, char* err, int32_t errlen) {
    void* lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(err, errlen, "%s", dlerror());
        return 0;
    }
    const jynq_rtl_vt* (*table)(void) = (const jynq_rtl_vt* (*)(void)) dlsym(lib, "jynq_rtl_vtable");
    if (!table || table()->abi != JYNQ_RTL_ABI) {
        snprintf(err, errlen, "%s is not a JYNQ RTL model of ABI %d", path, JYNQ_RTL_ABI);
        dlclose(lib);
        return 0;
    }
    jr_handle* h = (jr_handle*) calloc(1, sizeof(jr_handle));
    h->vt = table();
    h->lib = lib;
    h->model = h->vt->create();
    return (int64_t) (intptr_t) h;
}

void jr_close(int64_t handle) {
    jr_handle* h = (jr_handle*) (intptr_t) handle;
    h->vt->destroy(h->model);
    dlclose(h->lib);
    free(h);
}

#define H ((jr_handle*) (intptr_t) handle)
void jr_reset(int64_t handle) { H->vt->reset(H->model); }
int64_t jr_read(int64_t handle, int32_t addr, int64_t pending, int32_t limit) {
    return (int64_t) H->vt->lite_read(H->model, (uint32_t) addr, (uint64_t) pending, (uint32_t) limit);
}
int32_t jr_write(int64_t handle, int32_t addr, int32_t data, int32_t strb, int64_t pending, int32_t limit) {
    return H->vt->lite_write(H->model, (uint32_t) addr, (uint32_t) data, (uint32_t) strb, (uint64_t) pending,
                             (uint32_t) limit);
}
int32_t jr_stream(int64_t handle, int64_t io) { return H->vt->stream(H->model, (int64_t*) (intptr_t) io); }
int32_t jr_run(int64_t handle, int64_t cycles) { return H->vt->run(H->model, (uint64_t) cycles); }
int64_t jr_cycles(int64_t handle) { return (int64_t) H->vt->cycles(H->model); }
int32_t jr_trace(int64_t handle, const char* path, int64_t period_ps) {
    return H->vt->trace(H->model, path, (uint64_t) period_ps);
}
int32_t jr_features(int64_t handle) { return (int32_t) H->vt->features(H->model); }
int32_t jr_probe(int64_t handle) { return (int32_t) H->vt->probe(H->model); }
