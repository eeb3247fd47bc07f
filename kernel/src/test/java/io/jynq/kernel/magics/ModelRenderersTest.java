package io.jynq.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.magics.View;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.render.ProgressState;
import java.io.InputStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

/** What the kernel publishes for the object model: HTML with a text/plain fallback. */
class ModelRenderersTest {
    private final Renderer renderer = new Renderer();

    ModelRenderersTest() {
        ModelRenderers.register(renderer);
    }

    @Test
    void aMagicViewIsHtmlWithItsTextBeside() {
        DisplayData d = renderer.render(new View("<b>x</b>", "x"));
        assertEquals("<b>x</b>", d.getData(MIMEType.TEXT_HTML));
        assertEquals("x", d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void anIpDescriptionShowsItsRegisterMap() throws Exception {
        OverlayMetadata md;
        try (InputStream in = getClass().getResourceAsStream("/io/jynq/overlays/dsp_loopback/dsp_loopback.hwh")) {
            md = HwhParser.parse(in.readAllBytes(), "dsp_loopback.hwh");
        }
        IpDescription add = md.ip("add_0");
        DisplayData d = renderer.render(add);
        assertTrue(String.valueOf(d.getData(MIMEType.TEXT_HTML)).contains("ap_return"), String.valueOf(d.getData(MIMEType.TEXT_HTML)));
        assertTrue(String.valueOf(d.getData(MIMEType.TEXT_PLAIN)).startsWith("add_0 xilinx.com:hls:add:1.0 at 0x43C10000"));
    }

    @Test
    void aProgressFrameIsABar() {
        DisplayData d = renderer.render(new ProgressState("download", 1, 2, false, 1_000_000L, false));
        assertTrue(String.valueOf(d.getData(MIMEType.TEXT_HTML)).contains("progress"), String.valueOf(d.getData(MIMEType.TEXT_HTML)));
        assertTrue(String.valueOf(d.getData(MIMEType.TEXT_PLAIN)).contains("50%"), String.valueOf(d.getData(MIMEType.TEXT_PLAIN)));
    }
}
