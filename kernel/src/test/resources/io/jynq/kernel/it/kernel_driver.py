"""Drives the installed JYNQ kernel with Debian's jupyter_client and prints what it saw as JSON.

Usage: /usr/bin/python3 kernel_driver.py SCENARIO [KERNEL_NAME]
Scenarios: protocol, interrupt, security, startup, evaluator, startup_exit, fresh_home, two_kernels. The JUnit ITs (io.jynq.kernel.it) run this and
assert on the JSON (last line of stdout); nothing here decides pass or fail.
"""
import json
import os
import sys
import time

os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
from jupyter_client.manager import KernelManager  # noqa: E402
from jupyter_client.session import Session  # noqa: E402

CLK_TCK = os.sysconf("SC_CLK_TCK")


def start(kernel, env=None):
    km = KernelManager(kernel_name=kernel)
    kw = {}
    if env:
        full = dict(os.environ)
        full.update(env)
        kw["env"] = full
    km.start_kernel(**kw)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return km, kc


def collect(kc, mid, timeout=60):
    """IOPub messages for request mid until its idle status; (outputs, reply)."""
    out = []
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != mid:
            continue
        t = m["msg_type"]
        if t == "status" and m["content"]["execution_state"] == "idle":
            break
        if t in ("stream", "execute_result", "error", "display_data", "update_display_data"):
            out.append({"type": t, "content": m["content"]})
    while True:  # skip stale replies (wait_for_ready may leave extra kernel_info_replies)
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == mid:
            return out, reply["content"]


def run(kc, code, timeout=60):
    """One cell with jupyter_client's defaults (stop_on_error too, as nbclient and Run All)."""
    mid = kc.execute(code)
    out, reply = collect(kc, mid, timeout)
    return {"outputs": out, "reply": reply}


