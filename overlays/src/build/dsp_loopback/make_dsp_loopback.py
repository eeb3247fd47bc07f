#!/usr/bin/env python3
"""Writes the bundled dsp_loopback overlay's .hwh and placeholder .bit.

Run from the repository root with the shared test data beside it:
    python3 overlays/src/build/dsp_loopback/make_dsp_loopback.py ../shared/testdata/hwh/pynqz1_base.hwh

The PS7, AXI DMA, AXI GPIO, AXI INTC and AXI BRAM controller modules start from their entries in the
real PYNQ-Z1 base overlay (so their PARAMETERS and REGISTER/FIELD listings are Vivado's own) and are
re-configured and re-wired for this design; the two HLS cores and the glue are written here in the
same schema. The output is deterministic, so the committed files can be regenerated and diffed.
"""
import copy
import struct
import sys
import xml.etree.ElementTree as ET
from collections import OrderedDict
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "main/resources/io/jynq/overlays/dsp_loopback"
AXIS = "xilinx.com:interface:axis:1.0"
AXIMM = "xilinx.com:interface:aximm:1.0"
LITE_PORTS = ["awaddr", "awvalid", "awready", "wdata", "wstrb", "wvalid", "wready", "bresp", "bvalid",
              "bready", "araddr", "arvalid", "arready", "rdata", "rresp", "rvalid", "rready"]
LITE_IN = {"awaddr", "awvalid", "wdata", "wstrb", "wvalid", "bready", "araddr", "arvalid", "rready"}
WIDTH = {"awaddr": None, "araddr": None, "wdata": 31, "rdata": 31, "wstrb": 3, "bresp": 1, "rresp": 1}

nets = OrderedDict()        # SIGNAME -> [(instance, port)]
modules = OrderedDict()     # instance -> Element


def el(tag, attrib=None, *children):
    e = ET.Element(tag, OrderedDict(sorted((attrib or {}).items())))
    for c in children:
        e.append(c)
    return e


def port(inst, name, direction, signame, sigis="undef", left=None, right=None, **extra):
    a = {"DIR": direction, "NAME": name, "SIGIS": sigis, "SIGNAME": signame}
    if left is not None:
        a["LEFT"] = str(left)
        a["RIGHT"] = str(right)
    a.update({k: str(v) for k, v in extra.items()})
    if signame:
        nets.setdefault(signame, []).append((inst, name))
    return el("PORT", a)


def busif(name, typ, vlnv, busname, params, portmaps, datawidth=None):
    a = {"BUSNAME": busname, "NAME": name, "TYPE": typ, "VLNV": vlnv}
    if datawidth:
        a["DATAWIDTH"] = str(datawidth)
    b = el("BUSINTERFACE", a)
    for k, v in params:
        b.append(el("PARAMETER", {"NAME": k, "VALUE": str(v)}))
    pm = el("PORTMAPS")
    for logical, physical in portmaps:
        pm.append(el("PORTMAP", {"LOGICAL": logical, "PHYSICAL": physical}))
    b.append(pm)
    return b


def lite_slave(inst, prefix, busname, addr_width, upper=False, ic_port=None):
    """AXI4-Lite slave ports of one IP, wired to interconnect master port `ic_port`."""
    ports, maps = [], []
    for p in LITE_PORTS:
        phys = prefix + (p.upper() if upper else p)
        sig = busname + "_" + ("" if upper else "") + p.upper()
        w = WIDTH.get(p, "x")
        left = addr_width - 1 if w is None else (w if w != "x" else None)
        ports.append(port(inst, phys, "I" if p in LITE_IN else "O", sig, left=left,
                          right=0 if left is not None else None))
        maps.append((p.upper(), phys))
    params = [("DATA_WIDTH", 32), ("PROTOCOL", "AXI4LITE"), ("FREQ_HZ", 100000000), ("ID_WIDTH", 0),
              ("ADDR_WIDTH", addr_width), ("HAS_BURST", 0), ("HAS_LOCK", 0), ("HAS_PROT", 0),
              ("HAS_CACHE", 0), ("HAS_QOS", 0), ("HAS_REGION", 0), ("HAS_WSTRB", 1), ("HAS_BRESP", 1),
              ("HAS_RRESP", 1), ("MAX_BURST_LENGTH", 1), ("CLK_DOMAIN", "dsp_loopback_processing_system7_0_0_FCLK_CLK0")]
    return ports, maps, params


def axis_ports(inst, prefix, busname, master, width_bytes, upper=True):
    names = ["TVALID", "TREADY", "TDATA", "TKEEP", "TLAST"]
    ports, maps = [], []
    for n in names:
        phys = prefix + (n if upper else n.lower())
        outward = (n != "TREADY") == master
        left = {"TDATA": width_bytes * 8 - 1, "TKEEP": width_bytes - 1}.get(n)
        ports.append(port(inst, phys, "O" if outward else "I", busname + "_" + n, left=left,
                          right=0 if left is not None else None))
        maps.append((n, phys))
    params = [("TDATA_NUM_BYTES", width_bytes), ("TDEST_WIDTH", 0), ("TID_WIDTH", 0), ("TUSER_WIDTH", 0),
              ("HAS_TREADY", 1), ("HAS_TSTRB", 0), ("HAS_TKEEP", 1), ("HAS_TLAST", 1), ("FREQ_HZ", 100000000)]
    return ports, maps, params


def clk_rst(inst, clk, rst):
    return [port(inst, clk, "I", "processing_system7_0_FCLK_CLK0", "clk", CLKFREQUENCY=100000000),
            port(inst, rst, "I", "rst_ps7_0_100M_peripheral_aresetn", "rst")]


