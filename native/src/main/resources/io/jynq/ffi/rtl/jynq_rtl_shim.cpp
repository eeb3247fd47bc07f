// JYNQ's generic C++ shim around one Verilator model (io.jynq.ffi.rtl). The build prepends the
// port roles as macros (jynq_ports.h: JR_CLK, JR_L_AWVALID, ... and JR_HAS_* flags) found from
// the IP's ports. Everything a register access or a stream transfer needs happens here, in C:
// Java makes one call per access and one call per stream burst (JNA per beat is 7x slower).
#include "jynq_ports.h"
#include "Vjynq.h"
#include "verilated.h"
#include "verilated_vcd_c.h"
#include <cstdint>
#include <cstring>

extern "C" {
#include "jynq_rtl.h"
}

namespace {

struct Model {
    VerilatedContext ctx;
    Vjynq* top;
    VerilatedVcdC* vcd = nullptr;
    uint64_t cycles = 0;
    uint64_t period_ps = 10000;
    Model() { top = new Vjynq(&ctx, "top"); }
    ~Model() {
        if (vcd) { vcd->close(); delete vcd; }
        top->final();
        delete top;
    }
    // One clock cycle: inputs already set; falling edge (combinational outputs settle), then the
    // caller samples handshakes with sample(), then the rising edge.
    void low() {
        JR_CLK = 0;
        top->eval();
        if (vcd) vcd->dump(cycles * period_ps + period_ps / 2);
    }
    void high() {
        JR_CLK = 1;
        top->eval();
        cycles++;
        if (vcd) vcd->dump(cycles * period_ps);
    }
    void idle(uint64_t n) {
        for (uint64_t i = 0; i < n; i++) { low(); high(); }
    }
    int irq() {
#ifdef JR_HAS_IRQ
        // JR_IRQ names top->..., the member here
        return JR_IRQ ? 1 : 0;
#else
        return 0;
#endif
    }
};

void jr_reset(Model* m) {
    Vjynq* top = m->top;
    (void) top;
#ifdef JR_HAS_RST
    JR_RST = JR_RST_ACTIVE;
    m->idle(16);
    JR_RST = !JR_RST_ACTIVE;
#endif
    m->idle(2);
}

void* jr_create() {
    Model* m = new Model();
    Vjynq* top = m->top;
    (void) top;
#ifdef JR_HAS_LITE
    JR_L_AWVALID = 0; JR_L_WVALID = 0; JR_L_ARVALID = 0; JR_L_BREADY = 0; JR_L_RREADY = 0;
#endif
#ifdef JR_HAS_SIN
    JR_SI_TVALID = 0;
#endif
#ifdef JR_HAS_SOUT
    JR_SO_TREADY = 0;
#endif
    jr_reset(m);
    return m;
}

void jr_destroy(void* h) { delete static_cast<Model*>(h); }

void jr_do_reset(void* h) { jr_reset(static_cast<Model*>(h)); }

uint64_t jr_lite_read(void* h, uint32_t addr, uint64_t pending, uint32_t limit) {
#ifdef JR_HAS_LITE
    Model* m = static_cast<Model*>(h);
    Vjynq* top = m->top;
    (void) top;
    m->idle(pending);
    JR_L_ARADDR = addr;
    JR_L_ARVALID = 1;
    JR_L_RREADY = 1;
    uint64_t data = 0, resp = 0;
    bool ar = false;
    for (uint32_t i = 0; i < limit; i++) {
        m->low();
        bool ar_fire = !ar && JR_L_ARVALID && JR_L_ARREADY;
        bool r_fire = JR_L_RVALID;
        if (r_fire) {
            data = (uint32_t) JR_L_RDATA;
#ifdef JR_HAS_L_RRESP
            resp = JR_L_RRESP & 3;
#endif
        }
        m->high();
        if (ar_fire) { ar = true; JR_L_ARVALID = 0; }
        if (r_fire && (ar || ar_fire)) {
            JR_L_RREADY = 0;
            return data | (resp << 32) | ((uint64_t) m->irq() << 34);
        }
    }
    JR_L_ARVALID = 0;
    JR_L_RREADY = 0;
    return (1ull << 35) | ((uint64_t) (ar ? 1 : 0) << 36) | ((uint64_t) m->irq() << 34);
#else
    return 1ull << 35;
#endif
}

int32_t jr_lite_write(void* h, uint32_t addr, uint32_t data, uint32_t strb, uint64_t pending, uint32_t limit) {
#ifdef JR_HAS_LITE
    Model* m = static_cast<Model*>(h);
    Vjynq* top = m->top;
    (void) top;
    m->idle(pending);
    JR_L_AWADDR = addr;
    JR_L_WDATA = data;
#ifdef JR_HAS_L_WSTRB
    JR_L_WSTRB = strb;
#endif
    JR_L_AWVALID = 1;
    JR_L_WVALID = 1;
    JR_L_BREADY = 1;
    bool aw = false, w = false;
    for (uint32_t i = 0; i < limit; i++) {
        m->low();
        bool aw_fire = !aw && JR_L_AWREADY;
        bool w_fire = !w && JR_L_WREADY;
        bool b_fire = JR_L_BVALID;
        int resp = 0;
#ifdef JR_HAS_L_BRESP
        resp = JR_L_BRESP & 3;
#endif
        m->high();
        if (aw_fire) { aw = true; JR_L_AWVALID = 0; }
        if (w_fire) { w = true; JR_L_WVALID = 0; }
        if (b_fire && aw && w) {
            JR_L_BREADY = 0;
            return resp | (m->irq() << 2);
        }
    }
    JR_L_AWVALID = 0;
    JR_L_WVALID = 0;
    JR_L_BREADY = 0;
    return 8 | (aw ? 16 : 0) | (w ? 32 : 0) | (m->irq() << 2);
#else
    return 8;
#endif
}

#ifdef JR_HAS_SIN
uint64_t jr_load(const uint8_t* p, int n) {
    uint64_t v = 0;
    memcpy(&v, p, n);  // little-endian: byte 0 is TDATA[7:0]
    return v;
}
#endif

int32_t jr_stream(void* h, int64_t* io) {
    Model* m = static_cast<Model*>(h);
    Vjynq* top = m->top;
    (void) top;
    const uint8_t* in = reinterpret_cast<const uint8_t*>(io[JR_IO_IN_ADDR]);
    int64_t in_bytes = io[JR_IO_IN_BYTES];
    int in_last = (int) io[JR_IO_IN_LAST];
    uint8_t* out = reinterpret_cast<uint8_t*>(io[JR_IO_OUT_ADDR]);
    int64_t out_cap = io[JR_IO_OUT_CAP];
    int64_t max_idle = io[JR_IO_MAX_IDLE];
    int64_t max_cycles = io[JR_IO_MAX_CYCLES];
    int64_t consumed = 0, produced = 0, idle = 0, n = 0;
    int out_last = 0, status = JR_ST_DRAINED;
    (void) in; (void) in_last; (void) out; (void) out_cap;
    while (n < max_cycles) {
        bool have_in = false, room = false;
#ifdef JR_HAS_SIN
        int64_t beat = in_bytes - consumed < JR_SI_BYTES ? in_bytes - consumed : JR_SI_BYTES;
        have_in = beat > 0;
        JR_SI_TVALID = have_in;
        if (have_in) {
            JR_SI_TDATA = jr_load(in + consumed, (int) beat);
#ifdef JR_HAS_SI_TKEEP
            JR_SI_TKEEP = (uint32_t) ((1ull << beat) - 1);
#endif
#ifdef JR_HAS_SI_TLAST
            JR_SI_TLAST = in_last && consumed + beat >= in_bytes;
#endif
        }
#endif
#ifdef JR_HAS_SOUT
        room = !out_last && produced + JR_SO_BYTES <= out_cap;
        JR_SO_TREADY = room;
#endif
        m->low();
        bool in_fire = false, out_fire = false;
#ifdef JR_HAS_SIN
        in_fire = have_in && JR_SI_TREADY;
#endif
#ifdef JR_HAS_SOUT
        out_fire = room && JR_SO_TVALID;
        if (out_fire) {
            uint64_t v = (uint64_t) JR_SO_TDATA;
            int nb = JR_SO_BYTES;
#ifdef JR_HAS_SO_TKEEP
            nb = __builtin_popcountll((uint64_t) JR_SO_TKEEP & ((1ull << JR_SO_BYTES) - 1));
#endif
            memcpy(out + produced, &v, nb);
            produced += nb;
#ifdef JR_HAS_SO_TLAST
            if (JR_SO_TLAST) out_last = 1;
#endif
        }
#endif
        m->high();
        n++;
#ifdef JR_HAS_SIN
        if (in_fire) consumed += beat;
        JR_SI_TVALID = 0;
#endif
#ifdef JR_HAS_SOUT
        JR_SO_TREADY = 0;
#endif
        idle = (in_fire || out_fire) ? 0 : idle + 1;
        if (out_last) { status = JR_ST_PACKET; break; }
#ifdef JR_HAS_SOUT
        if (produced + JR_SO_BYTES > out_cap) { status = JR_ST_OUT_FULL; break; }
#endif
        if (idle >= max_idle) {
            status = consumed < in_bytes ? JR_ST_IN_STALLED : JR_ST_DRAINED;
            break;
        }
    }
    if (n >= max_cycles) status = consumed < in_bytes ? JR_ST_IN_STALLED : JR_ST_DRAINED;
    io[JR_IO_CONSUMED] = consumed;
    io[JR_IO_PRODUCED] = produced;
    io[JR_IO_OUT_LAST] = out_last;
    io[JR_IO_CYCLES] = n;
    io[JR_IO_STATUS] = status;
    io[JR_IO_IRQ] = m->irq();
    return status;
}

int32_t jr_run(void* h, uint64_t cycles) {
    Model* m = static_cast<Model*>(h);
    Vjynq* top = m->top;
    (void) top;
    m->idle(cycles);
    return m->irq();
}

uint64_t jr_cycles(void* h) { return static_cast<Model*>(h)->cycles; }

int32_t jr_trace(void* h, const char* path, uint64_t period_ps) {
    Model* m = static_cast<Model*>(h);
    Vjynq* top = m->top;
    (void) top;
    if (m->vcd) { m->vcd->close(); delete m->vcd; m->vcd = nullptr; }
    if (path == nullptr || !*path) return 0;
    Verilated::traceEverOn(true);
    m->period_ps = period_ps ? period_ps : 10000;
    m->vcd = new VerilatedVcdC;
    m->top->trace(m->vcd, 99);
    m->vcd->open(path);
    if (!m->vcd->isOpen()) { delete m->vcd; m->vcd = nullptr; return -1; }
    m->vcd->dump(m->cycles * m->period_ps);
    return 0;
}

uint32_t jr_features(void*) {
    uint32_t f = 0;
#ifdef JR_HAS_LITE
    f |= JR_F_LITE;
#endif
#ifdef JR_HAS_SIN
    f |= JR_F_SIN;
#endif
#ifdef JR_HAS_SOUT
    f |= JR_F_SOUT;
#endif
#ifdef JR_HAS_IRQ
    f |= JR_F_IRQ;
#endif
    return f;
}

// The handshake outputs the RTL drives now, for a stall report: bit 0 s_axis TREADY, bit 1
// m_axis TVALID, bit 2 AWREADY, bit 3 WREADY, bit 4 ARREADY, bit 5 BVALID, bit 6 RVALID.
uint32_t jr_probe(void* h) {
    Model* m = static_cast<Model*>(h);
    Vjynq* top = m->top;
    (void) top;
    (void) m;
    uint32_t s = 0;
#ifdef JR_HAS_SIN
    s |= JR_SI_TREADY ? 1 : 0;
#endif
#ifdef JR_HAS_SOUT
    s |= JR_SO_TVALID ? 2 : 0;
#endif
#ifdef JR_HAS_LITE
    s |= (JR_L_AWREADY ? 4 : 0) | (JR_L_WREADY ? 8 : 0) | (JR_L_ARREADY ? 16 : 0) | (JR_L_BVALID ? 32 : 0)
            | (JR_L_RVALID ? 64 : 0);
#endif
    return s;
}

const jynq_rtl_vt VT = {JYNQ_RTL_ABI, jr_create, jr_destroy, jr_do_reset, jr_lite_read, jr_lite_write, jr_stream,
                        jr_run, jr_cycles, jr_trace, jr_features, jr_probe};

}  // namespace

extern "C" const jynq_rtl_vt* jynq_rtl_vtable() { return &VT; }
