package io.jynq.drivers.hls;

import io.jynq.buffer.ContiguousBuffer;
import io.jynq.error.HardwareTimeoutException;
import io.jynq.ip.HlsCtrlLayout;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.RegisterDescription;
import io.jynq.overlay.BindTo;
import io.jynq.overlay.DefaultIp;
import io.jynq.overlay.Deadline;
import io.jynq.overlay.Overlay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Driver of a Vitis HLS IP with an {@code s_axilite} control interface, bound to every IP of
 * library {@code hls}. With the {@code ap_ctrl_hs} protocol ({@code CTRL} at 0x00, UG1399
 * "S_AXILITE Control Register Map") a function is called like a Java method; PYNQ dropped
 * {@code call} on boards, JYNQ keeps it.
 * <pre>{@code
 * HlsIp add = ol.ip("add_0", HlsIp.class);
 * long s = add.call(3, 4);                               // 7: writes a, b, AP_START, waits for AP_DONE
 * HlsCall run = add.start(3, 4);  ...  run.await(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>Arguments are the registers at offset 0x10 and above except {@code ap_return}, in offset
 * order, with their {@code .hwh} names ({@link #args()}). A 64-bit argument is one 64-bit register
 * or a {@code name_1}/{@code name_2} pair (low word first). Accepted values: integers (they must
 * fit the register, signed or unsigned), {@code Boolean}, {@code Float} (32-bit registers) and
 * {@code Double} (64-bit), and {@link ContiguousBuffer}s, passed by physical address. Every
 * argument is checked before any register is written. An {@code ap_ctrl_chain} IP ({@link #chained()})
 * is called the same way: {@link HlsCall#await} writes AP_CONTINUE after AP_DONE.
 */
@BindTo("*:hls:*:*")
public class HlsIp extends DefaultIp {
    private final List<HlsArg> args;
    private final RegisterDescription returnRegister;
    private final boolean handshake;
    private final boolean chain;

    public HlsIp(Overlay overlay, IpDescription description) {
        super(overlay, description);
        Map<String, RegisterDescription> regs = description.registers();
        handshake = regs.containsKey("CTRL") && regs.get("CTRL").fields().containsKey("AP_START");
        chain = handshake && regs.get("CTRL").fields().containsKey("AP_CONTINUE");
        returnRegister = regs.get("ap_return");
        args = Collections.unmodifiableList(findArgs(regs));
    }

    private static List<HlsArg> findArgs(Map<String, RegisterDescription> regs) {
        List<RegisterDescription> sorted = new ArrayList<>();
        for (RegisterDescription r : regs.values()) {
            if (r.byteOffset() >= HlsCtrlLayout.ARGS_BASE && !r.name().equals("ap_return")) {
                sorted.add(r);
            }
        }
        sorted.sort((a, b) -> Long.compare(a.byteOffset(), b.byteOffset()));
        Map<String, HlsArg> out = new LinkedHashMap<>();
        for (RegisterDescription r : sorted) {
            String n = r.name();
            if (n.endsWith("_2") && out.containsKey(n.substring(0, n.length() - 2))) {
                HlsArg lo = out.get(n.substring(0, n.length() - 2));
                out.put(lo.name(), new HlsArg(lo.name(), lo.byteOffset(), r.byteOffset(), 64));
            } else if (n.endsWith("_1") && regs.containsKey(n.substring(0, n.length() - 2) + "_2")) {
                out.put(n.substring(0, n.length() - 2), new HlsArg(n.substring(0, n.length() - 2), r.byteOffset(), -1, 32));
            } else {
                out.put(n, new HlsArg(n, r.byteOffset(), -1, r.sizeBits() > 32 ? 64 : 32));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The arguments in call order. */
    public List<HlsArg> args() {
        return args;
    }

    /**
     * Whether the IP uses {@code ap_ctrl_chain} (its CTRL register has an AP_CONTINUE field, bit 4,
     * UG1399 "S_AXILITE Control Register Map"): after AP_DONE it holds its result, busy, until
     * AP_CONTINUE is written. {@link HlsCall#await} writes it, so {@link #call} works as for
     * {@code ap_ctrl_hs}.
     */
    public boolean chained() {
        return chain;
    }

    /**
     * Writes AP_CONTINUE (ap_ctrl_chain): lets an IP that finished go idle, or start the AP_START
     * written meanwhile. {@link HlsCall#await} does this itself; this is for calls made by
     * register writes.
     *
     * @throws IllegalStateException if the IP is not {@code ap_ctrl_chain}
     */
    public synchronized void apContinue() {
        if (!chain) {
            throw new IllegalStateException(name() + " is not ap_ctrl_chain (no CTRL.AP_CONTINUE in its .hwh)");
        }
        int ctrl = mmio().read32(HlsCtrlLayout.CTRL);
        mmio().write32(HlsCtrlLayout.CTRL, HlsCtrlLayout.AP_CONTINUE | (ctrl & HlsCtrlLayout.AUTO_RESTART));
    }

    /** Whether the IP has the {@code ap_ctrl_hs} handshake (a CTRL register with AP_START); {@code ap_ctrl_none} IP runs on its own. */
    public boolean hasHandshake() {
        return handshake;
    }

    /**
     * Calls the function: {@code start(args)} then {@code await(timeout)} of one second.
     *
     * @return {@code ap_return} sign-extended, or 0 without a return value
     * @throws IllegalArgumentException for a wrong number or type of arguments (nothing is written)
     * @throws IllegalStateException if the IP has no handshake or is still busy
     * @throws HardwareTimeoutException if it does not finish within 1 s
     */
    public long call(Object... values) {
        return start(values).await(Duration.ofSeconds(1));
    }

    /**
     * Writes the arguments and sets AP_START; returns at once.
     *
     * @throws IllegalArgumentException for a wrong number or type of arguments (nothing is written)
     * @throws IllegalStateException if the IP has no handshake or is still busy (nothing is written)
     */
    public synchronized HlsCall start(Object... values) {
        if (!handshake) {
            throw new IllegalStateException(name() + " has no ap_ctrl_hs handshake (no CTRL.AP_START in its .hwh);"
                    + " it runs by itself: set its registers with registers().write(name, value)");
        }
        long[][] words = encode(values);
        int ctrl = mmio().read32(HlsCtrlLayout.CTRL);
        if ((ctrl & HlsCtrlLayout.AP_START) != 0 || (ctrl & HlsCtrlLayout.AP_IDLE) == 0) {
            throw new IllegalStateException(name() + " is busy (" + describeCtrl(ctrl) + "); await the running call first,"
                    + " or reset() the IP if it never finishes"
                    + (chain && (ctrl & HlsCtrlLayout.AP_START) == 0 ? " (ap_ctrl_chain: a finished call waits for apContinue())" : ""));
        }
        for (long[] w : words) {
            mmio().write32(w[0], (int) w[1]);
        }
        mmio().write32(HlsCtrlLayout.CTRL, HlsCtrlLayout.AP_START | (ctrl & HlsCtrlLayout.AUTO_RESTART));
        return new HlsCall(this);
    }

    /** Checks and converts every argument to {offset, word} pairs; touches no register. */
    private long[][] encode(Object[] values) {
        if (values.length != args.size()) {
            throw new IllegalArgumentException(name() + " takes " + args.size() + " argument" + (args.size() == 1 ? "" : "s")
                    + " " + argNames() + ", got " + values.length);
        }
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            HlsArg a = args.get(i);
            long v = toBits(i, a, values[i]);
            out.add(new long[] {a.byteOffset(), v & 0xFFFF_FFFFL});
            if (a.widthBits() == 64) {
                long high = a.highOffset() >= 0 ? a.highOffset() : a.byteOffset() + 4;
                out.add(new long[] {high, v >>> 32});
            }
        }
        return out.toArray(new long[0][]);
    }

    private long toBits(int index, HlsArg a, Object value) {
        String where = "argument " + (index + 1) + " (" + a.name() + ", " + a.widthBits() + " bits) of " + name();
        if (value instanceof ContiguousBuffer) {
            ContiguousBuffer b = (ContiguousBuffer) value;
            if (b.isClosed()) {
                throw new IllegalArgumentException(where + " is a closed buffer");
            }
            long p = b.physicalAddress();
            if (a.widthBits() == 32 && (p >>> 32) != 0) {
                throw new IllegalArgumentException(where + ": buffer address 0x" + Long.toHexString(p) + " needs 64 bits");
            }
            return p;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            if (a.widthBits() == 32 && (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL)) {
                throw new IllegalArgumentException(where + ": " + v + " does not fit in 32 bits");
            }
            return v;
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1 : 0;
        }
        if (value instanceof Float && a.widthBits() == 32) {
            return Float.floatToRawIntBits((Float) value);
        }
        if (value instanceof Double && a.widthBits() == 64) {
            return Double.doubleToRawLongBits((Double) value);
        }
        throw new IllegalArgumentException(where + ": expected an integer, boolean, "
                + (a.widthBits() == 32 ? "float" : "double") + " or ContiguousBuffer, got "
                + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
    }

    long awaitDone(Duration timeout) {
        Deadline d = Deadline.after(timeout);
        while (true) {
            int ctrl = mmio().read32(HlsCtrlLayout.CTRL);
            if ((ctrl & HlsCtrlLayout.AP_DONE) != 0
                    || ((ctrl & HlsCtrlLayout.AP_IDLE) != 0 && (ctrl & HlsCtrlLayout.AP_START) == 0)) {
                break;
            }
            if (d.expired()) {
                Map<String, Long> regs = new LinkedHashMap<>();
                regs.put("CTRL", (long) ctrl & 0xFFFF_FFFFL);
                regs.put("IP_ISR", read(HlsCtrlLayout.IP_ISR));
                throw new HardwareTimeoutException(name() + " did not finish in " + timeout + ": " + describeCtrl(ctrl)
                        + overlay().device().waitReport() + "; await again, or reset() the IP to abandon the call",
                        timeout, regs);
            }
            d.pause(name());
        }
        if (chain) {
            apContinue();  // ap_ctrl_chain: the result is taken, the IP may go idle
        }
        int isr = mmio().read32(HlsCtrlLayout.IP_ISR);
        if ((isr & HlsCtrlLayout.ISR_AP_DONE) != 0) {
            mmio().write32(HlsCtrlLayout.IP_ISR, HlsCtrlLayout.ISR_AP_DONE);
        }
        if (returnRegister == null) {
            return 0;
        }
        int w = returnRegister.sizeBits();
        if (w > 32) {
            return mmio().read64(returnRegister.byteOffset());
        }
        long raw = mmio().read32(returnRegister.byteOffset()) & 0xFFFF_FFFFL;
        return w >= 32 ? (int) raw : (raw << (64 - w)) >> (64 - w);
    }

    /**
     * Resets the IP, as a pulse on its {@code ap_rst_n}: the call in flight is abandoned, every
     * register (arguments included) returns to its reset value and CTRL shows AP_IDLE, so
     * {@link #start} works again. The way out of a call that timed out and never finishes (a
     * core waiting for stream input that never comes, say).
     *
     * @throws UnsupportedOperationException on a backend that cannot reset one IP (a board, whose
     *     HLS cores share the PL reset: download the overlay again there)
     * @throws io.jynq.device.DeviceException if the PL no longer holds this IP
     */
    public synchronized void reset() {
        mmio().read32(HlsCtrlLayout.CTRL);  // a handle from a replaced design fails here, naming what the PL holds
        overlay().device().resetIp(description());
    }

    static String describeCtrl(int ctrl) {
        StringBuilder sb = new StringBuilder("CTRL=0x").append(Integer.toHexString(ctrl)).append(':');
        sb.append((ctrl & HlsCtrlLayout.AP_START) != 0 ? " AP_START" : "");
        sb.append((ctrl & HlsCtrlLayout.AP_DONE) != 0 ? " AP_DONE" : "");
        sb.append((ctrl & HlsCtrlLayout.AP_IDLE) != 0 ? " AP_IDLE" : " not idle");
        sb.append((ctrl & HlsCtrlLayout.AP_READY) != 0 ? " AP_READY" : "");
        sb.append((ctrl & HlsCtrlLayout.AUTO_RESTART) != 0 ? " AUTO_RESTART" : "");
        return sb.toString();
    }

    private List<String> argNames() {
        List<String> n = new ArrayList<>();
        args.forEach(a -> n.add(a.name()));
        return n;
    }

    /** One line, e.g. {@code HlsIp[add_0 @ 0x43c10000, add(a, b), idle]}. */
    @Override
    public String toString() {
        String state = handshake ? ((mmio().read32(HlsCtrlLayout.CTRL) & HlsCtrlLayout.AP_IDLE) != 0 ? "idle" : "busy") : "free-running";
        return "HlsIp[" + name() + " @ 0x" + Long.toHexString(physicalAddress()) + ", "
                + (vlnv() == null ? name() : vlnv().name()) + "(" + String.join(", ", argNames()) + "), " + state + "]";
    }
}