def module(base_el, attrib):
    m = el("MODULE", attrib)
    if base_el is not None:
        for child in base_el:
            if child.tag in ("DOCUMENTS", "ADDRESSBLOCKS", "PARAMETERS"):
                m.append(copy.deepcopy(child))
    modules[attrib["INSTANCE"]] = m
    return m


def set_params(m, values):
    ps = m.find("PARAMETERS")
    for k, v in values.items():
        for p in ps:
            if p.get("NAME") == k:
                p.set("VALUE", str(v))
                break
        else:
            ps.append(el("PARAMETER", {"NAME": k, "VALUE": str(v)}))


def mod_attrs(name, modtype, vlnv, hwversion, modclass="PERIPHERAL", iptype="PERIPHERAL", rev="0"):
    return {"COREREVISION": rev, "FULLNAME": "/" + name, "HWVERSION": hwversion, "INSTANCE": name,
            "IPTYPE": iptype, "IS_ENABLE": "1", "MODCLASS": modclass, "MODTYPE": modtype, "VLNV": vlnv}


def finish(m, ports, busifs, memmap=None):
    pe = el("PORTS")
    for p in ports:
        pe.append(p)
    m.append(pe)
    be = el("BUSINTERFACES")
    for b in busifs:
        be.append(b)
    m.append(be)
    if memmap is not None:
        mm = el("MEMORYMAP")
        for r in memmap:
            mm.append(el("MEMRANGE", r))
        m.append(mm)
        pr = el("PERIPHERALS")
        for inst in OrderedDict.fromkeys(r["INSTANCE"] for r in memmap):
            pr.append(el("PERIPHERAL", {"INSTANCE": inst}))
        m.append(pr)


def reg(name, offset, size, access, reset, desc, fields):
    r = el("REGISTER", {"NAME": name})
    for k, v in [("DESCRIPTION", desc), ("ADDRESS_OFFSET", offset), ("SIZE", size), ("ACCESS", access),
                 ("IS_ENABLED", "true"), ("RESET_VALUE", reset)]:
        r.append(el("PROPERTY", {"NAME": k, "VALUE": str(v)}))
    fe = el("FIELDS")
    for fname, off, width, faccess, fdesc in fields:
        f = el("FIELD", {"NAME": fname})
        for k, v in [("DESCRIPTION", fdesc), ("ADDRESS_OFFSET", 0), ("ACCESS", faccess), ("MODIFIED_READ_VALUES", ""),
                     ("WRITE_CONSTRAINT", "0"), ("READ_ACTION", "modify" if fname == "AP_DONE" else ""),
                     ("BIT_OFFSET", off), ("BIT_WIDTH", width)]:
            f.append(el("PROPERTY", {"NAME": k, "VALUE": str(v)}))
        fe.append(f)
    r.append(fe)
    return r


def hls_ctrl_regs():
    return [
        reg("CTRL", 0, 32, "read-write", 0, "Control signals", [
            ("AP_START", 0, 1, "read-write", "Control signal Register for 'ap_start'."),
            ("AP_DONE", 1, 1, "read-only", "Control signal Register for 'ap_done'."),
            ("AP_IDLE", 2, 1, "read-only", "Control signal Register for 'ap_idle'."),
            ("AP_READY", 3, 1, "read-only", "Control signal Register for 'ap_ready'."),
            ("RESERVED_1", 4, 3, "read-only", "Reserved.  0s on read."),
            ("AUTO_RESTART", 7, 1, "read-write", "Control signal Register for 'auto_restart'."),
            ("RESERVED_2", 8, 1, "read-only", "Reserved.  0s on read."),
            ("INTERRUPT", 9, 1, "read-only", "Control signal Register for 'interrupt'."),
            ("RESERVED_3", 10, 22, "read-only", "Reserved.  0s on read.")]),
        reg("GIER", 4, 32, "read-write", 0, "Global Interrupt Enable Register", [
            ("Enable", 0, 1, "read-write", "Master enable for the device interrupt output to the system interrupt controller: 0 = Disabled, 1 = Enabled"),
            ("RESERVED", 1, 31, "read-only", "Reserved.  0s on read.")]),
        reg("IP_IER", 8, 32, "read-write", 0, "IP Interrupt Enable Register", [
            ("CHAN0_INT_EN", 0, 1, "read-write", "Enable Channel 0 (ap_done) Interrupt.  0 = Disabled, 1 = Enabled."),
            ("CHAN1_INT_EN", 1, 1, "read-write", "Enable Channel 1 (ap_ready) Interrupt.  0 = Disabled, 1 = Enabled."),
            ("RESERVED_0", 2, 30, "read-only", "Reserved.  0s on read.")]),
        reg("IP_ISR", 12, 32, "read-write", 0, "IP Interrupt Status Register", [
            ("CHAN0_INT_ST", 0, 1, "read-only", "Channel 0 (ap_done) Interrupt Status. 0 = No Channel 0 input interrupt, 1 = Channel 0 input interrup"),
            ("CHAN1_INT_ST", 1, 1, "read-only", "Channel 1 (ap_ready) Interrupt Status. 0 = No Channel 1 input interrupt, 1 = Channel 1 input interrup"),
            ("RESERVED_0", 2, 30, "read-only", "Reserved.  0s on read.")]),
    ]


def scalar_reg(name, offset, access):
    return reg(name, offset, 32, access, 0, "Data signal of " + name,
               [(name, 0, 32, access, "Bit 31 to 0 of " + name)])


def address_block(interface, name, rng, usage, regs):
    ab = el("ADDRESSBLOCK", {"ACCESS": "read-write", "INTERFACE": interface, "NAME": name, "RANGE": str(rng), "USAGE": usage})
    if regs:
        re_ = el("REGISTERS")
        for r in regs:
            re_.append(r)
        ab.append(re_)
    return el("ADDRESSBLOCKS", {}, ab)