def cpu_seconds(pid):
    """User+system CPU of a process and its threads, in seconds."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def thread_cpu(pid):
    """CPU seconds per thread name of a process (threads of one name summed)."""
    cpu = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                raw = f.read()
        except OSError:
            continue
        name = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw.rsplit(")", 1)[1].split()
        cpu[name] = cpu.get(name, 0) + (int(fields[11]) + int(fields[12])) / CLK_TCK
    return cpu


def cpu_delta(before, after):
    return {k: round(v - before.get(k, 0), 3) for k, v in after.items() if v - before.get(k, 0) > 0.005}


def kernel_pid(km):
    return km.provisioner.process.pid


def protocol(kernel):
    km, kc = start(kernel)
    r = {}
    try:
        r["kernel_info"] = kc.kernel_info(reply=True, timeout=30)["content"]
        r["add"] = run(kc, "1+1")
        r["stream"] = run(kc, 'System.out.println("hello"); System.err.println("oops"); int x = 21;')
        r["var"] = run(kc, "x * 2")
        r["compile_error"] = run(kc, 'int ok = 1;\nint bad = "text";')
        r["runtime_error"] = run(kc, 'int[] a = new int[2];\nint boom(int[] v) { return v[5]; }\nboom(a)')
        r["complete"] = kc.complete("System.out.pri", reply=True, timeout=30)["content"]
        r["complete_magic"] = kc.complete("%lsm", reply=True, timeout=30)["content"]
        r["inspect"] = kc.inspect("Math.max(1, 2)", 6, reply=True, timeout=30)["content"]
        kc.is_complete("for (int i = 0; i < 3; i++) {")
        r["is_complete_incomplete"] = kc.get_shell_msg(timeout=30)["content"]
        kc.is_complete("int y = 1;")
        r["is_complete_complete"] = kc.get_shell_msg(timeout=30)["content"]
        kc.is_complete("int y = ;)")
        r["is_complete_invalid"] = kc.get_shell_msg(timeout=30)["content"]
        r["display_update"] = run(kc, 'String id = display("step 0");\n'
                                      'for (int i = 1; i <= 3; i++) updateDisplay(id, "step " + i);')
        r["chart"] = run(kc, 'var c = new XYChart(200, 120);\n'
                             'c.addSeries("sq", new double[]{1, 2, 3}, new double[]{1, 4, 9});\nc')
        r["chart_svg"] = run(kc, 'display(c, "image/svg+xml");')
        r["image"] = run(kc, "new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB)")
        r["table"] = run(kc, 'Table.create("t", IntColumn.create("a", 1, 2), StringColumn.create("b", "<x>", "y"))')
        r["lsmagic"] = run(kc, "%lsmagic")
        r["time"] = run(kc, "%%time\nThread.sleep(20);\n6 * 7")
        # comm: a target registered from a cell echoes what it receives
        r["comm_register"] = run(kc, (
            "org.dflib.jjava.jupyter.kernel.BaseKernel.notebookKernel().getCommManager().registerTarget(\"jynq.echo\",\n"
            "  (mgr, id, target, msg) -> new org.dflib.jjava.jupyter.kernel.comm.Comm(mgr, id, target) {\n"
            "    protected void onMessage(org.dflib.jjava.jupyter.messages.Message<org.dflib.jjava.jupyter.messages.comm.CommMsgCommand> m) {\n"
            "      send(m.getContent().getData()); }\n"
            "    protected void onClose(org.dflib.jjava.jupyter.messages.Message<org.dflib.jjava.jupyter.messages.comm.CommCloseCommand> m, boolean s) { } });"))
        comm_id = "c0ffee"
        kc.shell_channel.send(kc.session.msg("comm_open", {"comm_id": comm_id, "target_name": "jynq.echo", "data": {}}))
        kc.shell_channel.send(kc.session.msg("comm_msg", {"comm_id": comm_id, "data": {"ping": 42}}))
        echo = None
        deadline = time.time() + 20
        while time.time() < deadline and echo is None:
            m = kc.get_iopub_msg(timeout=20)
            if m["msg_type"] == "comm_msg" and m["content"].get("comm_id") == comm_id:
                echo = m["content"]["data"]
        r["comm_echo"] = echo
        kc.comm_info()
        r["comm_info"] = kc.get_shell_msg(timeout=20)["content"]
        # background thread: display and print 700 ms after its cell finished
        mid = kc.execute('new Thread(() -> {\n'
                         '  try { Thread.sleep(700); } catch (InterruptedException e) { return; }\n'
                         '  display("from background");\n'
                         '  System.out.println("bg print");\n'
                         '}).start();')
        out, reply = collect(kc, mid)
        t_idle = time.time()
        r["bg_cell"] = {"outputs": out, "reply": reply}
        late = []
        deadline = time.time() + 10
        while time.time() < deadline and len(late) < 2:
            try:
                m = kc.get_iopub_msg(timeout=1)
            except Exception:
                continue
            if m["parent_header"].get("msg_id") == mid and m["msg_type"] in ("display_data", "stream"):
                late.append({"type": m["msg_type"], "content": m["content"], "after_idle_s": time.time() - t_idle})
        r["bg_late"] = late
        r["after"] = run(kc, "x + 1")
        # history: a silent cell is not stored; tail with outputs, range of the session, glob search
        collect(kc, kc.execute("int hidden = 1;", silent=True))
        r["history_tail"] = kc.history(hist_access_type="tail", n=2, output=True, raw=True, reply=True, timeout=30)["content"]
        r["history_range"] = kc.history(hist_access_type="range", session=0, start=1, stop=4, raw=True, reply=True,
                                        timeout=30)["content"]
        r["history_search"] = kc.history(hist_access_type="search", pattern="x *", n=10, unique=True, raw=True,
                                         reply=True, timeout=30)["content"]
    finally:
        km.shutdown_kernel(now=False)
    # a new kernel (a restart) serves the cells of the one before from the history file
    km, kc = start(kernel)
    try:
        r["history_after_restart"] = kc.history(hist_access_type="tail", n=2, raw=True, reply=True,
                                                timeout=30)["content"]
    finally:
        km.shutdown_kernel(now=True)
    return r


def interrupt(kernel):
    km, kc = start(kernel)
    r = {}
    try:
        pid = kernel_pid(km)
        run(kc, "1+1")
        mid = kc.execute("long n = 0;\nwhile (true) { n++; }")
        time.sleep(1.0)
        c0 = cpu_seconds(pid)
        th0 = thread_cpu(pid)
        time.sleep(1.0)
        r["busy_cpu_s_per_s"] = cpu_seconds(pid) - c0
        r["busy_cpu_by_thread"] = cpu_delta(th0, thread_cpu(pid))
        t = time.time()
        km.interrupt_kernel()
        out, reply = collect(kc, mid)
        r["busy_interrupt_s"] = time.time() - t
        r["busy"] = {"outputs": out, "reply": reply}
        time.sleep(0.5)
        c1 = cpu_seconds(pid)
        th1 = thread_cpu(pid)
        time.sleep(3.0)
        r["idle_cpu_s_after"] = cpu_seconds(pid) - c1
        r["idle_cpu_by_thread"] = cpu_delta(th1, thread_cpu(pid))
        r["after_busy"] = run(kc, "1+1")
        mid = kc.execute("Thread.sleep(30000);")
        time.sleep(1.0)
        t = time.time()
        km.interrupt_kernel()
        out, reply = collect(kc, mid)
        r["sleep_interrupt_s"] = time.time() - t
        r["sleep"] = {"outputs": out, "reply": reply}
        r["after_sleep"] = run(kc, "2+2")
    finally:
        km.shutdown_kernel(now=False)
    return r


FAULTS_CELL = r"""%%c faults
#include <stdlib.h>
int add(int a, int b) { return a + b; }
int read_null(void) { volatile int *q = 0; return *q; }
int read_before(uint8_t *data) { return ((volatile uint8_t *) data)[-4096]; }
int read_far(uint8_t *data) { return ((volatile uint8_t *) data)[1ull << 40]; }
int divide(int a, int b) { return a / b; }
void crash(void) { abort(); }
int recurse(int n) { volatile char pad[256]; pad[0] = (char) n; return recurse(n + 1) + pad[0]; }
void leave(int status) { exit(status); }
void fill(uint8_t *data, size_t n, uint8_t v) { for (size_t i = 0; i < n; i++) data[i] = v; }
void overrun(uint8_t *data, int len) { for (int i = 0; i < len + 128; i++) ((volatile uint8_t *) data)[i] = 0xEE; }
void spin(void) { for (volatile unsigned long i = 0; ; i++) { } }
"""

FAULTS = [
    ("null", "faults.read_null()"),
    ("before", "faults.read_before(buf)"),
    ("far", "faults.read_far(buf)"),
    ("div", "faults.divide(1, 0)"),
    ("abort", "faults.crash()"),
    ("recursion", "faults.recurse(0)"),
    ("exit", "faults.leave(3)"),
    ("null_arg", "clib.checksum(null, 0)"),
    ("too_long", "clib.checksum(buf, buf.byteSize() + 1)"),
]


def native(kernel):
    """Tutorial 05's %%c cell run twice, then each C fault of issue 13 on the simulated board."""
    with open(os.path.join(os.environ["JYNQ_IT_NOTEBOOKS"], "05-native-c.ipynb")) as f:
        nb = json.load(f)
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    km, kc = start(kernel, {"JYNQ_DEVICE": "sim"})
    r = {}
    try:
        r["clib"] = run(kc, code[0], timeout=180)
        r["clib_again"] = run(kc, code[0], timeout=180)
        r["buf"] = run(kc, code[1], timeout=120)
        r["sums"] = run(kc, code[2], timeout=120)
        r["faults_cell"] = run(kc, FAULTS_CELL, timeout=180)
        run(kc, "int kept = 42;")
        for name, c in FAULTS:
            r[name] = run(kc, c, timeout=120)
        mid = kc.execute("faults.spin();")
        time.sleep(2.0)
        t = time.time()
        km.interrupt_kernel()
        out, reply = collect(kc, mid)
        r["spin_interrupt_s"] = time.time() - t
        r["spin"] = {"outputs": out, "reply": reply}
        r["overrun"] = run(kc, "ContiguousBuffer a = Buffers.allocate(4096, DType.UINT8);\n"
                               "ContiguousBuffer b = Buffers.allocate(4096, DType.UINT8);\n"
                               "faults.fill(b, 4096, 0x11);\n"
                               "faults.overrun(a, 4096);", timeout=120)
        r["neighbour"] = run(kc, "long intact = 0; for (long i = 0; i < 4096; i++) if (b.getLong(i) == 0x11) intact++; intact")
        for mode in ("", " --in-process"):
            key = "redefine" + mode.replace(" --", "_").replace("-", "_")
            run(kc, "%%c slow" + mode + "\n#include <unistd.h>\nint nap(int ms) { usleep(ms * 1000); return ms; }\n", timeout=180)
            run(kc, "var napping = java.util.concurrent.CompletableFuture.supplyAsync(() -> slow.nap(1500));\n"
                    "Thread.sleep(300);")
            r[key] = run(kc, "%%c slow" + mode + "\nint nap(int ms) { return -ms; }\n", timeout=180)
            r[key + "_running"] = run(kc, "napping.get()", timeout=120)
            r[key + "_new"] = run(kc, "slow.nap(5)", timeout=120)
        r["kept"] = run(kc, "kept")
        r["after"] = run(kc, "clib.checksum(buf, buf.byteSize()) == javaSum && faults.add(2, 3) == 5")
    finally:
        km.shutdown_kernel(now=False)
    return r


