"""Transport scenarios of issue 12, driven through Debian's jupyter_client; prints JSON.

Usage: /usr/bin/python3 transport_driver.py SCENARIO [KERNEL_NAME]
Scenarios: abort, background, replies, smallheap, badconfig, parent, flood, server_flood, cds, firstcells, threads. The JUnit ITs
(io.jynq.kernel.it.KernelTransportIT and friends) assert on the JSON; nothing here decides.
"""
import contextlib
import json
import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jupyter_client.utils import run_sync  # noqa: E402
from kernel_driver import start, collect, run  # noqa: E402


@contextlib.contextmanager
def session(kernel, env=None):
    """A started kernel and its client, shut down afterwards whatever happens."""
    km, kc = start(kernel, env)
    try:
        yield km, kc
    finally:
        km.shutdown_kernel(now=True)


def reply_for(kc, mid, timeout=120):
    while True:
        m = kc.get_shell_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") == mid:
            return m


def iopub_for(kc, mids, seconds):
    """IOPub outputs by parent msg_id (of mids) for `seconds`."""
    seen = {mid: [] for mid in mids}
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            m = kc.get_iopub_msg(timeout=0.2)
        except Exception:
            continue
        pid = m["parent_header"].get("msg_id")
        if pid in seen:
            seen[pid].append({"type": m["msg_type"], "content": m["content"]})
    return seen


def run_any(kc, code, timeout=120):
    """Like run(), keeping every IOPub output type (clear_output included)."""
    mid = kc.execute(code)
    out = []
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != mid or m["msg_type"] == "execute_input":
            continue
        if m["msg_type"] == "status":
            if m["content"]["execution_state"] == "idle":
                break
            continue
        out.append({"type": m["msg_type"], "content": m["content"]})
    return {"outputs": out, "reply": reply_for(kc, mid, timeout)["content"]}


def abort(kernel):
    r = {}
    with session(kernel) as (km, kc):
        run(kc, "1+1")
        # Run All: three requests queued at once, the first fails after a while
        m1 = kc.execute('Thread.sleep(1500);\nthrow new IllegalStateException("first cell fails");')
        m2 = kc.execute("int ranA = 1;")
        m3 = kc.execute("int ranB = 2;")
        r["replies"] = [reply_for(kc, m)["content"] for m in (m1, m2, m3)]
        time.sleep(0.5)
        r["ranA_after"] = run(kc, "ranA")
        # stop_on_error=False: the queued cell runs
        m4 = kc.execute('Thread.sleep(1000);\nthrow new IllegalStateException("fails, no stop");', stop_on_error=False)
        m5 = kc.execute("int ranC = 3;")
        r["no_stop_replies"] = [reply_for(kc, m)["content"] for m in (m4, m5)]
        r["ranC_after"] = run(kc, "ranC")
        # aborting ends with the queue: the next request runs
        r["after"] = run(kc, "40 + 2")
        # a notebook user (or nbclient) sends the next cell the moment the error reply arrives:
        # it was not queued before the error, so it runs (ipykernel's abort window), every time
        r["answered_at_once"] = []
        for i in range(20):
            failed = kc.execute('throw new IllegalStateException("fails %d");' % i)
            status = reply_for(kc, failed)["content"]["status"]
            nxt = kc.execute("int next%d = %d; next%d" % (i, i, i))
            r["answered_at_once"].append([status, reply_for(kc, nxt)["content"]["status"]])
    return r


