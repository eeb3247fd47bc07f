package io.jynq.kernel.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PYNQ's Python names and what JYNQ calls them, for the hint a compile error gives when a cell
 * uses the Python name ({@code ol.ip_dict} is "cannot find symbol": the hint says
 * {@code ipDict()}). README's table "PYNQ names in JYNQ" is this table; a test keeps them equal.
 */
public final class PynqNames {
    /** PYNQ name to JYNQ name, in README's order. */
    public static final Map<String, String> TABLE = table();

    private static final Pattern SYMBOL = Pattern.compile("symbol:\\s+(?:variable|method|class)\\s+(\\w+)");

    private PynqNames() {
    }

    private static Map<String, String> table() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ip_dict", "ipDict()");
        m.put("gpio_dict", "gpioDict()");
        m.put("interrupt_pins", "interruptPins()");
        m.put("interrupt_controllers", "interruptControllers()");
        m.put("hierarchy_dict", "hierarchyDict()");
        m.put("mem_dict", "memDict()");
        m.put("clock_dict", "clockDict()");
        m.put("is_loaded", "isLoaded()");
        m.put("bitfile_name", "bitfileName()");
        m.put("register_map", "registers()");
        m.put("sendchannel", "sendChannel()");
        m.put("recvchannel", "recvChannel()");
        m.put("wait", "await() (or await(Duration))");
        m.put("wait_async", "awaitAsync()");
        m.put("transferred", "transferred()");
        m.put("physical_address", "physicalAddress()");
        m.put("freebuffer", "close()");
        m.put("sync_to_device", "flush()");
        m.put("sync_from_device", "invalidate()");
        m.put("MMIO", "Mmio");
        m.put("allocate", "Buffers.allocate(...)");
        m.put("DefaultIP", "DefaultIp");
        m.put("DMA", "AxiDma");
        m.put("AxiGPIO", "AxiGpio");
        m.put("pr_download", "prDownload(region, bit)");
        m.put("pr_dict", "prDict()");
        m.put("load_ip_data", "loadIpData(ip, bytesOrPath)");
        m.put("timestamp", "timestamp()");
        m.put("channel1", "channel1()");
        m.put("setdirection", "setDirection(Direction.INPUT)");
        m.put("setlength", "setLength(n)");
        m.put("wait_for_value", "waitForValue(v)");
        m.put("wait_for_value_async", "onValue(v)");
        m.put("halted", "halted()");
        m.put("cpu_mhz", "Clocks.cpuMhz()");
        m.put("fclk0_mhz", "Clocks.fclkMhz(0)");
        m.put("fclk1_mhz", "Clocks.fclkMhz(1)");
        m.put("fclk2_mhz", "Clocks.fclkMhz(2)");
        m.put("fclk3_mhz", "Clocks.fclkMhz(3)");
        m.put("set_pl_clk", "Clocks.setFclkDivisors(i, d0, d1)");
        m.put("get_gpio_pin", "Gpio.psPin(i, Direction.OUTPUT)");
        m.put("GPIO", "Gpio");
        m.put("RGBLED", "Rgbled");
        m.put("checkhierarchy", "checkHierarchy(Hierarchy)");
        m.put("bindto", "@BindTo(\"vendor:library:name:version\")");
        m.put("print", "System.out.println(...)");
        return m;
    }

    /**
     * The hint for one javac diagnostic, if it names a PYNQ name that JYNQ spells otherwise.
     *
     * @param message javac's message, e.g. "cannot find symbol\n  symbol: variable ip_dict\n ..."
     * @return e.g. {@code "hint: PYNQ's ip_dict is ipDict() in JYNQ"}
     */
    public static Optional<String> hint(String message) {
        Matcher m = SYMBOL.matcher(message);
        if (!message.contains("cannot find symbol") || !m.find()) {
            return Optional.empty();
        }
        String jynq = TABLE.get(m.group(1));
        return jynq == null ? Optional.empty() : Optional.of("hint: PYNQ's " + m.group(1) + " is " + jynq + " in JYNQ");
    }

    /**
     * The hint for an exception a cell threw, if it is PYNQ's {@code wait()} habit: in Java
     * {@code channel.wait()} is {@code Object.wait}, which throws IllegalMonitorStateException.
     */
    public static Optional<String> runtimeHint(Throwable t, String source) {
        if (t instanceof IllegalMonitorStateException && source != null && source.contains(".wait()")) {
            return Optional.of("hint: PYNQ's wait() is await() in JYNQ (Java's wait() is Object.wait): "
                    + "dma.sendChannel().await() waits up to the default deadline, await(Duration.ofSeconds(5)) as long as you say");
        }
        return Optional.empty();
    }
}