def wait_for(kc, mid, seconds):
    """Messages on any channel answering request mid within `seconds`."""
    seen = []
    deadline = time.time() + seconds
    while time.time() < deadline:
        for get in (kc.get_iopub_msg, kc.get_shell_msg):
            try:
                m = get(timeout=0.1)
            except Exception:
                continue
            if m["parent_header"].get("msg_id") == mid:
                seen.append(m["msg_type"])
    return seen


def security(kernel):
    km, kc = start(kernel)
    r = {}
    try:
        run(kc, "int counter = 0;")
        sock = kc.shell_channel.socket
        # 1. signed with the wrong key
        bad = Session(key=b"not-the-key", username=kc.session.username)
        msg = bad.msg("execute_request", {"code": "int hacked = 1;", "silent": False, "store_history": True,
                                          "user_expressions": {}, "allow_stdin": False})
        sock.send_multipart(bad.serialize(msg))
        r["bad_sig_answers"] = wait_for(kc, msg["header"]["msg_id"], 1.5)
        # 2. no signature at all
        unsigned = Session(key=b"", username=kc.session.username)
        msg = unsigned.msg("execute_request", {"code": "int hacked = 2;", "silent": False, "store_history": True,
                                               "user_expressions": {}, "allow_stdin": False})
        sock.send_multipart(unsigned.serialize(msg))
        r["unsigned_answers"] = wait_for(kc, msg["header"]["msg_id"], 1.0)
        # 3. garbage frames
        sock.send_multipart([b"<IDS|MSG>", b"x", b"{", b"", b""])
        t = time.time()
        r["kernel_info_after"] = kc.kernel_info(reply=True, timeout=10)["content"].get("implementation")
        r["kernel_info_after_s"] = time.time() - t
        r["hacked"] = run(kc, "hacked")
        # 4. replay: the same correctly signed frames twice
        msg = kc.session.msg("execute_request", {"code": "counter++;", "silent": False, "store_history": True,
                                                 "user_expressions": {}, "allow_stdin": False})
        frames = kc.session.serialize(msg)
        sock.send_multipart(frames)
        first = wait_for(kc, msg["header"]["msg_id"], 1.5)
        sock.send_multipart(frames)
        second = wait_for(kc, msg["header"]["msg_id"], 1.5)
        r["replay_first"] = first
        r["replay_second"] = second
        r["counter"] = run(kc, "counter")
    finally:
        km.shutdown_kernel(now=False)
    return r