def main(base_hwh):
    base = ET.parse(base_hwh).getroot()
    src = {m.get("FULLNAME"): m for m in base.iter("MODULE")}

    # ---- addresses (PS7 M_AXI_GP0) ----
    slaves = [  # instance, interface, block, base, size, memtype, interconnect master index
        ("axi_bram_ctrl_0", "S_AXI", "Mem0", 0x40000000, 0x2000, "MEMORY", 0),
        ("axi_dma_0", "S_AXI_LITE", "Reg", 0x40400000, 0x10000, "REGISTER", 1),
        ("axi_gpio_0", "S_AXI", "Reg", 0x41200000, 0x10000, "REGISTER", 2),
        ("axi_intc_0", "s_axi", "Reg", 0x41800000, 0x10000, "REGISTER", 3),
        ("fir_0", "s_axi_control", "Reg", 0x43C00000, 0x10000, "REGISTER", 4),
        ("add_0", "s_axi_control", "Reg", 0x43C10000, 0x10000, "REGISTER", 5),
    ]
    ic_bus = {s[0]: "ps7_0_axi_periph_M%02d_AXI" % s[6] for s in slaves}

    # ---- ps7_0 ----
    ps_src = src["/ps7_0"]
    ps = module(None, dict(ps_src.attrib, FULLNAME="/processing_system7_0", INSTANCE="processing_system7_0"))
    ps.append(copy.deepcopy(ps_src.find("DOCUMENTS")))
    for ab in ps_src.findall("ADDRESSBLOCKS"):
        ps.append(copy.deepcopy(ab))
    ps.append(copy.deepcopy(ps_src.find("PARAMETERS")))
    set_params(ps, {"Component_Name": "dsp_loopback_processing_system7_0_0", "PCW_NUM_F2P_INTR_INPUTS": 1,
                    "C_NUM_F2P_INTR_INPUTS": 1})
    ps_ports = [port("processing_system7_0", "FCLK_CLK0", "O", "processing_system7_0_FCLK_CLK0", "clk", CLKFREQUENCY=100000000),
                port("processing_system7_0", "FCLK_RESET0_N", "O", "processing_system7_0_FCLK_RESET0_N", "rst"),
                port("processing_system7_0", "M_AXI_GP0_ACLK", "I", "processing_system7_0_FCLK_CLK0", "clk", CLKFREQUENCY=100000000),
                port("processing_system7_0", "S_AXI_HP0_ACLK", "I", "processing_system7_0_FCLK_CLK0", "clk", CLKFREQUENCY=100000000),
                port("processing_system7_0", "IRQ_F2P", "I", "axi_intc_0_irq", "INTERRUPT", left=0, right=0, SENSITIVITY="LEVEL_HIGH")]
    gp0_maps, hp0_maps = [], []
    for p in LITE_PORTS:
        phys = "M_AXI_GP0_" + p.upper()
        ps_ports.append(port("processing_system7_0", phys, "O" if p in LITE_IN else "I", "processing_system7_0_M_AXI_GP0_" + p.upper()))
        gp0_maps.append((p.upper(), phys))
        phys = "S_AXI_HP0_" + p.upper()
        ps_ports.append(port("processing_system7_0", phys, "I" if p in LITE_IN else "O", "axi_mem_intercon_M00_AXI_" + p.upper()))
        hp0_maps.append((p.upper(), phys))
    gp0 = [b for b in ps_src.find("BUSINTERFACES") if b.get("NAME") == "M_AXI_GP0"][0]
    hp0 = [b for b in ps_src.find("BUSINTERFACES") if b.get("NAME") == "S_AXI_HP0"][0]
    gp0_params = [(p.get("NAME"), p.get("VALUE")) for p in gp0.findall("PARAMETER")]
    hp0_params = [(p.get("NAME"), p.get("VALUE")) for p in hp0.findall("PARAMETER")]
    ps_mem = [OrderedDict([("ADDRESSBLOCK", blk), ("BASENAME", "C_S_AXI_BASEADDR" if mt == "MEMORY" else "C_BASEADDR"),
                           ("BASEVALUE", "0x%08X" % b), ("HIGHNAME", "C_S_AXI_HIGHADDR" if mt == "MEMORY" else "C_HIGHADDR"),
                           ("HIGHVALUE", "0x%08X" % (b + size - 1)), ("INSTANCE", inst), ("IS_DATA", "TRUE"),
                           ("IS_INSTRUCTION", "TRUE"), ("MASTERBUSINTERFACE", "M_AXI_GP0"), ("MEMTYPE", mt),
                           ("SLAVEBUSINTERFACE", intf)]) for inst, intf, blk, b, size, mt, _ in slaves]
    finish(ps, ps_ports, [busif("M_AXI_GP0", "MASTER", AXIMM, "processing_system7_0_M_AXI_GP0", gp0_params, gp0_maps, 32),
                          busif("S_AXI_HP0", "SLAVE", AXIMM, "axi_mem_intercon_M00_AXI", hp0_params, hp0_maps, 64)], ps_mem)

    # ---- reset ----
    rst = module(None, mod_attrs("rst_ps7_0_100M", "proc_sys_reset", "xilinx.com:ip:proc_sys_reset:5.0", "5.0", rev="12"))
    rst.append(el("PARAMETERS", {}, *[el("PARAMETER", {"NAME": k, "VALUE": v}) for k, v in [
        ("C_FAMILY", "zynq"), ("C_EXT_RST_WIDTH", "4"), ("C_AUX_RST_WIDTH", "4"), ("C_EXT_RESET_HIGH", "0"),
        ("C_AUX_RESET_HIGH", "0"), ("C_NUM_BUS_RST", "1"), ("C_NUM_PERP_RST", "1"), ("C_NUM_INTERCONNECT_ARESETN", "1"),
        ("C_NUM_PERP_ARESETN", "1"), ("Component_Name", "dsp_loopback_rst_ps7_0_100M_0"), ("EDK_IPTYPE", "PERIPHERAL")]]))
    finish(rst, [port("rst_ps7_0_100M", "slowest_sync_clk", "I", "processing_system7_0_FCLK_CLK0", "clk", CLKFREQUENCY=100000000),
                 port("rst_ps7_0_100M", "ext_reset_in", "I", "processing_system7_0_FCLK_RESET0_N", "rst"),
                 port("rst_ps7_0_100M", "peripheral_aresetn", "O", "rst_ps7_0_100M_peripheral_aresetn", "rst", left=0, right=0)], [])

    # ---- interconnects ----
    ic = module(None, mod_attrs("ps7_0_axi_periph", "axi_interconnect", "xilinx.com:ip:axi_interconnect:2.1", "2.1", "BUS", "BUS", "19"))
    ic.append(el("PARAMETERS", {}, el("PARAMETER", {"NAME": "NUM_SI", "VALUE": "1"}),
                 el("PARAMETER", {"NAME": "NUM_MI", "VALUE": str(len(slaves))}),
                 el("PARAMETER", {"NAME": "Component_Name", "VALUE": "dsp_loopback_ps7_0_axi_periph_0"}),
                 el("PARAMETER", {"NAME": "EDK_IPTYPE", "VALUE": "BUS"})))
    ic_ports = clk_rst("ps7_0_axi_periph", "ACLK", "ARESETN")
    ic_bifs = []
    maps = []
    for p in LITE_PORTS:
        phys = "S00_AXI_" + p
        ic_ports.append(port("ps7_0_axi_periph", phys, "I" if p in LITE_IN else "O", "processing_system7_0_M_AXI_GP0_" + p.upper()))
        maps.append((p.upper(), phys))
    ic_bifs.append(busif("S00_AXI", "SLAVE", AXIMM, "processing_system7_0_M_AXI_GP0", [("PROTOCOL", "AXI3")], maps, 32))
    for inst, *_rest in slaves:
        idx = _rest[-1]
        maps = []
        for p in LITE_PORTS:
            phys = "M%02d_AXI_%s" % (idx, p)
            ic_ports.append(port("ps7_0_axi_periph", phys, "O" if p in LITE_IN else "I", ic_bus[inst] + "_" + p.upper()))
            maps.append((p.upper(), phys))
        ic_bifs.append(busif("M%02d_AXI" % idx, "MASTER", AXIMM, ic_bus[inst], [("PROTOCOL", "AXI4LITE")], maps, 32))
    finish(ic, ic_ports, ic_bifs)

    mi = module(None, mod_attrs("axi_mem_intercon", "axi_interconnect", "xilinx.com:ip:axi_interconnect:2.1", "2.1", "BUS", "BUS", "19"))
    mi.append(el("PARAMETERS", {}, el("PARAMETER", {"NAME": "NUM_SI", "VALUE": "2"}),
                 el("PARAMETER", {"NAME": "NUM_MI", "VALUE": "1"}),
                 el("PARAMETER", {"NAME": "Component_Name", "VALUE": "dsp_loopback_axi_mem_intercon_0"}),
                 el("PARAMETER", {"NAME": "EDK_IPTYPE", "VALUE": "BUS"})))
    mi_ports = clk_rst("axi_mem_intercon", "ACLK", "ARESETN")
    mi_bifs = []
    for si, bus in (("S00_AXI", "axi_dma_0_M_AXI_MM2S"), ("S01_AXI", "axi_dma_0_M_AXI_S2MM")):
        maps = []
        for p in LITE_PORTS:
            phys = si + "_" + p
            mi_ports.append(port("axi_mem_intercon", phys, "I" if p in LITE_IN else "O", bus + "_" + p.upper()))
            maps.append((p.upper(), phys))
        mi_bifs.append(busif(si, "SLAVE", AXIMM, bus, [("PROTOCOL", "AXI4")], maps, 32))
    maps = []
    for p in LITE_PORTS:
        phys = "M00_AXI_" + p
        mi_ports.append(port("axi_mem_intercon", phys, "O" if p in LITE_IN else "I", "axi_mem_intercon_M00_AXI_" + p.upper()))
        maps.append((p.upper(), phys))
    mi_bifs.append(busif("M00_AXI", "MASTER", AXIMM, "axi_mem_intercon_M00_AXI", [("PROTOCOL", "AXI3")], maps, 64))
    finish(mi, mi_ports, mi_bifs)

    # ---- AXI DMA ----
    dma = module(src["/trace_analyzer_arduino/axi_dma_0"], mod_attrs("axi_dma_0", "axi_dma", "xilinx.com:ip:axi_dma:7.1", "7.1", rev="19"))
    set_params(dma, {"C_INCLUDE_MM2S": 1, "c_include_mm2s": 1, "C_INCLUDE_S2MM": 1, "c_include_s2mm": 1,
                     "C_SG_LENGTH_WIDTH": 26, "c_sg_length_width": 26, "C_M_AXI_S2MM_DATA_WIDTH": 32,
                     "c_m_axi_s2mm_data_width": 32, "C_S_AXIS_S2MM_TDATA_WIDTH": 32, "c_s_axis_s2mm_tdata_width": 32,
                     "C_S2MM_BURST_SIZE": 16, "c_s2mm_burst_size": 16, "Component_Name": "dsp_loopback_axi_dma_0_0",
                     "C_BASEADDR": "0x40400000", "C_HIGHADDR": "0x4040FFFF"})
    dports = [port("axi_dma_0", "s_axi_lite_aclk", "I", "processing_system7_0_FCLK_CLK0", "clk", CLKFREQUENCY=100000000),
              port("axi_dma_0", "m_axi_mm2s_aclk", "I", "processing_system7_0_FCLK_CLK0", "clk", CLKFREQUENCY=100000000),
              port("axi_dma_0", "m_axi_s2mm_aclk", "I", "processing_system7_0_FCLK_CLK0", "clk", CLKFREQUENCY=100000000),
              port("axi_dma_0", "axi_resetn", "I", "rst_ps7_0_100M_peripheral_aresetn", "rst")]
    lp, lm, lparams = lite_slave("axi_dma_0", "s_axi_lite_", ic_bus["axi_dma_0"], 10)
    dports += lp
    dbifs = [busif("S_AXI_LITE", "SLAVE", AXIMM, ic_bus["axi_dma_0"], lparams, lm, 32)]
    for ch, bus in (("mm2s", "axi_dma_0_M_AXI_MM2S"), ("s2mm", "axi_dma_0_M_AXI_S2MM")):
        maps = []
        for p in LITE_PORTS:
            phys = "m_axi_%s_%s" % (ch, p)
            dports.append(port("axi_dma_0", phys, "O" if p in LITE_IN else "I", bus + "_" + p.upper()))
            maps.append((p.upper(), phys))
        dbifs.append(busif("M_AXI_" + ch.upper(), "MASTER", AXIMM, bus, [("DATA_WIDTH", 32), ("PROTOCOL", "AXI4"),
                           ("FREQ_HZ", 100000000), ("ADDR_WIDTH", 32), ("MAX_BURST_LENGTH", 16)], maps, 32))
    sp, sm, sparams = axis_ports("axi_dma_0", "m_axis_mm2s_", "axi_dma_0_M_AXIS_MM2S", True, 4, upper=False)
    dports += sp
    dbifs.append(busif("M_AXIS_MM2S", "INITIATOR", AXIS, "axi_dma_0_M_AXIS_MM2S", sparams, sm))
    sp, sm, sparams = axis_ports("axi_dma_0", "s_axis_s2mm_", "fir_0_out_stream", False, 4, upper=False)
    dports += sp
    dbifs.append(busif("S_AXIS_S2MM", "TARGET", AXIS, "fir_0_out_stream", sparams, sm))
    dports += [port("axi_dma_0", "mm2s_introut", "O", "axi_dma_0_mm2s_introut", "INTERRUPT", SENSITIVITY="LEVEL_HIGH"),
               port("axi_dma_0", "s2mm_introut", "O", "axi_dma_0_s2mm_introut", "INTERRUPT", SENSITIVITY="LEVEL_HIGH")]
    dmem = [OrderedDict([("ADDRESSBLOCK", "HP0_DDR_LOWOCM"), ("BASENAME", "C_BASEADDR"), ("BASEVALUE", "0x00000000"),
                         ("HIGHNAME", "C_HIGHADDR"), ("HIGHVALUE", "0x1FFFFFFF"), ("INSTANCE", "processing_system7_0"),
                         ("IS_DATA", "TRUE"), ("IS_INSTRUCTION", "TRUE"), ("MASTERBUSINTERFACE", m), ("MEMTYPE", "MEMORY"),
                         ("SLAVEBUSINTERFACE", "S_AXI_HP0")]) for m in ("M_AXI_MM2S", "M_AXI_S2MM")]
    finish(dma, dports, dbifs, dmem)

    # ---- HLS FIR (ap_ctrl_none) ----
    taps = 8
    fir = module(None, mod_attrs("fir_0", "fir", "xilinx.com:hls:fir:1.0", "1.0", rev="2112574985"))
    fir.append(address_block("s_axi_control", "Reg", 128, "register",
                             [scalar_reg("coef_%d" % i, 0x10 + 8 * i, "write-only") for i in range(taps)]))
    fir.append(el("PARAMETERS", {}, *[el("PARAMETER", {"NAME": k, "VALUE": v}) for k, v in [
        ("C_S_AXI_CONTROL_ADDR_WIDTH", "7"), ("C_S_AXI_CONTROL_DATA_WIDTH", "32"), ("II", "1"),
        ("Component_Name", "dsp_loopback_fir_0_0"), ("clk_period", "10"), ("machine", "64"),
        ("combinational", "0"), ("latency", "9"), ("EDK_IPTYPE", "PERIPHERAL"),
        ("C_S_AXI_CONTROL_BASEADDR", "0x43C00000"), ("C_S_AXI_CONTROL_HIGHADDR", "0x43C0FFFF")]]))
    fp, fm, fparams = lite_slave("fir_0", "s_axi_control_", ic_bus["fir_0"], 7, upper=True)
    fports = fp + clk_rst("fir_0", "ap_clk", "ap_rst_n")
    fbifs = [busif("s_axi_control", "SLAVE", AXIMM, ic_bus["fir_0"], fparams, fm, 32)]
    sp, sm, sparams = axis_ports("fir_0", "in_stream_", "axi_dma_0_M_AXIS_MM2S", False, 4)
    fports += sp
    fbifs.append(busif("in_stream", "TARGET", AXIS, "axi_dma_0_M_AXIS_MM2S", sparams, sm))
    sp, sm, sparams = axis_ports("fir_0", "out_stream_", "fir_0_out_stream", True, 4)
    fports += sp
    fbifs.append(busif("out_stream", "INITIATOR", AXIS, "fir_0_out_stream", sparams, sm))
    finish(fir, fports, fbifs)

    # ---- HLS adder (ap_ctrl_hs) ----
    add = module(None, mod_attrs("add_0", "add", "xilinx.com:hls:add:1.0", "1.0", rev="2112574986"))
    add.append(address_block("s_axi_control", "Reg", 64, "register", hls_ctrl_regs() + [
        reg("ap_return", 0x10, 32, "read-only", 0, "Data signal of ap_return", [("ap_return", 0, 32, "read-only", "Bit 31 to 0 of ap_return")]),
        scalar_reg("a", 0x18, "write-only"), scalar_reg("b", 0x20, "write-only")]))
    add.append(el("PARAMETERS", {}, *[el("PARAMETER", {"NAME": k, "VALUE": v}) for k, v in [
        ("C_S_AXI_CONTROL_ADDR_WIDTH", "6"), ("C_S_AXI_CONTROL_DATA_WIDTH", "32"), ("II", "x"),
        ("Component_Name", "dsp_loopback_add_0_0"), ("clk_period", "10"), ("machine", "64"),
        ("combinational", "0"), ("latency", "0"), ("EDK_IPTYPE", "PERIPHERAL"),
        ("C_S_AXI_CONTROL_BASEADDR", "0x43C10000"), ("C_S_AXI_CONTROL_HIGHADDR", "0x43C1FFFF")]]))
    ap, am, aparams = lite_slave("add_0", "s_axi_control_", ic_bus["add_0"], 6, upper=True)
    aports = ap + clk_rst("add_0", "ap_clk", "ap_rst_n")
    aports.append(port("add_0", "interrupt", "O", "add_0_interrupt", "INTERRUPT", SENSITIVITY="LEVEL_HIGH"))
    finish(add, aports, [busif("s_axi_control", "SLAVE", AXIMM, ic_bus["add_0"], aparams, am, 32),
                         busif("interrupt", "INITIATOR", "xilinx.com:signal:interrupt:1.0", "add_0_interrupt",
                               [("SENSITIVITY", "LEVEL_HIGH")], [("INTERRUPT", "interrupt")])])

    # ---- AXI GPIO: 4 LEDs out on channel 1, 2 switches in on channel 2 ----
    gpio = module(src["/btns_gpio"], mod_attrs("axi_gpio_0", "axi_gpio", "xilinx.com:ip:axi_gpio:2.0", "2.0", rev="20"))
    set_params(gpio, {"C_GPIO_WIDTH": 4, "C_GPIO2_WIDTH": 2, "C_ALL_INPUTS": 0, "C_ALL_OUTPUTS": 1, "C_ALL_INPUTS_2": 1,
                      "C_ALL_OUTPUTS_2": 0, "C_IS_DUAL": 1, "C_INTERRUPT_PRESENT": 1, "C_TRI_DEFAULT": "0xFFFFFFFF",
                      "C_TRI_DEFAULT_2": "0xFFFFFFFF", "Component_Name": "dsp_loopback_axi_gpio_0_0",
                      "C_BASEADDR": "0x41200000", "C_HIGHADDR": "0x4120FFFF"})
    for r in gpio.iter("REGISTER"):
        size = {"GPIO_DATA": 4, "GPIO_TRI": 4, "GPIO2_DATA": 2, "GPIO2_TRI": 2}.get(r.get("NAME"))
        if size:
            for p in r.findall("PROPERTY"):
                if p.get("NAME") == "SIZE":
                    p.set("VALUE", str(size))
            for f in r.iter("FIELD"):
                for p in f.findall("PROPERTY"):
                    if p.get("NAME") == "BIT_WIDTH":
                        p.set("VALUE", str(size))
    gp, gm, gparams = lite_slave("axi_gpio_0", "s_axi_", ic_bus["axi_gpio_0"], 9)
    gports = [port("axi_gpio_0", "s_axi_aclk", "I", "processing_system7_0_FCLK_CLK0", "clk", CLKFREQUENCY=100000000),
              port("axi_gpio_0", "s_axi_aresetn", "I", "rst_ps7_0_100M_peripheral_aresetn", "rst")] + gp
    gports += [port("axi_gpio_0", "ip2intc_irpt", "O", "axi_gpio_0_ip2intc_irpt", "INTERRUPT", SENSITIVITY="LEVEL_HIGH"),
               port("axi_gpio_0", "gpio_io_o", "O", "axi_gpio_0_gpio_io_o", left=3, right=0),
               port("axi_gpio_0", "gpio2_io_i", "I", "sws_2bits_tri_i", left=1, right=0)]
    finish(gpio, gports, [busif("S_AXI", "SLAVE", AXIMM, ic_bus["axi_gpio_0"], gparams, gm, 32),
                          busif("GPIO", "INITIATOR", "xilinx.com:interface:gpio:1.0", "axi_gpio_0_GPIO", [], [("TRI_O", "gpio_io_o")]),
                          busif("GPIO2", "INITIATOR", "xilinx.com:interface:gpio:1.0", "axi_gpio_0_GPIO2", [], [("TRI_I", "gpio2_io_i")])])

    # ---- xlconcat ----
    cc = module(None, mod_attrs("xlconcat_0", "xlconcat", "xilinx.com:ip:xlconcat:2.1", "2.1", rev="1"))
    cc.append(el("PARAMETERS", {}, *([el("PARAMETER", {"NAME": "IN%d_WIDTH" % i, "VALUE": "1"}) for i in range(32)] + [
        el("PARAMETER", {"NAME": "dout_width", "VALUE": "4"}), el("PARAMETER", {"NAME": "NUM_PORTS", "VALUE": "4"}),
        el("PARAMETER", {"NAME": "Component_Name", "VALUE": "dsp_loopback_xlconcat_0_0"}),
        el("PARAMETER", {"NAME": "EDK_IPTYPE", "VALUE": "PERIPHERAL"})])))
    sources = ["axi_dma_0_mm2s_introut", "axi_dma_0_s2mm_introut", "axi_gpio_0_ip2intc_irpt", "add_0_interrupt"]
    cports = [port("xlconcat_0", "In%d" % i, "I", s, "INTERRUPT", left=0, right=0, SENSITIVITY="LEVEL_HIGH")
              for i, s in enumerate(sources)]
    cports.append(port("xlconcat_0", "dout", "O", "xlconcat_0_dout", "INTERRUPT", left=3, right=0, SENSITIVITY="LEVEL_HIGH"))
    finish(cc, cports, [])

    # ---- AXI INTC ----
    intc = module(src["/system_interrupts"], mod_attrs("axi_intc_0", "axi_intc", "xilinx.com:ip:axi_intc:4.1", "4.1", "INTERRUPT_CNTLR", rev="12"))
    set_params(intc, {"C_INSTANCE": "dsp_loopback_axi_intc_0_0", "C_NUM_INTR_INPUTS": 4, "C_KIND_OF_INTR": "0xFFFFFFF0",
                      "C_ASYNC_INTR": "0xFFFFFFF0", "Component_Name": "dsp_loopback_axi_intc_0_0",
                      "C_BASEADDR": "0x41800000", "C_HIGHADDR": "0x4180FFFF"})
    regs = intc.find(".//REGISTERS")
    for r in list(regs):
        name = r.get("NAME")
        if name.startswith("IVAR[") or name.startswith("IVEAR["):
            if int(name[name.index("[") + 1:-1]) >= 4:
                regs.remove(r)
                continue
        if name in ("ISR", "IPR", "IER", "IAR", "SIE", "CIE", "IMR"):
            for p in r.iter("PROPERTY"):
                if p.get("NAME") in ("SIZE", "BIT_WIDTH"):
                    p.set("VALUE", "4")
        if name in ("IVR", "ILR"):
            for p in r.iter("PROPERTY"):
                if p.get("NAME") in ("SIZE", "BIT_WIDTH"):
                    p.set("VALUE", "2")
    ip_, im, iparams = lite_slave("axi_intc_0", "s_axi_", ic_bus["axi_intc_0"], 9)
    iports = [port("axi_intc_0", "s_axi_aclk", "I", "processing_system7_0_FCLK_CLK0", "clk", CLKFREQUENCY=100000000),
              port("axi_intc_0", "s_axi_aresetn", "I", "rst_ps7_0_100M_peripheral_aresetn", "rst")] + ip_
    iports += [port("axi_intc_0", "intr", "I", "xlconcat_0_dout", "INTERRUPT", left=3, right=0, SENSITIVITY="LEVEL_HIGH:LEVEL_HIGH:LEVEL_HIGH:LEVEL_HIGH"),
               port("axi_intc_0", "irq", "O", "axi_intc_0_irq", "INTERRUPT", SENSITIVITY="LEVEL_HIGH")]
    finish(intc, iports, [busif("s_axi", "SLAVE", AXIMM, ic_bus["axi_intc_0"], iparams, im, 32),
                          busif("interrupt", "INITIATOR", "xilinx.com:interface:mbinterrupt:1.0", "__NOC__",
                                [("SENSITIVITY", "LEVEL_HIGH"), ("LOW_LATENCY", "0")], [("INTERRUPT", "irq")])])

    # ---- BRAM controller + BRAM ----
    bc = module(src["/iop_pmoda/mb_bram_ctrl"], mod_attrs("axi_bram_ctrl_0", "axi_bram_ctrl", "xilinx.com:ip:axi_bram_ctrl:4.1", "4.1", "MEMORY_CNTLR", rev="0"))
    set_params(bc, {"C_MEMORY_DEPTH": 2048, "MEM_DEPTH": 2048, "C_BRAM_ADDR_WIDTH": 11, "C_S_AXI_ADDR_WIDTH": 13,
                    "C_S_AXI_PROTOCOL": "AXI4LITE", "PROTOCOL": "AXI4LITE", "Component_Name": "dsp_loopback_axi_bram_ctrl_0_0",
                    "C_S_AXI_BASEADDR": "0x40000000", "C_S_AXI_HIGHADDR": "0x40001FFF"})
    for ab in bc.iter("ADDRESSBLOCK"):
        ab.set("RANGE", "8192")
        for child in list(ab):
            ab.remove(child)
    bp, bm, bparams = lite_slave("axi_bram_ctrl_0", "s_axi_", ic_bus["axi_bram_ctrl_0"], 13)
    bports = [port("axi_bram_ctrl_0", "s_axi_aclk", "I", "processing_system7_0_FCLK_CLK0", "clk", CLKFREQUENCY=100000000),
              port("axi_bram_ctrl_0", "s_axi_aresetn", "I", "rst_ps7_0_100M_peripheral_aresetn", "rst")] + bp
    bram_sigs = [("bram_clk_a", "O", "CLK", None), ("bram_en_a", "O", "EN", None), ("bram_we_a", "O", "WE", 3),
                 ("bram_addr_a", "O", "ADDR", 12), ("bram_wrdata_a", "O", "DIN", 31), ("bram_rddata_a", "I", "DOUT", 31)]
    bmaps = []
    for name, d, logical, left in bram_sigs:
        bports.append(port("axi_bram_ctrl_0", name, d, "axi_bram_ctrl_0_BRAM_PORTA_" + logical, left=left,
                           right=0 if left is not None else None))
        bmaps.append((logical, name))
    finish(bc, bports, [busif("S_AXI", "SLAVE", AXIMM, ic_bus["axi_bram_ctrl_0"], bparams, bm, 32),
                        busif("BRAM_PORTA", "INITIATOR", "xilinx.com:interface:bram:1.0", "axi_bram_ctrl_0_BRAM_PORTA",
                              [("MASTER_TYPE", "BRAM_CTRL"), ("MEM_SIZE", 8192), ("MEM_WIDTH", 32), ("READ_LATENCY", 1)], bmaps)])
    mem = module(None, mod_attrs("axi_bram_ctrl_0_bram", "blk_mem_gen", "xilinx.com:ip:blk_mem_gen:8.4", "8.4", "MEMORY", rev="2"))
    mem.append(el("PARAMETERS", {}, *[el("PARAMETER", {"NAME": k, "VALUE": v}) for k, v in [
        ("C_FAMILY", "zynq"), ("C_MEM_TYPE", "2"), ("C_WRITE_WIDTH_A", "32"), ("C_WRITE_DEPTH_A", "2048"),
        ("C_READ_WIDTH_A", "32"), ("C_READ_DEPTH_A", "2048"), ("Component_Name", "dsp_loopback_axi_bram_ctrl_0_bram_0"),
        ("Memory_Type", "True_Dual_Port_RAM"), ("EDK_IPTYPE", "PERIPHERAL")]]))
    mports, mmaps = [], []
    for name, d, logical, left in bram_sigs:
        phys = {"CLK": "clka", "EN": "ena", "WE": "wea", "ADDR": "addra", "DIN": "dina", "DOUT": "douta"}[logical]
        mports.append(port("axi_bram_ctrl_0_bram", phys, "O" if d == "I" else "I", "axi_bram_ctrl_0_BRAM_PORTA_" + logical,
                           left=left, right=0 if left is not None else None))
        mmaps.append((logical, phys))
    finish(mem, mports, [busif("BRAM_PORTA", "TARGET", "xilinx.com:interface:bram:1.0", "axi_bram_ctrl_0_BRAM_PORTA",
                               [("MEM_SIZE", 8192), ("MEM_WIDTH", 32)], mmaps)])

    # ---- connections: every port lists the other members of its net ----
    ext = {"leds_4bits_tri_o": ("O", 3, "axi_gpio_0_gpio_io_o"), "sws_2bits_tri_i": ("I", 1, "sws_2bits_tri_i")}
    for m in modules.values():
        inst = m.get("INSTANCE")
        for p in m.find("PORTS"):
            members = [x for x in nets.get(p.get("SIGNAME"), []) if x != (inst, p.get("NAME"))]
            if members:
                cs = el("CONNECTIONS")
                for i, n in members:
                    cs.append(el("CONNECTION", {"INSTANCE": i, "PORT": n}))
                p.append(cs)
    root = el("EDKSYSTEM", {"EDWVERSION": "1.2", "TIMESTAMP": "Sat Nov 21 05:30:00 2026", "VIVADOVERSION": "2022.1"})
    root.append(el("SYSTEMINFO", {"ARCH": "zynq", "BOARD": "www.digilentinc.com:pynq-z1:part0:1.0", "DEVICE": "7z020",
                                  "NAME": "dsp_loopback", "PACKAGE": "clg400", "SPEEDGRADE": "-1"}))
    eps = el("EXTERNALPORTS")
    for name, (d, left, sig) in ext.items():
        p = el("PORT", {"DIR": d, "LEFT": str(left), "NAME": name, "RIGHT": "0", "SIGIS": "undef", "SIGNAME": sig})
        cs = el("CONNECTIONS")
        for i, n in nets[sig]:
            cs.append(el("CONNECTION", {"INSTANCE": i, "PORT": n}))
        p.append(cs)
        eps.append(p)
    root.append(eps)
    root.append(el("EXTERNALINTERFACES"))
    ms = el("MODULES")
    for m in modules.values():
        ms.append(m)
    root.append(ms)
    write_hwh(root, OUT / "dsp_loopback.hwh")
    write_bit(OUT / "dsp_loopback.bit")


