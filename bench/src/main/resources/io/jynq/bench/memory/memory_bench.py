"""Resident memory of a Jupyter kernel through its first notebook and all JYNQ tutorials.

Usage: /usr/bin/python3 memory_bench.py NOTEBOOK_DIR LABEL=KERNEL_NAME [LABEL=KERNEL_NAME ...]

For each kernelspec (found on JUPYTER_PATH) it starts the kernel with Debian's jupyter_client in
NOTEBOOK_DIR, and reads the VmRSS of the kernel process and of every process it started (the C
helper of %%c cells, a gcc) from /proc: after the first kernel_info reply, after
`%overlay load dsp_loopback`, and after every tutorial (*.ipynb in NOTEBOOK_DIR, in name order)
ran in that one kernel. A tutorial passes when none of its cells answers an error. A kernel
whose name starts with "python" gets only the first figure (ipykernel, for comparison).
Prints a Markdown table and one JSON line per configuration.
"""
import glob
import json
import os
import sys
import time

os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
from jupyter_client.manager import KernelManager  # noqa: E402

CELL_TIMEOUT = 600  # seconds; a cell of a tutorial on a loaded 2-core machine takes seconds


def children(pid):
    """Every live descendant of pid, from /proc/*/stat's ppid field."""
    parent = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as f:
                text = f.read()
        except OSError:
            continue
        # the command name is in parentheses and may hold spaces: fields follow the last ')'
        fields = text[text.rindex(")") + 2:].split()
        parent.setdefault(int(fields[1]), []).append(int(stat.split("/")[2]))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        for c in parent.get(p, []):
            out.append(c)
            todo.append(c)
    return out


def rss_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_mb(pid):
    """(kernel MB, kernel and descendants MB), MB = 10^6 bytes as the issue's table."""
    own = rss_kib(pid)
    total = own + sum(rss_kib(c) for c in children(pid))
    return own * 1024 / 1e6, total * 1024 / 1e6


def run_cell(kc, code, skipped=None):
    """Executes code; returns the error name or None. Lines saying a cell was skipped go to skipped."""
    error = []

    def hook(msg):
        if msg["msg_type"] == "error":
            error.append(msg["content"].get("ename", "error"))
        elif skipped is not None and msg["msg_type"] == "stream" and msg["content"]["text"].startswith("skipped: "):
            skipped.append(msg["content"]["text"][len("skipped: "):].strip())

    reply = kc.execute_interactive(code, timeout=CELL_TIMEOUT, output_hook=hook, stop_on_error=False)
    if reply["content"]["status"] != "ok":
        return reply["content"].get("ename", "error")
    return error[0] if error else None


def tutorial_cells(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            src = cell["source"]
            yield "".join(src) if isinstance(src, list) else src


def measure(label, kernel, nbdir):
    km = KernelManager(kernel_name=kernel)
    km.start_kernel(cwd=nbdir)
    kc = km.client()
    kc.start_channels()
    row = {"configuration": label, "kernel": kernel}
    try:
        kc.wait_for_ready(timeout=300)
        pid = km.provisioner.process.pid
        time.sleep(2)  # let start-up threads settle as a user reading the first page would
        row["start_mb"], row["start_tree_mb"] = tree_rss_mb(pid)
        if kernel.startswith("python"):
            return row
        err = run_cell(kc, "%overlay load dsp_loopback")
        if err:
            row["overlay_error"] = err
        row["overlay_mb"], row["overlay_tree_mb"] = tree_rss_mb(pid)
        passed, failed, peak = [], [], row["overlay_tree_mb"]
        for nb in sorted(glob.glob(os.path.join(nbdir, "*.ipynb"))):
            name = os.path.basename(nb)
            skipped = []
            errors = [e for e in (run_cell(kc, c, skipped) for c in tutorial_cells(nb)) if e]
            if skipped and not errors:
                errors = ["skipped: " + skipped[0]]  # a %%require_overlay design is missing: not a pass
            peak = max(peak, tree_rss_mb(pid)[1])
            (failed if errors else passed).append(name if not errors else "%s (%s)" % (name, errors[0]))
        row["all_mb"], row["all_tree_mb"] = tree_rss_mb(pid)
        row["peak_tree_mb"] = peak
        row["passed"], row["failed"] = passed, failed
        time.sleep(5)  # idle, as between two cells: a collector that returns memory may do so now
        row["settled_mb"], row["settled_tree_mb"] = tree_rss_mb(pid)
        run_cell(kc, "System.gc();")
        used = run_cell_value(kc, "System.out.println((java.lang.Runtime.getRuntime().totalMemory() - java.lang.Runtime.getRuntime().freeMemory()) / 1000000)")
        cap = run_cell_value(kc, "System.out.println(java.lang.Runtime.getRuntime().maxMemory() / 1000000)")
        if used and cap:
            row["heap_max_mb"], row["heap_used_mb"] = int(cap), int(used)
        return row
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def run_cell_value(kc, code):
    out = []

    def hook(msg):
        # printed, not a cell value: a tutorial may leave results hidden
        if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
            out.extend(line for line in msg["content"]["text"].split() if line.isdigit())

    reply = kc.execute_interactive(code, timeout=CELL_TIMEOUT, output_hook=hook, stop_on_error=False)
    if not out:
        print("no value for %s: %s" % (code, reply["content"]), file=sys.stderr)
    return out[0] if out else None


def fmt(row, key):
    return "%.0f MB" % row[key] if key in row else "–"


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    nbdir = os.path.abspath(sys.argv[1])
    rows = []
    for spec in sys.argv[2:]:
        label, _, kernel = spec.partition("=")
        row = measure(label, kernel, nbdir)
        rows.append(row)
        print(json.dumps(row), flush=True)
    print()
    print("| configuration | after start | after `%overlay load` | after all tutorials | 5 s later | tutorials | heap max / live |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        total = len(r.get("passed", [])) + len(r.get("failed", []))
        tut = "%d/%d" % (len(r["passed"]), total) if total else "–"
        heap = "%s / %s MB" % (r["heap_max_mb"], r["heap_used_mb"]) if "heap_max_mb" in r else "–"
        print("| %s | %s | %s | %s | %s | %s | %s |" % (r["configuration"], fmt(r, "start_tree_mb"), fmt(r, "overlay_tree_mb"),
                                                       fmt(r, "all_tree_mb"), fmt(r, "settled_tree_mb"), tut, heap))
    print("\nRSS is VmRSS of the kernel and every process it started (MB = 10^6 B); failed tutorials:",
          [f for r in rows for f in r.get("failed", [])] or "none")
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