def startup(kernel):
    script = os.path.join(os.environ.get("TMPDIR", "/tmp"), "jynq-startup-%d.jsh" % os.getpid())
    with open(script, "w") as f:
        f.write('String greeting = "hello from startup";\n')
    km, kc = start(kernel, {"JYNQ_TIMEOUT": "3s", "JYNQ_STARTUP": script, "JYNQ_DEVICE": "sim"})
    r = {}
    try:
        r["kernel_info"] = kc.kernel_info(reply=True, timeout=30)["content"]
        r["greeting"] = run(kc, "greeting")
        t = time.time()
        r["timeout"] = run(kc, "while (true) { }")
        r["timeout_s"] = time.time() - t
        r["after"] = run(kc, "1+1")
    finally:
        km.shutdown_kernel(now=False)
        os.remove(script)
    return r


CONSTANT_MULTIPLY = """@BindTo("xilinx.com:hls:fir:1.0")
public class ConstantMultiplyDriver extends DefaultIp {
    public ConstantMultiplyDriver(Overlay overlay, IpDescription description) {
        super(overlay, description);
    }
    private int k;
    /** The FIR with coefficients (k, 0, 0, ...) multiplies the stream by k. */
    public void setConstant(int k) {
        this.k = k;
        for (int i = 0; i < 8; i++) registers().write("coef_" + i, i == 0 ? k : 0);
    }
    %s
}
DriverRegistry.register(ConstantMultiplyDriver.class);"""

MULTIPLY_DMA = """int[] got = new int[16];
try (ContiguousBuffer in = Buffers.allocate(16, DType.INT32); ContiguousBuffer out = Buffers.allocate(16, DType.INT32)) {
    int[] x = new int[16];
    for (int i = 0; i < 16; i++) x[i] = i + 1;
    in.copyFrom(x);
    in.flush();
    overlay.axi_dma_0.recvChannel().transfer(out);
    overlay.axi_dma_0.sendChannel().transfer(in);
    overlay.axi_dma_0.sendChannel().await(java.time.Duration.ofSeconds(5));
    overlay.axi_dma_0.recvChannel().await(java.time.Duration.ofSeconds(5));
    out.invalidate();
    out.copyTo(got);
}
Arrays.toString(got)"""