def write_hwh(root, path):
    lines = ['<?xml version="1.0" encoding="UTF-8" standalone="no" ?>']

    def emit(e, depth):
        ind = "  " * depth
        attrs = "".join(' %s="%s"' % (k, xml_escape(v)) for k, v in e.attrib.items())
        children = list(e)
        if not children:
            lines.append("%s<%s%s/>" % (ind, e.tag, attrs))
            return
        lines.append("%s<%s%s>" % (ind, e.tag, attrs))
        for c in children:
            emit(c, depth + 1)
            if depth == 0:
                lines.append("")
        lines.append("%s</%s>" % (ind, e.tag))

    lines.append('<EDKSYSTEM%s>' % "".join(' %s="%s"' % (k, v) for k, v in root.attrib.items()))
    lines.append("")
    for c in root:
        emit(c, 1)
        lines.append("")
    lines.append("</EDKSYSTEM>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xef\xbb\xbf" + ("\n".join(lines) + "\n").encode("utf-8"))


def xml_escape(v):
    return str(v).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_bit(path):
    """A .bit with Xilinx's header (PYNQ parse_bit_header's fields) and a placeholder configuration."""
    def field(key, text):
        data = text.encode("ascii") + b"\x00"
        return bytes([key]) + struct.pack(">H", len(data)) + data
    # Dummy words, the bus-width detection pattern and the sync word, then NOOPs: not a real configuration.
    payload = b"\xff" * 32 + bytes.fromhex("000000bb11220044") + b"\xff" * 8 + bytes.fromhex("aa995566") \
        + bytes.fromhex("20000000") * 56
    head = struct.pack(">H", 9) + bytes.fromhex("0ff00ff00ff00ff000") + struct.pack(">H", 1)
    head += field(0x61, "dsp_loopback;UserID=0XFFFFFFFF;Version=2022.1")
    head += field(0x62, "7z020clg400")
    head += field(0x63, "2026/11/21")
    head += field(0x64, "05:30:00")
    head += b"\x65" + struct.pack(">I", len(payload))
    path.write_bytes(head + payload)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/testdata/hwh/pynqz1_base.hwh")
