package io.jynq.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.jynq.metadata.MetadataCache;
import io.jynq.testing.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./jynq hwh} and {@code ./jynq bit} as a user runs them: output, exit code, errors. */
class MetadataCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void hwhPrintsIpTableWithAddressesAndInterruptsAndTheHierarchyTree() {
        assertEquals(0, run(new HwhCommand(), SharedData.hwh("pynqz1_base.hwh").toString()));
        String text = out.toString();
        assertTrue(Pattern.compile("(?m)^btns_gpio +xilinx.com:ip:axi_gpio:2.0 +0x41210000 +64K +ip2intc_irpt -> system_interrupts\\[11\\]$")
                .matcher(text).find(), text);
        assertTrue(text.contains("system_interrupts -> PS[0] IRQ 61"), text);
        assertTrue(text.contains("zynq 7z020clg400-1"), text);
        assertTrue(text.contains("video\n├── axi_vdma\n├── hdmi_in/\n│   ├── color_convert\n│   ├── frontend/\n"), text);
    }

    @Test
    void hwhJsonIsPynqShaped() {
        assertEquals(0, run(new HwhCommand(), SharedData.hwh("ultra96_sensors96b.hwh").toString(), "--json"));
        var json = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals(121, json.getAsJsonObject("interrupt_pins").getAsJsonObject("axi_uart16550_0/ip2intc_irpt")
                .get("raw_irq").getAsInt());
    }

    @Test
    void hwhBadFileIsOneLineAndExitCode1(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("cut.hwh"), "<EDKSYSTEM><MODULES>");
        assertEquals(1, run(new HwhCommand(), f.toString()));
        // a message that starts with its place is printed as is, as compilers do (CliCommand)
        assertEquals(f + ":1:21: unexpected end of file; expected </MODULES> closing the element at line 1, column 12",
                err.toString().strip());
    }

    @Test
    void bitPrintsHeaderAndWritesBin(@TempDir Path tmp) throws IOException {
        Path bin = tmp.resolve("base.bin");
        assertEquals(0, run(new BitCommand(), SharedData.bit("pynqz1_base.bit").toString(), "--bin", bin.toString()));
        assertTrue(out.toString().contains("design       base_wrapper"), out.toString());
        assertTrue(out.toString().contains("4,045,564 bytes at byte 108"), out.toString());
        assertEquals("0acfc7b9c77ac92161be1bb6f22c67f79683631ed344880365b91a2f4f4b0ffb",
                MetadataCache.sha256(Files.readAllBytes(bin)));
    }

    @Test
    void bitGivenAnHwhSaysSo() {
        assertEquals(1, run(new BitCommand(), SharedData.hwh("ultra96_sensors96b.hwh").toString()));
        assertTrue(err.toString().contains("byte 0: this is XML (a .hwh?), not a .bit"), err.toString());
    }
}