def evaluator(kernel):
    """Issue 12's evaluator items, each as a user would meet it in a notebook."""
    km, kc = start(kernel)
    r = {}
    try:
        # values survive imports (the notebooks' own first cell) and unrelated redefinitions
        run(kc, 'String name = "kept";\nint answer = 42;\nclass Box { int v = 7; }\nBox box = new Box();')
        r["imports"] = run(kc, "import java.time.Duration;\nimport java.util.concurrent.*;")
        r["after_imports"] = run(kc, 'name + " " + answer + " " + box.v')
        r["redefine_box"] = run(kc, "class Box { int v = 8; String label; }")
        r["after_redefine"] = run(kc, 'name + " " + answer + " " + box')
        # all or nothing at compile time
        run(kc, "int x = 1;")
        r["half_cell"] = run(kc, 'x = 42;\nSystem.out.println("ran");\nint q = undefinedThing;')
        r["x_after_half_cell"] = run(kc, "x")
        r["redefined_then_failed"] = run(kc, 'String name = "replaced";\nint broken = nope;')
        r["name_after_failed"] = run(kc, "name")
        # javac's words
        r["class_error"] = run(kc, "// PYNQ: a driver with a typo\nclass Bad {\n    int f() {\n        return \"s\";\n    }\n}")
        r["missing_symbol"] = run(kc, "int y = missingThing + 1;")
        # exit is refused and the kernel goes on
        r["exit"] = run(kc, "System.exit(0);")
        r["halt"] = run(kc, "Runtime.getRuntime().halt(3);")
        r["after_exit"] = run(kc, "answer + 1")
        # default imports
        r["defaults"] = run(kc, 'List<Integer> l = new ArrayList<>(); Path p = Paths.get("/tmp");\n'
                                'BigInteger b = BigInteger.TEN; Pattern pt = Pattern.compile("a+");\n'
                                'Duration d = Duration.ofSeconds(2); Function<Integer, Integer> f = i -> i + 1;\n'
                                'f.apply(l.size()) + " " + p + " " + b + " " + d + " " + Stream.of(1).count()')
        # display(x); shows x once
        r["display_once"] = run(kc, 'display("shown once");')
        r["semicolon"] = run(kc, "answer;")
        # EXPR? and Shift-Tab
        r["help_var"] = run(kc, "box?")
        r["help_method"] = run(kc, "Math.max?")
        r["inspect_session_class"] = kc.inspect("new Box()", 6, reply=True, timeout=30)["content"]
        r["inspect_var"] = kc.inspect("answer", 3, reply=True, timeout=30)["content"]
        # libraries added to the running session, offline from the local repository
        home = os.path.expanduser("~/.m2/repository")
        r["maven"] = run(kc, "%maven --offline org.apache.commons:commons-lang3:3.17.0", timeout=120)
        r["maven_use"] = run(kc, 'org.apache.commons.lang3.StringUtils.capitalize("pynq")')
        r["classpath"] = run(kc, "%%classpath %s/commons-io/commons-io/2.16.1/*" % home)
        r["classpath_use"] = run(kc, 'org.apache.commons.io.FilenameUtils.getExtension("ol.bit")')
        r["classpath_missing"] = run(kc, "%classpath /no/such.jar")
        # PYNQ's overlay tutorial, ported: driver, DMA through it, hierarchy driver, reload, edit, reload
        # the order that failed on af2716d with PYNQ's ClassCastException ($JShell$21$ConstantMultiplyDriver
        # cannot be cast to $JShell$21B$...) and left overlay null: an overlay variable before the driver,
        # and a notebook's import cell (second import on its own line) after the DMA
        r["load0"] = run(kc, "%overlay load dsp_loopback as overlay", timeout=120)
        # issue 16: drivers bind on first use; the load started no DMA channel (MM2S DMASR.Halted, PG021), the first call does
        r["lazy_after_load"] = run(kc, 'overlay.ip("axi_dma_0").read(0x04) % 2 + " " + overlay.axi_dma_0.getClass().getSimpleName()')
        r["lazy_first_use"] = run(kc, 'overlay.axi_dma_0.sendChannel();\n"" + overlay.ip("axi_dma_0").read(0x04) % 2')
        r["driver"] = run(kc, CONSTANT_MULTIPLY % "")
        r["load1"] = run(kc, "%overlay load dsp_loopback as overlay", timeout=120)
        r["dma1"] = run(kc, "overlay.fir_0.setConstant(3);\n" + MULTIPLY_DMA, timeout=120)
        r["tutorial_imports"] = run(kc, "import java.time.Duration;\nimport java.util.concurrent.*;")
        r["hierarchy"] = run(kc, "public class StreamMultiplyDriver extends DefaultHierarchy {\n"
                                 "    public StreamMultiplyDriver(Overlay overlay, Hierarchy description) { super(overlay, description); }\n"
                                 "    public static boolean checkHierarchy(Hierarchy h) { return h.ip().containsKey(\"fir_0\"); }\n"
                                 "}\nDriverRegistry.registerHierarchy(StreamMultiplyDriver.class);")
        r["load2"] = run(kc, "%overlay load dsp_loopback as overlay", timeout=120)
        r["dma2"] = run(kc, "overlay.fir_0.setConstant(5);\n" + MULTIPLY_DMA, timeout=120)
        r["edit_driver"] = run(kc, CONSTANT_MULTIPLY % "public int constant() { return k; }")
        r["load3"] = run(kc, "%overlay load dsp_loopback as overlay", timeout=120)
        r["dma3"] = run(kc, "overlay.fir_0.setConstant(2);\nSystem.out.println(\"constant \" + overlay.fir_0.constant());\n"
                        + MULTIPLY_DMA, timeout=120)
    finally:
        km.shutdown_kernel(now=False)
    return r


