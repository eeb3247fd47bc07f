/*
 * jynq_helper: runs the C functions of user libraries on behalf of a JVM, so that a fault in user
 * code ends this process and not the JVM (see io.jynq.ffi.isolate.NativeHelper, which compiles
 * this file with gcc at run time and speaks its protocol).
 *
 * Protocol, over the UNIX stream socket named by argv[1], in host byte order. A request is
 * u32 op, u32 payload length, payload; a reply is u32 status (0 ok, 1 error, 2 fault), u32 length,
 * payload.
 *   OPEN   path                               -> u32 file id (the file stays open)
 *   LOAD   str lib, str shim, u32 n, n x str  -> u32 lib id, n x u32 function id
 *   CALL   u32 fn, u32 nargs, nargs x arg     -> u64 result bits
 *          arg: u32 0, u64 bits | u32 1, u32 file, u64 offset, u64 length (a buffer window)
 *   UNLOAD u32 lib id                         -> nothing
 * str is u32 length and bytes. A fault reply (sent from the signal handler, after which the
 * process ends) is u32 signal, u32 si_code, u32 access (0 unknown, 1 read, 2 write), u32 fn,
 * u64 fault address, u64 offset of the located pc in its library (~0 if none), u32 1 if that pc is
 * a return address, u32 nargs, nargs x u64 argument pointers (0 for scalars), str library path.
 *
 * Each buffer window is mapped alone, MAP_SHARED from the file the JVM also maps (the simulated
 * board's DDR file, a u-dma-buf device), between two PROT_NONE guard pages, so C code sees the
 * same bytes as the DMA (zero copy) and an overrun past either end faults here.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <ucontext.h>
#include <unistd.h>

enum { OP_OPEN = 1, OP_LOAD = 2, OP_CALL = 3, OP_UNLOAD = 4 };
enum { ST_OK = 0, ST_ERROR = 1, ST_FAULT = 2 };
#define MAX_ARGS 64
#define MAX_FILES 256
#define MAX_LIBS 256
#define MAP_CACHE 96

typedef void (*tramp_t)(void *fn, const uint64_t *a, uint64_t *r);

struct lib { void *user, *shim; char *path; };
struct fn { void *fn; tramp_t tramp; };
struct map { uint32_t file; uint64_t off, len; char *base; size_t total; char *ptr; unsigned long used; };

static int sock = -1;
static long page;
static int files[MAX_FILES];
static uint32_t nfiles;
static struct lib libs[MAX_LIBS];
static struct fn *fns;
static uint32_t nfns, capfns;
static struct map maps[MAP_CACHE];
static unsigned long tick;
static volatile uint32_t cur_fn = UINT32_MAX;
static uint64_t cur_ptrs[MAX_ARGS];
static volatile uint32_t cur_nargs;
static char *req;
static uintptr_t stack_top, stack_size;
static size_t reqcap;

static int read_full(void *p, size_t n) {
    char *c = p;
    while (n > 0) {
        ssize_t k = read(sock, c, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return -1;
        c += k; n -= (size_t) k;
    }
    return 0;
}

static void write_full(const void *p, size_t n) {
    const char *c = p;
    while (n > 0) {
        ssize_t k = write(sock, c, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) _exit(0); /* the JVM went away */
        c += k; n -= (size_t) k;
    }
}

static void reply(uint32_t status, const void *payload, uint32_t len) {
    char buf[512];
    uint32_t h[2] = {status, len};
    if (len <= sizeof buf - 8) {
        memcpy(buf, h, 8);
        memcpy(buf + 8, payload, len);
        write_full(buf, 8 + len);
    } else {
        write_full(h, 8);
        write_full(payload, len);
    }
}

static void error(const char *fmt, const char *a, const char *b) {
    char msg[1024];
    int n = snprintf(msg, sizeof msg, fmt, a, b);
    reply(ST_ERROR, msg, (uint32_t) (n < 0 ? 0 : n >= (int) sizeof msg ? (int) sizeof msg - 1 : n));
}

/* A cursor over the request payload. */
static const char *at, *end;
static int bad;
static uint32_t u32(void) { uint32_t v = 0; if (end - at < 4) { bad = 1; return 0; } memcpy(&v, at, 4); at += 4; return v; }
static uint64_t u64(void) { uint64_t v = 0; if (end - at < 8) { bad = 1; return 0; } memcpy(&v, at, 8); at += 8; return v; }
static char *str(void) {
    uint32_t n = u32();
    if (bad || (uint64_t) (end - at) < n) { bad = 1; return NULL; }
    char *s = malloc(n + 1);
    memcpy(s, at, n); s[n] = 0; at += n;
    return s;
}

