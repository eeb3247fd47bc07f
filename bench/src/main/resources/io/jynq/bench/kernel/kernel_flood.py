"""Output floods through the real client: how long a printing cell stays busy, what arrives.

Usage: /usr/bin/python3 kernel_flood.py [KERNEL_NAME] [--mib 20] [--seconds 10] [--cases nonl,lines,stop]
Cases (issue 12): 'nonl' prints MIB strings of 1 MiB without a newline; 'lines' runs a println
loop for SECONDS; 'stop' runs an endless println loop, interrupts it after 3 s and measures how
long until the reply. Prints one JSON line per case: wall time to execute_reply and to idle,
stream bytes received, messages, and whether a 'dropped' notice arrived.
"""
import json
import os
import sys
import time

os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
from jupyter_client.manager import KernelManager  # noqa: E402


def arg(name, default):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def drain(kc, mid, timeout, t0):
    got = {"bytes": 0, "messages": 0, "notice": None}
    reply_s = None
    idle_s = None
    deadline = time.time() + timeout
    while idle_s is None and time.time() < deadline:
        try:
            m = kc.get_iopub_msg(timeout=1)
        except Exception:
            continue
        if m["parent_header"].get("msg_id") != mid:
            continue
        if m["msg_type"] == "stream":
            text = m["content"]["text"]
            got["bytes"] += len(text.encode())
            got["messages"] += 1
            if "dropped" in text and "[JYNQ]" in text:
                got["notice"] = text[text.index("[JYNQ]"):][:300]
        elif m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            idle_s = time.perf_counter() - t0
    while reply_s is None and time.time() < deadline:
        r = kc.get_shell_msg(timeout=timeout)
        if r["parent_header"].get("msg_id") == mid:
            reply_s = time.perf_counter() - t0
            got["status"] = r["content"]["status"]
    got["idle_s"] = idle_s
    return got


def main():
    kernel = next((a for i, a in enumerate(sys.argv[1:]) if not a.startswith("--") and not a.isdigit()
                   and sys.argv[i] != "--cases"), "jynq")
    mib = arg("--mib", 20)
    cases = sys.argv[sys.argv.index("--cases") + 1].split(",") if "--cases" in sys.argv else ["nonl", "lines", "stop"]
    seconds = arg("--seconds", 10)
    km = KernelManager(kernel_name=kernel)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    try:
        kc.execute_interactive("1+1", timeout=60, output_hook=lambda m: None)
        if "nonl" in cases:
            flood_nonl(kc, mib)
        if "lines" in cases:
            flood_lines(kc, seconds)
        if "stop" in cases:
            flood_stop(km, kc)
    finally:
        km.shutdown_kernel(now=True)
    os._exit(0)


def flood_nonl(kc, mib):
    code = ('String mib = "x".repeat(1 << 20);\n'
            'for (int i = 0; i < %d; i++) System.out.print(mib);' % mib)
    t0 = time.perf_counter()
    r = drain(kc, kc.execute(code), 900, t0)
    r.update(case="nonl", printed_bytes=mib << 20)
    print(json.dumps(r), flush=True)


def flood_lines(kc, seconds):
    code = ('long end = System.currentTimeMillis() + %d * 1000L; long n = 0;\n'
            'while (System.currentTimeMillis() < end) System.out.println("line " + n++ + " of a flood of output");\n'
            'System.err.println("loop ended, lines: " + n);' % seconds)
    t0 = time.perf_counter()
    r = drain(kc, kc.execute(code), 900, t0)
    r.update(case="lines", loop_s=seconds, busy_after_loop_s=None if r["idle_s"] is None else r["idle_s"] - seconds)
    print(json.dumps(r), flush=True)


def flood_stop(km, kc):
    t0 = time.perf_counter()
    mid = kc.execute('long k = 0; while (true) System.out.println("endless " + k++);')
    time.sleep(3)
    ti = time.perf_counter()
    km.interrupt_kernel()
    r = drain(kc, mid, 900, t0)
    r.update(case="stop", interrupt_to_idle_s=None if r["idle_s"] is None else r["idle_s"] - (ti - t0))
    print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()