DEFAULT_IMPORTS_CELL = r"""Supplier<List<String>> names = () -> new ArrayList<>(List.of("a", "b"));
Map<String, Long> ms = new ConcurrentHashMap<>();
ms.put("k", TimeUnit.SECONDS.toMillis(1));
String line = new BufferedReader(new StringReader("io\nx")).readLine();
Matcher mt = Pattern.compile("(\\d+)").matcher("pynq 42");
mt.find();
names.get().stream().collect(Collectors.joining()) + " " + ms.get("k") + " " + line + " " + Files.isDirectory(Path.of("/"))
    + " " + new BigDecimal("1.50").scale() + " " + URI.create("http://pynq.io/x").getHost() + " " + mt.group(1)
    + " " + LocalDate.of(2024, 2, 29).plusYears(1) + " " + Duration.ofMinutes(90)"""


def _settings(home, local, mirror, offline=False, proxy_port=None):
    """Writes HOME/.m2/settings.xml: every repository mirrored to `mirror`, optionally through an HTTP proxy."""
    proxy = ("<proxies><proxy><id>lab</id><active>true</active><protocol>http</protocol><host>127.0.0.1</host>"
             "<port>%d</port></proxy></proxies>" % proxy_port) if proxy_port else ""
    os.makedirs(os.path.join(home, ".m2"), exist_ok=True)
    with open(os.path.join(home, ".m2", "settings.xml"), "w") as f:
        f.write("<settings><localRepository>%s</localRepository><offline>%s</offline>%s"
                "<mirrors><mirror><id>house</id><mirrorOf>*</mirrorOf><url>%s</url></mirror></mirrors></settings>\n"
                % (local, "true" if offline else "false", proxy, mirror))


def _proxy(root):
    """A loopback HTTP proxy that serves every URL's path from the repository folder `root`; (server, urls seen)."""
    import http.server
    import threading
    import urllib.parse
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _serve(self, body):
            url = urllib.parse.urlsplit(self.path)
            seen.append(self.path)
            rel = url.path.split("/maven2/", 1)[-1]
            f = os.path.join(root, rel)
            if url.hostname is None or not os.path.isfile(f):
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            with open(f, "rb") as fh:
                data = fh.read()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if body:
                self.wfile.write(data)

        def do_GET(self):
            self._serve(True)

        def do_HEAD(self):
            self._serve(False)

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, seen