def background(kernel):
    r = {}
    with session(kernel) as (km, kc):
        r["start"] = run(kc, 'var ticking = new java.util.concurrent.atomic.AtomicBoolean(true);\n'
                             'Thread ticker = new Thread(() -> {\n'
                             '  for (int i = 0; ticking.get(); i++) {\n'
                             '    System.out.println("tick " + i);\n'
                             '    try { Thread.sleep(500); } catch (InterruptedException e) { return; }\n'
                             '  }\n'
                             '});\nticker.setDaemon(true);\nticker.start();')
        m2 = kc.execute("Thread.sleep(2500);")
        during = iopub_for(kc, [m2], 4.0)
        reply_for(kc, m2)
        r["during_second_cell"] = during[m2]
        # idle: ticks go under the last cell (m2)
        idle = iopub_for(kc, [m2], 2.5)
        r["while_idle"] = idle[m2]
        r["stop"] = run(kc, "ticking.set(false); ticker.join(5000); ticker.isAlive()")
        # a callback thread that fails: the JVM's "Exception in thread" report shows under the cell
        r["uncaught"] = run(kc, 'Thread failing = new Thread(() -> { throw new IllegalStateException("callback failed"); }, "dma-callback");\n'
                                'failing.start();\nfailing.join(5000);')
    return r


