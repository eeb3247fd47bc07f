package io.jynq.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.metadata.HwhParser;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.render.MimeBundle;
import io.jynq.render.ProgressState;
import io.jynq.render.Renderers;
import io.jynq.testing.SharedData;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a cell shows for the object model: HTML with a text/plain fallback, from the one registry. */
class ModelRenderersTest {

    private static OverlayMetadata dspLoopback() throws Exception {
        try (InputStream in = ModelRenderersTest.class.getResourceAsStream("/io/jynq/overlays/dsp_loopback/dsp_loopback.hwh")) {
            return HwhParser.parse(in.readAllBytes(), "dsp_loopback.hwh");
        }
    }

    @Test
    void aMagicViewIsHtmlWithItsTextBeside() {
        MimeBundle d = Renderers.render(new View("<b>x</b>", "x"));
        assertEquals("<b>x</b>", d.get(MimeBundle.HTML));
        assertEquals("x", d.text());
    }

    @Test
    void anIpDescriptionShowsItsRegisterMapWithLeftAlignedText() throws Exception {
        IpDescription add = dspLoopback().ip("add_0");
        MimeBundle d = Renderers.render(add);
        String html = d.get(MimeBundle.HTML);
        assertTrue(html.contains("ap_return"), html);
        // Jupyter right-aligns table cells by default; words like read-write then wrap
        assertTrue(html.contains("<td style=\"text-align:left\">read-write</td>"), html);
        assertTrue(d.text().startsWith("add_0 xilinx.com:hls:add:1.0 at 0x43C10000"));
    }

    @Test
    void ipDictIsATableWithOneRowPerEntryPsIncluded() throws Exception {
        OverlayMetadata md = dspLoopback();
        Map<String, IpDescription> ipDict = md.ipDict();
        MimeBundle d = Renderers.render(ipDict);
        String html = d.get(MimeBundle.HTML);
        assertEquals(ipDict.size(), html.split("<tr>", -1).length - 2, html); // header row + one per IP
        assertTrue(d.text().startsWith(ipDict.size() + " IP\nIP "), d.text());
        assertTrue(d.text().contains("axi_dma_0"), d.text());
        assertTrue(d.text().contains("(processing system)"), d.text());
    }

    @Test
    void interruptPinsAreATableNotRecords() throws Exception {
        MimeBundle d = Renderers.render(dspLoopback().interruptPins());
        assertTrue(d.text().contains("controller"), d.text());
        assertTrue(!d.text().contains("InterruptPin["), d.text());
        assertTrue(!d.text().contains("rawIrq=null"), d.text());
    }

    /** Issue 16's "Display" on a real design: each of PYNQ's dictionaries is a table, one row per entry. */
    @Test
    void thePynqZ1BaseDictionariesAreTablesWithARowPerEntry() {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh("pynqz1_base.hwh"));
        Map<String, Map<String, ?>> dicts = new java.util.LinkedHashMap<>();
        dicts.put("IP", md.ipDict());
        dicts.put("interrupt pins", md.interruptPins());
        dicts.put("PS GPIO", md.gpioDict());
        dicts.put("hierarchies", md.hierarchyDict());
        dicts.forEach((title, dict) -> {
            assertTrue(dict.size() >= 7, title + " is a real dictionary: " + dict.size());
            MimeBundle d = Renderers.render(dict);
            String html = d.get(MimeBundle.HTML);
            assertTrue(html != null && html.contains("<table"), title + ": " + d.text());
            assertEquals(dict.size(), html.split("<tr>", -1).length - 2, title + ": a header row and one per entry");
            assertTrue(d.text().startsWith(dict.size() + " " + title + "\n"), d.text());
            assertTrue(d.text().lines().count() > dict.size(), "text/plain is a table too, not one Map.toString line");
            dict.keySet().forEach(k -> assertTrue(d.text().contains(k), title + " lists " + k));
        });
    }

    @Test
    void otherMapsStayMapToString() {
        assertEquals("{a=1}", Renderers.render(Map.of("a", 1)).text());
        assertEquals("{}", Renderers.render(Map.of()).text());
    }

    @Test
    void aProgressFrameIsABar() {
        MimeBundle d = Renderers.render(new ProgressState("download", 1, 2, false, 1_000_000L, false));
        assertTrue(d.get(MimeBundle.HTML).contains("progress"), d.get(MimeBundle.HTML));
        assertTrue(d.text().contains("50%"), d.text());
    }
}