def fresh_home(kernel):
    """A kernel started with a new HOME (JYNQ_IT_HOME): jshell's default imports and java.time in
    its first cell; %maven through that HOME's ~/.m2/settings.xml: a mirror of every repository
    (JYNQ_IT_MIRROR, a file: repository holding io.jynq.it:tiny:1.0 and io.jynq.it:proxied:1.0),
    then an http mirror on a host that does not exist, reached only through the settings' proxy,
    then <offline> (the settings are read again by every %maven)."""
    home = os.environ["JYNQ_IT_HOME"]
    mirror = os.environ["JYNQ_IT_MIRROR"]
    _settings(home, os.path.join(home, "local-file"), "file://" + mirror)
    km, kc = start(kernel, {"HOME": home})
    r = {}
    server, seen = _proxy(mirror)
    try:
        r["defaults"] = run(kc, DEFAULT_IMPORTS_CELL)
        r["maven"] = run(kc, "%maven io.jynq.it:tiny:1.0", timeout=120)
        r["maven_use"] = run(kc, "io.jynq.it.Tiny.hello()")
        _settings(home, os.path.join(home, "local-proxy"), "http://repo.invalid/maven2/", proxy_port=server.server_address[1])
        r["proxied"] = run(kc, "%maven io.jynq.it:proxied:1.0", timeout=120)
        r["proxied_use"] = run(kc, "io.jynq.it.Proxied.hello()")
        r["proxy_saw"] = list(seen)
        _settings(home, os.path.join(home, "local-offline"), "http://127.0.0.1:1/maven2/", offline=True)
        r["offline"] = run(kc, "%maven io.jynq.it:tiny:1.0", timeout=120)
        r["after"] = run(kc, "io.jynq.it.Tiny.hello() + io.jynq.it.Proxied.hello()")
    finally:
        server.shutdown()
        km.shutdown_kernel(now=False)
    return r


def startup_exit(kernel):
    """A JYNQ_STARTUP script that calls System.exit: refused, the kernel serves."""
    script = os.path.join(os.environ.get("TMPDIR", "/tmp"), "jynq-exit-%d.jsh" % os.getpid())
    with open(script, "w") as f:
        f.write('String before = "set";\nSystem.exit(1);\n')
    km, kc = start(kernel, {"JYNQ_STARTUP": script})
    r = {}
    try:
        r["first"] = run(kc, "1+1")
        r["alive"] = km.is_alive()
    finally:
        km.shutdown_kernel(now=False)
        os.remove(script)
    return r


# One kernel's half of two_kernels: ROUNDS downloads of its design, each followed by a register
# write and read-back through the new handle and an access through the previous round's handle,
# which must fail (every round re-downloads, so the previous design is gone from the PL).
STRESS_CELL = """
int loads = 0, same = 0, refused = 0, wrong = 0, staleOk = 0;
java.util.List<String> failures = new java.util.ArrayList<>();
io.jynq.overlay.DefaultIp prev = null;
for (int i = 0; i < %(rounds)d; i++) {
    io.jynq.overlay.Overlay o;
    try {
        o = io.jynq.overlay.Overlay.load("%(design)s");
        loads++;
    } catch (RuntimeException e) {
        failures.add("load " + i + ": " + e.getMessage());
        continue;
    }
    io.jynq.overlay.DefaultIp gpio;
    try {
        gpio = o.ip("axi_gpio_0");
        int v = (i * 7 + %(salt)d) & 0xF;
        gpio.write(4, 0);  // GPIO_TRI: channel 1 all outputs, so DATA reads back the latch (PG144)
        gpio.write(0, v);
        long got = gpio.read(0) & 0xF;
        if (got == v) same++; else { wrong++; failures.add("read-back " + i + ": wrote " + v + ", read " + got + "; PL holds " + io.jynq.device.Device.active().plState().bitfileName() + " since " + io.jynq.device.Device.active().plState().timestamp() + ", overlay loaded: " + o.isLoaded()); }
    } catch (RuntimeException e) {
        refused++;  // the other kernel downloaded in between: the handle is stale and says so
        gpio = null;
    }
    if (prev != null) {
        try {
            prev.read(0);
            staleOk++;
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("no longer holds") && !String.valueOf(e.getMessage()).contains("since")) failures.add("stale " + i + ": " + e);
        }
    }
    if (gpio != null) prev = gpio;
}
"loads=" + loads + " same=" + same + " refused=" + refused + " wrong=" + wrong + " staleOk=" + staleOk + " failures=" + failures
"""


