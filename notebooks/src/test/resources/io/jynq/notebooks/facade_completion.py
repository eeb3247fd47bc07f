"""Loads dsp_loopback in a real JYNQ kernel through jupyter_client and asks for completions as the
notebook's Tab does. Prints one JSON line: {"fields": [...], "dma": [...], "ip_names": [...], "device": [...], "status": ...}.
Usage: /usr/bin/python3 facade_completion.py KERNEL_NAME"""
import json
import sys

from jupyter_client.manager import start_new_kernel

km, kc = start_new_kernel(kernel_name=sys.argv[1], startup_timeout=120)
try:
    reply = kc.execute_interactive("%overlay load dsp_loopback", timeout=120, output_hook=lambda m: None)
    out = {"status": reply["content"]["status"]}

    def complete(code):
        content = kc.complete(code, len(code), reply=True, timeout=60)["content"]
        return content["matches"]

    out["fields"] = complete("ol.axi_")
    out["dma"] = complete("ol.axi_dma_0.sendChannel().tra")
    out["ip_names"] = complete('ol.ip("ax')
    out["device"] = complete("ol.dsp_loopback.")
    print(json.dumps(out))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
