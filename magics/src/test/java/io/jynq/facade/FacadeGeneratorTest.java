package io.jynq.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.facade.fixtures.StubDma;
import io.jynq.facade.fixtures.StubGpio;
import io.jynq.facade.fixtures.StubIp;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.testing.SharedData;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FacadeGeneratorTest {
    /** Binds as the object model would: DMA and GPIO by VLNV name, everything else the default IP. */
    static final DriverTypes STUB_TYPES = ip -> {
        String name = ip.vlnv() == null ? "" : ip.vlnv().name();
        switch (name) {
            case "axi_dma":
                return StubDma.class.getCanonicalName();
            case "axi_gpio":
                return StubGpio.class.getCanonicalName();
            default:
                return StubIp.class.getCanonicalName();
        }
    };

    /** A lookup that makes the stub the type map names, so casts in the facade are exercised. */
    static Object stubFor(OverlayMetadata md, String name) {
        String type = STUB_TYPES.driverClassName(md.ip(name));
        if (type.equals(StubDma.class.getCanonicalName())) {
            return new StubDma(name);
        }
        return type.equals(StubGpio.class.getCanonicalName()) ? new StubGpio(name) : new StubIp(name);
    }

    static Object build(OverlayMetadata md, String cls) throws Exception {
        String src = new FacadeGenerator(STUB_TYPES).generate(md, cls, "java.lang.String");
        Class<?> c = InMemoryCompiler.compile(cls, src);
        IpLookup lookup = name -> stubFor(md, name);
        return c.getConstructor(String.class, IpLookup.class).newInstance("the overlay", lookup);
    }

    static Object path(Object root, String... fields) throws Exception {
        Object o = root;
        for (String f : fields) {
            o = o.getClass().getField(f).get(o);
        }
        return o;
    }

    @Test
    void pynqz1BaseFacadeCompilesWithTypedFieldsAndNestedHierarchies() throws Exception {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh("pynqz1_base.hwh"));
        Object ol = build(md, "BaseOverlay");

        Field dma = ol.getClass().getField("trace_analyzer_pmoda").getType().getField("axi_dma_0");
        assertEquals(StubDma.class, dma.getType());
        assertTrue(Modifier.isFinal(dma.getModifiers()) && Modifier.isPublic(dma.getModifiers()));
        assertEquals(StubGpio.class, ol.getClass().getField("btns_gpio").getType());
        assertEquals(StubIp.class, ol.getClass().getField("audio_direct_0").getType());

        // ol.video.hdmi_in.color_convert and ol.video.hdmi_in.frontend.vtc_in, as in PYNQ
        assertEquals("video/hdmi_in/color_convert", ((StubIp) path(ol, "video", "hdmi_in", "color_convert")).name);
        assertEquals("video/hdmi_in/frontend/vtc_in", ((StubIp) path(ol, "video", "hdmi_in", "frontend", "vtc_in")).name);
        assertEquals("video/hdmi_out/color_convert", ((StubIp) path(ol, "video", "hdmi_out", "color_convert")).name);
        StubDma d = (StubDma) path(ol, "trace_analyzer_arduino", "axi_dma_0");
        assertEquals("trace_analyzer_arduino/axi_dma_0:MM2S", d.sendChannel());
        assertEquals("the overlay", ((OverlayFacade) ol).overlay());
        assertEquals("the overlay", ol.toString());
    }

    @Test
    void everyIpExceptThePsIsReachableExactlyOnce() throws Exception {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh("pynqz1_base.hwh"));
        Object ol = build(md, "BaseOverlay");
        List<String> reached = new ArrayList<>();
        collect(ol, reached);
        List<String> expected = new ArrayList<>();
        for (IpDescription ip : md.ipDict().values()) {
            if (!ip.processingSystem()) {
                expected.add(ip.name());
            }
        }
        reached.sort(null);
        expected.sort(null);
        assertEquals(expected, reached);
        assertFalse(reached.contains("ps7_0"));
    }

    private static void collect(Object node, List<String> names) throws Exception {
        for (Field f : node.getClass().getFields()) {
            if (f.getName().equals("overlay")) {
                continue;
            }
            Object v = f.get(node);
            if (v instanceof StubIp) {
                names.add(((StubIp) v).name);
            } else {
                collect(v, names);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ultra96_sensors96b.hwh", "kv260_pr2_add_partial.hwh", "pynqz1_logictools.hwh",
            "kv260_cv_dfx_3_pr.hwh"})
    void facadeOfEveryRealHwhCompiles(String file) throws Exception {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh(file));
        Object ol = build(md, "RealOverlay");
        List<String> reached = new ArrayList<>();
        collect(ol, reached);
        long addressable = md.ipDict().values().stream().filter(ip -> !ip.processingSystem()).count();
        assertEquals(addressable, reached.size());
    }

    @Test
    void lookupResultIsTheFieldValue() throws Exception {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh("ultra96_sensors96b.hwh"));
        StubIp shared = new StubIp("same");
        String src = new FacadeGenerator(ip -> StubIp.class.getCanonicalName()).generate(md, "U96", "java.lang.Object");
        Object ol = InMemoryCompiler.compile("U96", src).getConstructor(Object.class, IpLookup.class)
                .newInstance(new Object(), (IpLookup) name -> shared);
        for (Field f : ol.getClass().getFields()) {
            if (f.getType() == StubIp.class) {
                assertSame(shared, f.get(ol));
            }
        }
    }

    /** The bundled overlay with the real drivers: the brief's {@code ol.axi_dma_0.sendChannel().transfer(buf)} compiles. */
    @Test
    void dspLoopbackFacadeTypesFieldsByTheRealDrivers() throws Exception {
        byte[] hwh;
        try (var in = getClass().getResourceAsStream("/io/jynq/overlays/dsp_loopback/dsp_loopback.hwh")) {
            hwh = in.readAllBytes();
        }
        OverlayMetadata md = HwhParser.parse(hwh, "dsp_loopback.hwh");
        DriverTypes real = ip -> {
            switch (ip.vlnv().name()) {
                case "axi_dma": return io.jynq.drivers.dma.AxiDma.class.getName();
                case "axi_gpio": return io.jynq.drivers.gpio.AxiGpio.class.getName();
                case "axi_intc": return io.jynq.drivers.intc.AxiIntc.class.getName();
                default: return ip.vlnv().library().equals("hls") ? io.jynq.drivers.hls.HlsIp.class.getName()
                        : io.jynq.overlay.DefaultIp.class.getName();
            }
        };
        String src = new FacadeGenerator(real).generate(md, "DspLoopbackOverlay", io.jynq.overlay.Overlay.class)
                + "class Usage {\n"
                + "    static long use(DspLoopbackOverlay ol, io.jynq.buffer.ContiguousBuffer buf) {\n"
                + "        ol.axi_dma_0.sendChannel().transfer(buf);\n"
                + "        ol.axi_gpio_0.channel1().write(1);\n"
                + "        io.jynq.drivers.dma.AxiDma dma = ol.ip(\"axi_dma_0\", io.jynq.drivers.dma.AxiDma.class);\n"
                + "        java.util.Map<String, io.jynq.metadata.IpDescription> dict = ol.ipDict();\n"
                + "        if (!ol.isLoaded()) ol.download();\n"
                + "        return ol.add_0.call(3, 4) + ol.axi_intc_0.pending() + dict.size() + dma.bufferMaxSize();\n"
                + "    }\n"
                + "}\n";
        Class<?> c = InMemoryCompiler.compile("DspLoopbackOverlay", src);
        assertEquals(io.jynq.drivers.dma.AxiDma.class, c.getField("axi_dma_0").getType());
        assertEquals(io.jynq.drivers.gpio.AxiGpio.class, c.getField("axi_gpio_0").getType());
        assertEquals(io.jynq.drivers.intc.AxiIntc.class, c.getField("axi_intc_0").getType());
        assertEquals(io.jynq.drivers.hls.HlsIp.class, c.getField("fir_0").getType());
        assertEquals(io.jynq.drivers.hls.HlsIp.class, c.getField("add_0").getType());
        assertEquals(io.jynq.overlay.DefaultIp.class, c.getField("axi_bram_ctrl_0").getType());
        assertEquals(io.jynq.overlay.Overlay.class, c.getField("overlay").getType());
        assertEquals(7, c.getFields().length, "overlay + 6 IP + no PS field: " + java.util.Arrays.toString(c.getFields()));
    }

    @Test
    void badClassNameIsRefused() {
        OverlayMetadata md = HwhParser.parse(SharedData.hwh("ultra96_sensors96b.hwh"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FacadeGenerator(STUB_TYPES).generate(md, "dsp-loopback", "java.lang.Object"));
        assertTrue(e.getMessage().contains("dsp_loopback"), e.getMessage());
    }

    /** An IP called {@code io} must not obscure the package {@code io} the facade's types live in. */
    @Test
    void ipNamedLikeAPackageStillCompiles() throws Exception {
        byte[] hwh;
        try (var in = getClass().getResourceAsStream("/io/jynq/overlays/dsp_loopback/dsp_loopback.hwh")) {
            hwh = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("axi_gpio_0", "io").replace("add_0", "java")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        OverlayMetadata md = HwhParser.parse(hwh, "renamed.hwh");
        assertTrue(md.ipDict().containsKey("io") && md.ipDict().containsKey("java"), md.ipDict().keySet().toString());
        String src = new FacadeGenerator(ip -> StubIp.class.getCanonicalName()).generate(md, "Renamed", io.jynq.overlay.Overlay.class);
        Class<?> c = InMemoryCompiler.compile("Renamed", src);
        assertEquals(StubIp.class, c.getField("io_2").getType());
        assertEquals(StubIp.class, c.getField("java_2").getType());
    }

    @Test
    void defaultClassNameIsCamelCase() {
        assertEquals("DspLoopbackOverlay", FacadeGenerator.defaultClassName("dsp_loopback"));
        assertEquals("Pynqz1BaseOverlay", FacadeGenerator.defaultClassName("pynqz1_base"));
    }
}
