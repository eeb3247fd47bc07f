"""A JYNQ kernel under emulation, started by Debian's jupyter_client, loads dsp_loopback.

Usage: JUPYTER_PATH=PREFIX/share/jupyter /usr/bin/python3 board_smoke_kernel.py KERNEL_NAME ARCH
Prints the seconds to the first kernel_info reply and to each cell's reply (emulated, not board
figures). Fails unless the kernel runs on ARCH (os.arch) and lists the overlay's DMA.
"""
import os
import sys
import time

os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
from jupyter_client.manager import KernelManager  # noqa: E402

TIMEOUT = 900  # emulated JShell start and the facade's compile take minutes on a loaded machine


def run(kc, code):
    out, errors = [], []

    def hook(msg):
        t = msg["msg_type"]
        if t == "stream":
            out.append(msg["content"]["text"])
        elif t in ("execute_result", "display_data"):
            out.append(msg["content"]["data"].get("text/plain", ""))
        elif t == "error":
            errors.append("%s: %s" % (msg["content"]["ename"], msg["content"]["evalue"]))

    t0 = time.perf_counter()
    reply = kc.execute_interactive(code, timeout=TIMEOUT, output_hook=hook)
    if reply["content"]["status"] != "ok" or errors:
        sys.exit("cell %r failed: %s %s" % (code, reply["content"].get("evalue"), errors))
    return "".join(out), time.perf_counter() - t0


def main():
    kernel, arch = sys.argv[1], sys.argv[2]
    km = KernelManager(kernel_name=kernel)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        start = time.perf_counter() - t0
        got, first = run(kc, 'System.getProperty("os.arch")')
        if arch not in got:
            sys.exit("the kernel runs on %r, not %s" % (got, arch))
        _, load = run(kc, "%overlay load dsp_loopback")
        got, ip = run(kc, 'ol.ipDict().keySet()')
        if "axi_dma_0" not in got:
            sys.exit("dsp_loopback's ip_dict lacks axi_dma_0: %r" % got)
        got, call = run(kc, "ol.ip(\"add_0\", HlsIp.class).call(3, 4)")
        if got.strip() != "7":
            sys.exit("add_0.call(3, 4) gave %r" % got)
        print("%s kernel under qemu: start %.1f s, first cell %.1f s, %%overlay load %.1f s, ipDict %.1f s, HLS call %.1f s"
              % (arch, start, first, load, ip, call), flush=True)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