def replies(kernel):
    r = {}
    with session(kernel) as (km, kc):
        r["kernel_info"] = kc.kernel_info(reply=True, timeout=60)["content"]
        r["comm_info"] = kc.comm_info(reply=True, timeout=60)["content"] if hasattr(kc, "comm_info") else None
        r["clear"] = run_any(kc, 'System.out.println("frame 1");\nclearOutput(true);\nSystem.out.println("frame 2");\n'
                              'clearOutput();')
        msg = kc.session.msg("shutdown_request", {"restart": False})
        kc.control_channel.send(msg)
        deadline = time.time() + 60
        while time.time() < deadline:
            m = run_sync(kc.control_channel.get_msg)(timeout=60)
            if m["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                r["shutdown"] = m["content"]
                break
    return r


def smallheap(kernel):
    r = {}
    with session(kernel) as (km, kc):
        r["heap"] = run(kc, "Runtime.getRuntime().maxMemory()")
        big = "int five = 5; // " + "x" * (5 * 1024 * 1024)
        r["big_cell"] = run(kc, big, timeout=300)
        r["after_big"] = run(kc, "1+1")
        r["oom"] = run(kc, "var hog = new java.util.ArrayList<long[]>();\nwhile (true) hog.add(new long[1 << 20]);",
                       timeout=300)
        r["after_oom"] = run(kc, "hog = null; 2+2")
        r["kernel_info"] = kc.kernel_info(reply=True, timeout=60)["content"]["status"]
    return r


def badconfig(kernel):
    tmp = os.environ.get("TMPDIR", "/tmp")
    r = {}
    failing = os.path.join(tmp, "jynq-failing-startup-%d.jsh" % os.getpid())
    with open(failing, "w") as f:
        f.write('int before = 1;\nif (true) throw new IllegalStateException("startup script broke");\n')
    cases = {  # two problems per kernel start: both must be shown
        "abc_missing": {"JYNQ_TIMEOUT": "abc", "JYNQ_STARTUP": os.path.join(tmp, "no-such-startup.jsh")},
        "negative_throws": {"JYNQ_TIMEOUT": "-5", "JYNQ_STARTUP": failing},
    }
    for name, env in cases.items():
        with session(kernel, env) as (km, kc):
            first = run(kc, "1+1")
            second = run(kc, "2+2")
            r[name] = {"first": first, "second": second, "alive": km.is_alive()}
    os.remove(failing)
    return r


def parent(kernel):
    """A parent process starts the kernel and is killed; the kernel must end by itself."""
    child = subprocess.Popen([sys.executable, os.path.abspath(__file__), "_parent_child", kernel],
                             stdout=subprocess.PIPE, text=True)
    line = child.stdout.readline()
    kpid = int(line.strip())
    alive_before = os.path.exists("/proc/%d" % kpid)
    child.send_signal(signal.SIGKILL)
    child.wait()
    t = time.time()
    gone_after = None
    while time.time() - t < 60:
        try:
            with open("/proc/%d/stat" % kpid) as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
            if state == "Z":  # ended, not yet reaped
                gone_after = time.time() - t
                break
        except OSError:
            gone_after = time.time() - t
            break
        time.sleep(0.2)
    if gone_after is None:
        os.kill(kpid, signal.SIGKILL)
    return {"alive_before": alive_before, "gone_after_s": gone_after}


def _parent_child(kernel):
    km, kc = start(kernel)
    print(km.provisioner.process.pid, flush=True)
    time.sleep(600)


def flood(kernel):
    r = {}
    with session(kernel) as (km, kc):
        run(kc, "1+1")
        code = 'String mib = "x".repeat(1 << 20);\nfor (int i = 0; i < 20; i++) System.out.print(mib);'
        r["nonl"] = summarize(run(kc, code, timeout=600))
        code = ('long end = System.currentTimeMillis() + 5000; long n = 0;\n'
                'while (System.currentTimeMillis() < end) System.out.println("line " + n++ + " of a flood");\n'
                'n')  # the count as the cell's result: a result is never rate-limited, a printed line may be dropped
        lines = run(kc, code, timeout=600)
        r["lines"] = summarize(lines)
        # the loop's own count of what it printed, so that shown + dropped can be checked against it
        ended = [int(o["content"]["data"]["text/plain"]) for o in lines["outputs"] if o["type"] == "execute_result"]
        r["lines"]["printed_bytes"] = sum(len(("line %d of a flood\n" % i).encode()) for i in range(ended[0])) if ended else None
        r["lines"]["stdout_bytes"] = sum(len(o["content"]["text"].encode()) for o in lines["outputs"]
                                         if o["type"] == "stream" and o["content"]["name"] == "stdout")
        mid = kc.execute('long k = 0; while (true) System.out.println("endless " + k++);')
        time.sleep(3)
        km.interrupt_kernel()
        out, reply = collect(kc, mid, 600)
        r["stop"] = summarize({"outputs": out, "reply": reply})
        r["after"] = run(kc, "6 * 7")
    return r


def server_flood(kernel):
    """The flood of `flood` through Debian's Jupyter Notebook server (what ./jynq notebook runs),
    over the kernel websocket as the browser uses it: the server applies its own
    iopub_data_rate_limit and, once passed, drops every message, the kernel's notices included."""
    import asyncio
    import socket
    import urllib.request
    import uuid
    from tornado import ioloop, websocket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = uuid.uuid4().hex
    root = os.path.join(os.environ.get("TMPDIR", "/tmp"), "server-flood-%d" % os.getpid())
    os.makedirs(root, exist_ok=True)
    log = open(os.path.join(root, "server.log"), "w+")  # a file: the server and its kernel may log more than a pipe holds
    server = subprocess.Popen(["jupyter-notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1", "--port=%d" % port,
                               "--NotebookApp.token=" + token, "--notebook-dir=" + root],
                              stdout=subprocess.DEVNULL, stderr=log)
    base = "http://127.0.0.1:%d" % port
    r = {"server_log": []}
    try:
        deadline = time.time() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/api/status?token=" + token, timeout=5).read()
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.5)
        req = urllib.request.Request(base + "/api/kernels?token=" + token, method="POST",
                                     data=json.dumps({"name": kernel}).encode(), headers={"Content-Type": "application/json"})
        kid = json.loads(urllib.request.urlopen(req, timeout=60).read())["id"]
        session = uuid.uuid4().hex

        async def cells():
            ws = await websocket.websocket_connect("ws://127.0.0.1:%d/api/kernels/%s/channels?token=%s" % (port, kid, token))
            for key, code in (("warm", "1+1"), ("nonl", 'String mib = "x".repeat(1 << 20);\n'
                                                        'for (int i = 0; i < 20; i++) System.out.print(mib);'), ("after", "6 * 7")):
                mid = uuid.uuid4().hex
                ws.write_message(json.dumps({"header": {"msg_id": mid, "username": "it", "session": session,
                                                        "msg_type": "execute_request", "version": "5.3", "date": ""},
                                             "parent_header": {}, "metadata": {}, "channel": "shell",
                                             "content": {"code": code, "silent": False, "store_history": True,
                                                         "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
                outputs, reply, idle = [], None, False
                while reply is None or not idle:
                    m = json.loads(await asyncio.wait_for(ws.read_message(), 300))
                    if m["parent_header"].get("msg_id") != mid:
                        continue
                    if m["msg_type"] == "execute_reply":
                        reply = m["content"]
                    elif m["msg_type"] == "status":
                        idle = m["content"]["execution_state"] == "idle"
                    elif m["msg_type"] in ("stream", "execute_result", "error"):
                        outputs.append({"type": m["msg_type"], "content": m["content"]})
                r[key] = summarize({"outputs": outputs, "reply": reply})
                r[key]["outputs_text"] = [o["content"]["text"][:300] for o in outputs if o["type"] == "stream"
                                          and "x" * 300 not in o["content"]["text"][:300]]
                r[key]["result"] = [o["content"]["data"]["text/plain"] for o in outputs if o["type"] == "execute_result"]
            ws.close()

        ioloop.IOLoop.current().run_sync(cells)
        urllib.request.urlopen(urllib.request.Request(base + "/api/kernels/%s?token=%s" % (kid, token), method="DELETE"),
                               timeout=60).read()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.seek(0)
        r["server_log"] = [line for line in log.read().splitlines() if "IOPub data rate" in line]
        log.close()
    return r


def cds(kernel):
    """Start a kernel whose class-data archive was made for another JDK; wait for the new one."""
    from jupyter_client.kernelspec import KernelSpecManager
    argv = KernelSpecManager().get_kernel_spec(kernel).argv
    archive = next(a.split("=", 1)[1] for a in argv if a.startswith("-XX:SharedArchiveFile="))
    stamp_file = archive + ".jdk"

    def stamp():
        try:
            with open(stamp_file) as f:
                return f.read().strip()
        except OSError:
            return None

    r = {"before": stamp(), "java": argv[0], "archive": archive}
    with session(kernel) as (km, kc):
        r["cell"] = run(kc, "1+1")
        t = time.time()
        while time.time() - t < 600 and stamp() == r["before"]:
            time.sleep(0.5)
        r["after"] = stamp()
        r["waited_s"] = time.time() - t
    return r


def firstcells(kernel):
    """A notebook's first requests on a fresh kernel; the kernel's pid names its class-load log."""
    with session(kernel) as (km, kc):
        return {"pid": km.provisioner.process.pid, "cell": run(kc, "1+1"), "print": run(kc, 'System.out.println("hi");')}


def threads(kernel):
    """After a first cell: each thread of the kernel process with its scheduling policy (proc(5) stat
    field 41), read until the I/O thread's is no longer the default or 60 s have passed (the kernel
    sets it in the background once the session is up)."""
    with session(kernel) as (km, kc):
        cell = run(kc, "1+1")
        pid = km.provisioner.process.pid
        deadline = time.time() + 60
        while True:
            seen = []
            for tid in os.listdir("/proc/%d/task" % pid):
                try:
                    with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                        stat = f.read()
                except FileNotFoundError:
                    continue
                after_comm = stat[stat.rindex(")") + 2:].split()
                seen.append({"name": stat[stat.index("(") + 1:stat.rindex(")")], "policy": int(after_comm[41 - 3])})
            io = [t for t in seen if t["name"].startswith("iothread-")]
            if (io and all(t["policy"] != 0 for t in io)) or time.time() > deadline:
                return {"cell": cell, "threads": seen}
            time.sleep(0.2)


def summarize(run_result):
    """Stream bytes and the [JYNQ] notices of a run (the text itself is megabytes)."""
    out_bytes = 0
    notices = []
    errors = []
    for o in run_result["outputs"]:
        if o["type"] == "stream":
            text = o["content"]["text"]
            if "[JYNQ]" in text:
                notices.append(text[text.index("[JYNQ]"):][:400])
            out_bytes += len(text.encode())
        elif o["type"] == "error":
            errors.append(o["content"]["ename"])
    return {"stream_bytes": out_bytes, "notices": notices, "errors": errors, "status": run_result["reply"]["status"],
            "stream_messages": sum(1 for o in run_result["outputs"] if o["type"] == "stream")}


if __name__ == "__main__":
    scenario = sys.argv[1]
    name = sys.argv[2] if len(sys.argv) > 2 else "jynq"
    result = globals()[scenario](name)
    sys.stdout.write("\n" + json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)
