"""Round-trip figures of the JYNQ kernel, measured through Debian's jupyter_client.

Usage: /usr/bin/python3 kernel_bench.py [KERNEL_NAME] [--n 200] [--starts 5]
Prints one line per figure and a JSON summary. Targets (issues 4 and 12): cold start <= 0.5 s,
kernel_info RTT <= 2 ms, execute 1+1 median <= 10 ms, interrupt of a sleeping cell <= 200 ms.
"""
import json
import os
import statistics
import sys
import time

os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
from jupyter_client.manager import KernelManager  # noqa: E402


def arg(name, default):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def shell_reply(kc, mid, timeout=60):
    while True:
        m = kc.get_shell_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") == mid:
            return m


def cold_start(kernel):
    km = KernelManager(kernel_name=kernel)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    mid = kc.kernel_info()
    shell_reply(kc, mid, 120)
    t = time.perf_counter() - t0
    return km, kc, t


def kernel_thread_cpu_s(km):
    """CPU seconds of each thread of the kernel process so far, by thread name, from /proc.

    Each thread's schedstat (nanoseconds on the CPU) where the kernel has it: the stat file's
    clock ticks are a sample (a whole tick is charged to whichever thread runs when it fires), too
    coarse for a few milliseconds per cell. Threads of one pool (iothread-2, C2 CompilerThread0,
    C2 CompilerThread1...) are summed under one name without the trailing number. Only the
    kernel's process is read: the client (this script) is never counted."""
    pid = km.provisioner.process.pid
    cpu = {}
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            try:
                with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as f:
                    ns = int(f.read().split()[0])
                with open("/proc/%d/task/%s/comm" % (pid, tid)) as f:
                    name = f.read().strip().rstrip("0123456789").rstrip("-")
            except FileNotFoundError:
                continue  # the thread ended meanwhile
            cpu[name] = cpu.get(name, 0) + ns / 1e9
        return cpu
    except OSError:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return {"all": (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")}


def per_thread_line(per_cell):
    """'jynq-shell 6.1, C2 CompilerThre 8.0, ... ms': the four costliest threads and the rest."""
    ranked = sorted(per_cell.items(), key=lambda kv: -kv[1])
    parts = ["%s %.2f" % kv for kv in ranked[:4]]
    rest = sum(v for _, v in ranked[4:])
    return ", ".join(parts + ["other %.2f" % rest]) + " ms"


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def run_cells(km, kc, code, n):
    """Runs code n times ({i} in it is the run's number, so each cell can differ): each round trip in ms, the kernel's mean CPU time per cell in ms (less
    sensitive than wall time to a loaded machine), and that CPU time per cell by thread name."""
    walls = []
    cpu0 = kernel_thread_cpu_s(km)
    for i in range(n):
        t = time.perf_counter()
        shell_reply(kc, kc.execute(code.replace("{i}", str(i))))
        walls.append((time.perf_counter() - t) * 1e3)
    cpu1 = kernel_thread_cpu_s(km)
    per_thread = {k: (v - cpu0.get(k, 0)) * 1e3 / n for k, v in cpu1.items()}
    total = sum(per_thread.values())
    return walls, total, {k: round(v, 3) for k, v in per_thread.items() if v >= 0.005}


def main():
    kernel = next((a for a in sys.argv[1:] if not a.startswith("--") and not a.isdigit()), "jynq")
    n = arg("--n", 200)
    starts = arg("--starts", 5)
    cold = []
    for _ in range(starts):
        km, kc, t = cold_start(kernel)
        cold.append(t)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    km, kc, _ = cold_start(kernel)
    kc.wait_for_ready(timeout=120)
    try:
        for _ in range(100):  # warm-up: JIT and JShell caches
            kc.execute_interactive("1+1", timeout=60, output_hook=lambda m: None)
        # the first 50 requests run the handler while the JIT is still compiling it; the figure
        # is the steady state after 300 more, as a JMH warm-up would give (both are printed)
        first = []
        for _ in range(50):
            t = time.perf_counter()
            shell_reply(kc, kc.kernel_info())
            first.append((time.perf_counter() - t) * 1e3)
        for _ in range(300):
            shell_reply(kc, kc.kernel_info())
        info = []
        for _ in range(200):
            t = time.perf_counter()
            shell_reply(kc, kc.kernel_info())
            info.append((time.perf_counter() - t) * 1e3)
        execs, exec_cpu_ms, exec_threads = run_cells(km, kc, "1+1", n)
        # an empty cell: the kernel's own path (busy, execute_input, reply, idle) without JShell,
        # i.e. what the protocol adds to every cell
        empties, empty_cpu_ms, empty_threads = run_cells(km, kc, "", n)
        # a new expression in every cell, as a notebook's cells are: JShell compiles each afresh
        # (it reuses the class of an unchanged snippet), and a cost that grows with the session shows here
        distinct, distinct_cpu_ms, _ = run_cells(km, kc, "1+{i}", n)
        interrupts = []
        for _ in range(5):
            mid = kc.execute("Thread.sleep(30000);")
            time.sleep(0.5)
            t = time.perf_counter()
            km.interrupt_kernel()
            shell_reply(kc, mid)
            interrupts.append((time.perf_counter() - t) * 1e3)
    finally:
        km.shutdown_kernel(now=True)
    res = {
        "cold_start_s_median": statistics.median(cold), "cold_start_s_all": cold,
        "kernel_info_rtt_ms_first50_median": statistics.median(first),
        "kernel_info_rtt_ms_median": statistics.median(info), "kernel_info_rtt_ms_p90": pct(info, 90),
        "execute_1p1_ms_median": statistics.median(execs), "execute_1p1_ms_p90": pct(execs, 90), "execute_n": n,
        "execute_1p1_kernel_cpu_ms_mean": exec_cpu_ms, "execute_1p1_kernel_cpu_ms_by_thread": exec_threads,
        "execute_empty_ms_median": statistics.median(empties), "execute_empty_kernel_cpu_ms_mean": empty_cpu_ms,
        "execute_empty_kernel_cpu_ms_by_thread": empty_threads,
        "execute_distinct_ms_median": statistics.median(distinct), "execute_distinct_ms_p90": pct(distinct, 90),
        "execute_distinct_kernel_cpu_ms_mean": distinct_cpu_ms,
        "interrupt_sleep_ms_median": statistics.median(interrupts), "interrupt_sleep_ms_all": interrupts,
        "load_avg_1min": os.getloadavg()[0],
    }
    print("cold start to first kernel_info_reply: median %.3f s of %d (target <= 0.5 s)" % (res["cold_start_s_median"], starts))
    print("kernel_info round trip, warmed (after 350): median %.2f ms, p90 %.2f ms of 200 (target <= 2 ms)" % (res["kernel_info_rtt_ms_median"], res["kernel_info_rtt_ms_p90"]))
    print("kernel_info round trip, first 50 after start: median %.2f ms" % res["kernel_info_rtt_ms_first50_median"])
    print("execute 1+1 to execute_reply: median %.1f ms, p90 %.1f ms of %d (target <= 10 ms)" % (res["execute_1p1_ms_median"], res["execute_1p1_ms_p90"], n))
    print("execute 1+1, kernel CPU time (all threads): mean %.1f ms per cell (target: wall <= 10 ms)" % exec_cpu_ms)
    print("execute 1+1, kernel CPU per cell by thread: " + per_thread_line(exec_threads))
    print("execute of an empty cell (the protocol alone): median %.2f ms, kernel CPU %.2f ms per cell" % (res["execute_empty_ms_median"], empty_cpu_ms))
    print("execute 1+i, a new expression each cell (cells %d-%d): median %.1f ms, p90 %.1f ms, kernel CPU %.1f ms per cell" % (2 * n + 101, 3 * n + 100, res["execute_distinct_ms_median"], res["execute_distinct_ms_p90"], distinct_cpu_ms))
    print("interrupt of a sleeping cell to its reply: median %.1f ms of 5 (target <= 200 ms)" % res["interrupt_sleep_ms_median"])
    print("load average during the run: %.1f on %d cores" % (res["load_avg_1min"], os.cpu_count()))
    print(json.dumps(res))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