static void do_open(void) {
    char *path = str();
    if (bad || nfiles >= MAX_FILES) { error("bad OPEN request%s%s", "", ""); free(path); return; }
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0) { error("cannot open %s: %s", path, strerror(errno)); free(path); return; }
    free(path);
    files[nfiles] = fd;
    uint32_t id = nfiles++;
    reply(ST_OK, &id, 4);
}

static void do_load(void) {
    char *path = str(), *shim = str();
    uint32_t n = u32();
    uint32_t slot = 0;
    while (slot < MAX_LIBS && libs[slot].user) slot++;
    if (bad || slot == MAX_LIBS) { error("bad LOAD request or too many libraries%s%s", "", ""); free(path); free(shim); return; }
    void *user = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!user) { error("cannot load %s: %s", path, dlerror()); free(path); free(shim); return; }
    void *tr = dlopen(shim, RTLD_NOW | RTLD_LOCAL);
    if (!tr) { error("cannot load the call shim %s: %s", shim, dlerror()); dlclose(user); free(path); free(shim); return; }
    free(shim);
    uint32_t *out = malloc(4 + 4 * (size_t) n);
    out[0] = slot;
    for (uint32_t i = 0; i < n; i++) {
        char *name = str();
        char tname[32];
        snprintf(tname, sizeof tname, "jynq_t_%u", i);
        void *f = bad ? NULL : dlsym(user, name);
        void *t = bad ? NULL : dlsym(tr, tname);
        if (!f || !t) {
            error("%s does not export %s", path, name ? name : "?");
            free(name); free(out); free(path); dlclose(tr); dlclose(user);
            return;
        }
        free(name);
        if (nfns == capfns) { capfns = capfns ? capfns * 2 : 64; fns = realloc(fns, capfns * sizeof *fns); }
        fns[nfns].fn = f;
        fns[nfns].tramp = (tramp_t) t;
        out[1 + i] = nfns++;
    }
    libs[slot].user = user; libs[slot].shim = tr; libs[slot].path = path;
    reply(ST_OK, out, 4 + 4 * n);
    free(out);
}

static void do_unload(void) {
    uint32_t id = u32();
    if (!bad && id < MAX_LIBS && libs[id].user) {
        dlclose(libs[id].shim);
        dlclose(libs[id].user);
        free(libs[id].path);
        libs[id].user = libs[id].shim = NULL;
        libs[id].path = NULL;
    }
    reply(ST_OK, NULL, 0);
}

/* The buffer window's address here, mapped between guard pages; cached by (file, offset, length). */
static char *window(uint32_t file, uint64_t off, uint64_t len) {
    tick++;
    for (int i = 0; i < MAP_CACHE; i++) {
        if (maps[i].base && maps[i].file == file && maps[i].off == off && maps[i].len == len) {
            maps[i].used = tick;
            return maps[i].ptr;
        }
    }
    uint64_t first = off & ~(uint64_t) (page - 1), delta = off - first;
    size_t span = (size_t) ((delta + len + page - 1) & ~(uint64_t) (page - 1));
    size_t total = span + 2 * (size_t) page;
    char *base = mmap(NULL, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) return NULL;
    if (span > 0 && mmap(base + page, span, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, files[file], (off_t) first)
            == MAP_FAILED) {
        munmap(base, total);
        return NULL;
    }
    int victim = 0;
    for (int i = 0; i < MAP_CACHE; i++) {
        if (!maps[i].base) { victim = i; break; }
        if (maps[i].used < maps[victim].used) victim = i;
    }
    if (maps[victim].base) munmap(maps[victim].base, maps[victim].total);
    maps[victim] = (struct map) {file, off, len, base, total, base + page + delta, tick};
    return base + page + delta;
}

static void do_call(void) {
    uint32_t f = u32(), n = u32();
    uint64_t a[MAX_ARGS];
    if (bad || f >= nfns || !fns[f].fn || n > MAX_ARGS) { error("bad CALL request (function unloaded?)%s%s", "", ""); return; }
    for (uint32_t i = 0; i < n; i++) {
        uint32_t tag = u32();
        if (tag == 0) {
            a[i] = u64();
            cur_ptrs[i] = 0;
        } else {
            uint32_t file = u32();
            uint64_t off = u64(), len = u64();
            char *p = bad || file >= nfiles ? NULL : window(file, off, len);
            if (!p) { error("cannot map argument %s: %s", bad ? "?" : "window", strerror(errno)); return; }
            a[i] = (uint64_t) (uintptr_t) p;
            cur_ptrs[i] = a[i];
        }
    }
    if (bad) { error("truncated CALL request%s%s", "", ""); return; }
    uint64_t r = 0;
    cur_nargs = n;
    cur_fn = f;
    fns[f].tramp(fns[f].fn, a, &r);
    cur_fn = UINT32_MAX;
    fflush(stdout);
    reply(ST_OK, &r, 8);
}

