package io.jynq.ffi.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ABI in {@link GpioUapi} against the kernel's own header: gcc compiles a program that prints
 * the ioctl numbers, sizes and offsets of {@code <linux/gpio.h>} (Debian's linux-libc-dev), and
 * every one must equal ours. Skips with a message where gcc or the header is missing.
 */
class GpioUapiHeaderTest {
    private static final Path HEADER = Path.of("/usr/include/linux/gpio.h");

    @TempDir
    Path dir;

    @Test
    void everyNumberMatchesLinuxGpioH() throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(HEADER), "skipped: " + HEADER + " is missing (apt-get install linux-libc-dev)");
        String c = String.join("\n",
                "#include <stdio.h>",
                "#include <stddef.h>",
                "#include <linux/gpio.h>",
                "#define P(n, v) printf(\"%s %llu\\n\", n, (unsigned long long)(v))",
                "int main(void) {",
                "  P(\"GET_CHIPINFO\", GPIO_GET_CHIPINFO_IOCTL);",
                "  P(\"GET_LINE\", GPIO_V2_GET_LINE_IOCTL);",
                "  P(\"LINE_GET_VALUES\", GPIO_V2_LINE_GET_VALUES_IOCTL);",
                "  P(\"LINE_SET_VALUES\", GPIO_V2_LINE_SET_VALUES_IOCTL);",
                "  P(\"CHIPINFO_SIZE\", sizeof(struct gpiochip_info));",
                "  P(\"CHIPINFO_LINES\", offsetof(struct gpiochip_info, lines));",
                "  P(\"LINE_REQUEST_SIZE\", sizeof(struct gpio_v2_line_request));",
                "  P(\"LINE_VALUES_SIZE\", sizeof(struct gpio_v2_line_values));",
                "  P(\"REQ_CONSUMER\", offsetof(struct gpio_v2_line_request, consumer));",
                "  P(\"REQ_CONFIG_FLAGS\", offsetof(struct gpio_v2_line_request, config.flags));",
                "  P(\"REQ_CONFIG_NUM_ATTRS\", offsetof(struct gpio_v2_line_request, config.num_attrs));",
                "  P(\"REQ_CONFIG_ATTR0\", offsetof(struct gpio_v2_line_request, config.attrs[0]));",
                "  P(\"ATTR_VALUES\", offsetof(struct gpio_v2_line_config_attribute, attr.values));",
                "  P(\"ATTR_MASK\", offsetof(struct gpio_v2_line_config_attribute, mask));",
                "  P(\"REQ_NUM_LINES\", offsetof(struct gpio_v2_line_request, num_lines));",
                "  P(\"REQ_EVENT_BUFFER_SIZE\", offsetof(struct gpio_v2_line_request, event_buffer_size));",
                "  P(\"REQ_FD\", offsetof(struct gpio_v2_line_request, fd));",
                "  P(\"FLAG_INPUT\", GPIO_V2_LINE_FLAG_INPUT);",
                "  P(\"FLAG_OUTPUT\", GPIO_V2_LINE_FLAG_OUTPUT);",
                "  P(\"ATTR_ID_OUTPUT_VALUES\", GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES);",
                "  return 0;",
                "}", "");
        Path src = Files.writeString(dir.resolve("uapi.c"), c);
        Path exe = dir.resolve("uapi");
        Process cc;
        try {
            cc = new ProcessBuilder("gcc", "-o", exe.toString(), src.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "skipped: gcc is not installed: " + e.getMessage());
            return;
        }
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(), ccOut);
        Process run = new ProcessBuilder(exe.toString()).start();
        Map<String, Long> header = new HashMap<>();
        for (String line : new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            String[] kv = line.split(" ");
            header.put(kv[0], Long.parseUnsignedLong(kv[1]));
        }
        assertEquals(0, run.waitFor());
        assertEquals(header.get("GET_CHIPINFO"), GpioUapi.GET_CHIPINFO);
        assertEquals(header.get("GET_LINE"), GpioUapi.GET_LINE);
        assertEquals(header.get("LINE_GET_VALUES"), GpioUapi.LINE_GET_VALUES);
        assertEquals(header.get("LINE_SET_VALUES"), GpioUapi.LINE_SET_VALUES);
        assertEquals(header.get("CHIPINFO_SIZE"), GpioUapi.CHIPINFO_SIZE);
        assertEquals(header.get("CHIPINFO_LINES"), 2L * GpioUapi.NAME_SIZE);
        assertEquals(header.get("LINE_REQUEST_SIZE"), GpioUapi.LINE_REQUEST_SIZE);
        assertEquals(header.get("LINE_VALUES_SIZE"), GpioUapi.LINE_VALUES_SIZE);
        assertEquals(header.get("REQ_CONSUMER"), GpioUapi.REQ_CONSUMER);
        assertEquals(header.get("REQ_CONFIG_FLAGS"), GpioUapi.REQ_CONFIG_FLAGS);
        assertEquals(header.get("REQ_CONFIG_NUM_ATTRS"), GpioUapi.REQ_CONFIG_NUM_ATTRS);
        assertEquals(header.get("REQ_CONFIG_ATTR0"), GpioUapi.REQ_CONFIG_ATTR0);
        assertEquals(header.get("ATTR_VALUES"), 8L, "values sit 8 bytes into an attribute");
        assertEquals(header.get("ATTR_MASK"), 16L, "the mask 16 bytes in");
        assertEquals(header.get("REQ_NUM_LINES"), GpioUapi.REQ_NUM_LINES);
        assertEquals(header.get("REQ_EVENT_BUFFER_SIZE"), GpioUapi.REQ_EVENT_BUFFER_SIZE);
        assertEquals(header.get("REQ_FD"), GpioUapi.REQ_FD);
        assertEquals(header.get("FLAG_INPUT"), GpioUapi.FLAG_INPUT);
        assertEquals(header.get("FLAG_OUTPUT"), GpioUapi.FLAG_OUTPUT);
        assertEquals(header.get("ATTR_ID_OUTPUT_VALUES"), GpioUapi.ATTR_ID_OUTPUT_VALUES);
    }
}