def two_kernels(kernel):
    """Issue 14: two kernels on one simulated board load different overlays ROUNDS times each, at once."""
    board = os.environ["JYNQ_IT_BOARD"]
    tiny = os.environ["JYNQ_IT_TINY_BIT"]
    rounds = int(os.environ.get("JYNQ_IT_ROUNDS", "200"))
    env = {"JYNQ_SIM_DIR": board}
    (ka, ca), (kb, cb) = start(kernel, env), start(kernel, env)
    r = {}
    try:
        r["warm_a"] = run(ca, "1+1")
        r["warm_b"] = run(cb, "1+1")
        ma = ca.execute(STRESS_CELL % {"rounds": rounds, "design": "dsp_loopback", "salt": 1})
        mb = cb.execute(STRESS_CELL % {"rounds": rounds, "design": tiny, "salt": 2})
        out_a, reply_a = collect(ca, ma, timeout=600)
        out_b, reply_b = collect(cb, mb, timeout=600)
        r["a"] = {"outputs": out_a, "reply": reply_a}
        r["b"] = {"outputs": out_b, "reply": reply_b}
        # both kernels still work on whatever the board holds now, and agree on what that is
        r["after_a"] = run(ca, "io.jynq.overlay.Overlay.load(\"dsp_loopback\").ip(\"axi_gpio_0\").read(0) >= 0")
        r["after_b"] = run(cb, "io.jynq.device.Device.active().plState().bitfileName()")
    finally:
        ka.shutdown_kernel(now=False)
        kb.shutdown_kernel(now=False)
    return r


def warmup_threads(pid):
    """CPU seconds (schedstat) of the kernel's JIT warm-up thread, None if it has none."""
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/comm" % (pid, tid)) as f:
                if f.read().strip() != "jynq-jit-warmup":
                    continue
            with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as f:
                return int(f.read().split()[0]) / 1e9
        except OSError:
            continue
    return None


def jit_warmup(kernel):
    """The background JIT warm-up (JYNQ_JIT_WARMUP): cells sent while it compiles its own sample
    cells are answered and keep their variables, none of its names or cells reach the session or
    its history, the kernel shuts down while it runs, and the setting turns it off."""
    r = {}
    km, kc = start(kernel, {"JYNQ_JIT_WARMUP": "on"})
    pid = kernel_pid(km)
    try:
        r["first"] = run(kc, "int userVar = 41;")
        # it starts after 1 s without a request: wait until it has compiled for a while
        deadline = time.time() + 150
        while time.time() < deadline and (warmup_threads(pid) or 0) < 0.5:
            time.sleep(0.5)
        r["warm_cpu_before"] = warmup_threads(pid)
        cells = {}
        # pauses longer than its quiet spell, so it resumes between these cells
        for key, code in [("use", "userVar + 1"), ("redefine", "String name = \"mine\";"), ("n", "n"),
                          ("counter", "new Counter()"), ("scale", "scale(2, 3)"), ("name", "name"),
                          ("again", "userVar * 2")]:
            cells[key] = run(kc, code)
            time.sleep(1.5)
        r["cells"] = cells
        r["warm_cpu_after"] = warmup_threads(pid)
        r["history"] = kc.history(raw=True, output=False, hist_access_type="tail", n=100, reply=True,
                                  timeout=30)["content"]
        r["running_at_shutdown"] = warmup_threads(pid) is not None
        t = time.time()
        kc.shutdown(reply=True, timeout=60)
        while km.is_alive() and time.time() - t < 60:
            time.sleep(0.2)
        r["alive_after_shutdown"] = km.is_alive()
        r["shutdown_s"] = time.time() - t
    finally:
        km.shutdown_kernel(now=True)
    km, kc = start(kernel, {"JYNQ_JIT_WARMUP": "off"})
    try:
        r["off_cell"] = run(kc, "1+1")
        time.sleep(3)
        r["off_thread"] = warmup_threads(kernel_pid(km))
    finally:
        km.shutdown_kernel(now=True)
    km, kc = start(kernel, {"JYNQ_JIT_WARMUP": "maybe"})
    try:
        r["bad_value"] = run(kc, "1+1")
        r["bad_thread"] = warmup_threads(kernel_pid(km))
    finally:
        km.shutdown_kernel(now=True)
    km, kc = start("jynq-it-small", {"JYNQ_JIT_WARMUP": "on"})  # a 128 MB heap
    try:
        r["small_heap"] = run(kc, "1+1")
        r["small_heap_thread"] = warmup_threads(kernel_pid(km))
    finally:
        km.shutdown_kernel(now=True)
    return r


if __name__ == "__main__":
    scenario = sys.argv[1]
    name = sys.argv[2] if len(sys.argv) > 2 else "jynq"
    result = globals()[scenario](name)
    sys.stdout.write("\n" + json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)  # skip jupyter_client's noisy __del__ at interpreter exit