/* Finds addr inside a loaded user library: its offset there and the library path. */
static const char *locate(uintptr_t addr, uint64_t *off) {
    Dl_info info;
    if (addr == 0 || !dladdr((void *) addr, &info) || !info.dli_fname) return NULL;
    for (int i = 0; i < MAX_LIBS; i++) {
        if (libs[i].path && strcmp(libs[i].path, info.dli_fname) == 0) {
            *off = (uint64_t) (addr - (uintptr_t) info.dli_fbase);
            return libs[i].path;
        }
    }
    return NULL;
}

static void on_fault(int sig, siginfo_t *si, void *ctx) {
    alarm(2); /* whatever happens below, this process ends */
    ucontext_t *uc = ctx;
    uintptr_t pc = 0;
    uint32_t access = 0;
#if defined(__x86_64__)
    pc = (uintptr_t) uc->uc_mcontext.gregs[REG_RIP];
    if (sig == SIGSEGV || sig == SIGBUS) access = (uc->uc_mcontext.gregs[REG_ERR] & 2) ? 2 : 1;
#elif defined(__aarch64__)
    pc = (uintptr_t) uc->uc_mcontext.pc;
#elif defined(__arm__)
    pc = (uintptr_t) uc->uc_mcontext.arm_pc;
#else
    (void) uc;
#endif
    uintptr_t fault = (uintptr_t) si->si_addr;
    if (sig == SIGSEGV && fault < stack_top && fault + stack_size + (1u << 20) > stack_top) access = 3;
    uint64_t off = ~(uint64_t) 0;
    uint32_t ret = 0;
    const char *lib = locate(pc, &off);
    if (!lib) {
        void *frames[128];
        int n = backtrace(frames, 128);
        for (int i = 0; i < n && !lib; i++) {
            lib = locate((uintptr_t) frames[i], &off);
            ret = lib != NULL;
        }
    }
    char buf[8192];
    uint32_t nargs = cur_fn == UINT32_MAX ? 0 : cur_nargs;
    uint32_t w[4] = {(uint32_t) sig, (uint32_t) si->si_code, access, cur_fn};
    uint64_t addr = (uint64_t) (uintptr_t) si->si_addr;
    size_t k = 8;
    memcpy(buf + k, w, 16); k += 16;
    memcpy(buf + k, &addr, 8); k += 8;
    memcpy(buf + k, &off, 8); k += 8;
    memcpy(buf + k, &ret, 4); k += 4;
    memcpy(buf + k, &nargs, 4); k += 4;
    memcpy(buf + k, cur_ptrs, 8 * (size_t) nargs); k += 8 * (size_t) nargs;
    uint32_t len = lib ? (uint32_t) strlen(lib) : 0;
    if (len > sizeof buf - k - 4) len = 0;
    memcpy(buf + k, &len, 4); k += 4;
    if (len) { memcpy(buf + k, lib, len); k += len; }
    uint32_t h[2] = {ST_FAULT, (uint32_t) (k - 8)};
    memcpy(buf, h, 8);
    write_full(buf, k);
    _exit(128 + sig);
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: jynq_helper SOCKET\n"); return 2; }
    page = sysconf(_SC_PAGESIZE);
    int here;
    struct rlimit rl;
    stack_top = (uintptr_t) &here;
    stack_size = getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY ? rl.rlim_cur : 8u << 20;
    /* user printf goes to stderr, which the JVM forwards; fd 1 is never the protocol */
    dup2(2, 1);
    signal(SIGPIPE, SIG_IGN);
    void *warm[2];
    backtrace(warm, 2); /* loads the unwinder now, not in a signal handler */
    static char altstack[256 * 1024];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGILL, SIGTRAP, SIGSYS};
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);

    struct sockaddr_un addr;
    memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    if (strlen(argv[1]) >= sizeof addr.sun_path) { fprintf(stderr, "socket path too long\n"); return 2; }
    strcpy(addr.sun_path, argv[1]);
    sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (sock < 0 || connect(sock, (struct sockaddr *) &addr, sizeof addr) != 0) {
        perror("jynq_helper: connect");
        return 2;
    }
    for (;;) {
        uint32_t h[2];
        if (read_full(h, 8) != 0) return 0;
        if (h[1] > reqcap) { reqcap = h[1]; req = realloc(req, reqcap); }
        if (h[1] && read_full(req, h[1]) != 0) return 0;
        at = req; end = req + h[1]; bad = 0;
        switch (h[0]) {
            case OP_OPEN: do_open(); break;
            case OP_LOAD: do_load(); break;
            case OP_CALL: do_call(); break;
            case OP_UNLOAD: do_unload(); break;
            default: error("unknown request %s%s", "", "");
        }
    }
}
