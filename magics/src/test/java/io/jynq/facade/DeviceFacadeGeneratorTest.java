package io.jynq.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.buffer.Buffers;
import io.jynq.buffer.ContiguousBuffer;
import io.jynq.buffer.DType;
import io.jynq.d2l.ArgType;
import io.jynq.d2l.BoundDevice;
import io.jynq.d2l.D2lParser;
import io.jynq.d2l.DeviceDescription;
import io.jynq.d2l.OperationBackend;
import io.jynq.facade.fixtures.StubIp;
import io.jynq.ffi.NativeMemory;
import io.jynq.metadata.HwhParser;
import io.jynq.metadata.OverlayMetadata;
import io.jynq.testing.ScriptedDevice;
import io.jynq.overlay.ops.DeviceOps;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The facade's device members: for each device of the overlay's package a nested interface with a
 * typed method per operation, which the overlay layer's {@code DeviceOps.facade} accepts and maps
 * back to the operations; and an overlay without devices gets the facade it always had.
 */
class DeviceFacadeGeneratorTest {
    private static final String BUNDLED = "/io/jynq/overlays/dsp_loopback/";
    private static final DriverTypes STUBS = ip -> StubIp.class.getCanonicalName();

    static String resource(String name) throws IOException {
        try (InputStream in = DeviceFacadeGeneratorTest.class.getResourceAsStream(BUNDLED + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static OverlayMetadata dspLoopbackMetadata() throws IOException {
        return HwhParser.parse(resource("dsp_loopback.hwh").getBytes(StandardCharsets.UTF_8), "dsp_loopback.hwh");
    }

    static List<DeviceDescription> dspLoopbackDevices() throws IOException {
        return D2lParser.parse(resource("dsp_loopback.d2l.yaml"), "dsp_loopback.d2l.yaml").devices();
    }

    /** Each method of {@code type} as {@code ret name(params)}, sorted. */
    static TreeSet<String> signatures(Class<?> type) {
        TreeSet<String> out = new TreeSet<>();
        for (Method m : type.getDeclaredMethods()) {
            out.add(m.getReturnType().getSimpleName() + " " + m.getName() + Arrays.stream(m.getParameterTypes())
                    .map(Class::getSimpleName).toList().toString().replace('[', '(').replace(']', ')'));
        }
        return out;
    }

    @Test
    void dspLoopbackDeviceGetsOneTypedMethodPerOperationWithOverloadsForDefaults() throws Exception {
        String src = new FacadeGenerator(STUBS).generate(dspLoopbackMetadata(), "DspLoopbackOverlay",
                io.jynq.overlay.Overlay.class, dspLoopbackDevices());
        Class<?> c = InMemoryCompiler.compile("DspLoopbackOverlay", src);

        Field f = c.getField("dsp_loopback");
        assertTrue(Modifier.isPublic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()));
        Class<?> dsp = f.getType();
        assertTrue(dsp.isInterface());
        assertEquals("DspLoopbackOverlay$DspLoopback", dsp.getName());
        assertEquals(new TreeSet<>(List.of(
                "void resetDma()", "void passThrough()",
                "void setTaps(int)", "void setTaps(int, int)", "void setTaps(int, int, int)", "void setTaps(int, int, int, int)",
                "int add(int, int)", "int addWithDriver(int, int)",
                "void writeWord(long, int)", "int readWord(long)",
                "long checksum(ContiguousBuffer)", // uint32_t result, unsigned in a long; len_data left out
                "long scale(ContiguousBuffer)", "long scale(ContiguousBuffer, int)")), signatures(dsp));
        assertEquals(List.of(io.jynq.overlay.Overlay.class, IpLookup.class, DeviceLookup.class),
                Arrays.asList(c.getConstructors()[0].getParameterTypes()));
        assertEquals(1, c.getConstructors().length);
    }

    @Test
    void javadocCarriesTheDescriptionsArgumentNamesAndRanges() throws Exception {
        String src = new FacadeGenerator(STUBS).generate(dspLoopbackMetadata(), "DspLoopbackOverlay", "java.lang.Object",
                dspLoopbackDevices());
        assertTrue(src.contains("         * a + b on the HLS adder through its ap_ctrl_hs handshake (UG1399).\n"), src);
        assertTrue(src.contains("Operation {@code ADD} of device {@code DSP_LOOPBACK}: register program on add_0 (dsp_loopback.d2l.yaml:"), src);
        assertTrue(src.contains("         * @return the 32-bit sum, wrapping (int32_t)\n         */\n        int add(int a, int b);"), src);
        assertTrue(src.contains("         * @param index uint32_t, 0 to 4294967295: word index, 0 to 2047\n"), src);
        assertTrue(src.contains("         * @param gain int32_t (default 2)\n"), src);
        assertTrue(src.contains("The other arguments take their defaults: c2 = 0, c3 = 0."), src);
        assertTrue(src.contains("C function checksum of library dsp_ops"), src);
        assertTrue(src.contains("driver method axi_bram_ctrl_0.writeWord"), src);
        assertTrue(src.contains("/** Device DSP_LOOPBACK: Adder, FIR taps, block RAM and native buffer operations of dsp_loopback"
                + " (dsp_loopback.d2l.yaml); opened on the first call"), src);
    }

    /** Calling the generated interface through DeviceOps.facade reaches the right operations with the right values. */
    @Test
    void overlayLayerMapsTheGeneratedMethodsBackToTheOperations() throws Exception {
        OverlayMetadata md = dspLoopbackMetadata();
        DeviceDescription d = dspLoopbackDevices().get(0);
        String src = new FacadeGenerator(STUBS).generate(md, "DspLoopbackOverlay", "java.lang.Object", List.of(d));
        Class<?> c = InMemoryCompiler.compile("DspLoopbackOverlay", src);
        Recording backend = new Recording();
        BoundDevice bound = BoundDevice.open(d, backend);
        backend.calls.clear(); // the AT_INIT operations
        Object[] made = new Object[1];
        DeviceLookup lookup = (name, type) -> {
            assertEquals("DSP_LOOPBACK", name);
            made[0] = DeviceOps.facade(bound, type);
            return made[0];
        };
        Object ol = c.getConstructor(Object.class, IpLookup.class, DeviceLookup.class)
                .newInstance("ol", (IpLookup) StubIp::new, lookup);
        Object dsp = c.getField("dsp_loopback").get(ol);
        assertSame(made[0], dsp);

        Class<?> t = dsp.getClass().getInterfaces()[0];
        assertEquals(42, t.getMethod("add", int.class, int.class).invoke(dsp, 2, 40));
        t.getMethod("setTaps", int.class).invoke(dsp, -3);
        t.getMethod("writeWord", long.class, int.class).invoke(dsp, 4_000_000_000L, -7);
        try (ContiguousBuffer buf = Buffers.allocate(new ScriptedDevice(), new long[] {4}, DType.INT32, false)) {
            assertEquals(0xFFFF_FFFEL, t.getMethod("checksum", ContiguousBuffer.class).invoke(dsp, buf));
            t.getMethod("scale", ContiguousBuffer.class, int.class).invoke(dsp, buf, 5);
        }
        assertEquals(List.of(
                "write add_0.a=2", "write add_0.b=40", "write add_0.CTRL.AP_START=1", "read add_0.CTRL.AP_DONE",
                "read add_0.ap_return",
                "write fir_0.coef_0=4294967293", "write fir_0.coef_1=0", "write fir_0.coef_2=0", "write fir_0.coef_3=0",
                "write fir_0.coef_4=0", "write fir_0.coef_5=0", "write fir_0.coef_6=0", "write fir_0.coef_7=0",
                "driver axi_bram_ctrl_0.writeWord[4000000000, -7]",
                "c dsp_ops.checksum[buffer, 16]", "c dsp_ops.scale[buffer, 5, 16]"),
                backend.calls.stream().map(s -> s.replaceAll("ContiguousBuffer\\[[^:]*: [^]]*]", "buffer")).toList());
    }

    @Test
    void withoutDevicesTheFacadeIsTheOneItAlwaysWas() throws Exception {
        OverlayMetadata md = dspLoopbackMetadata();
        String plain = new FacadeGenerator(STUBS).generate(md, "DspLoopbackOverlay", io.jynq.overlay.Overlay.class);
        assertEquals(plain, new FacadeGenerator(STUBS).generate(md, "DspLoopbackOverlay", io.jynq.overlay.Overlay.class,
                List.of()));
        assertFalse(plain.contains("DeviceLookup") || plain.contains("interface"), plain);
        Class<?> c = InMemoryCompiler.compile("DspLoopbackOverlay", plain);
        assertEquals(List.of(io.jynq.overlay.Overlay.class, IpLookup.class),
                Arrays.asList(c.getConstructors()[0].getParameterTypes()));
        assertEquals(0, c.getDeclaredClasses().length);
        assertEquals(Map.of(), new FacadeGenerator(STUBS).facade(md, "DspLoopbackOverlay", io.jynq.overlay.Overlay.class,
                List.of()).deviceFields());
    }

    /** Device, interface, method and parameter names that would clash or are not Java still compile. */
    @Test
    void namesThatClashAreMadeUniqueAndOperationsThatCannotBeMethodsAreNamed() throws Exception {
        String yaml = """
                - name: ADD_0
                  operations:
                    - {name: A_B, driver: {ip: add_0, method: call}}
                    - {name: A__B, driver: {ip: add_0, method: call}}
                    - {name: TO_STRING, driver: {ip: add_0, method: call}}
                    - {name: NEW, driver: {ip: add_0, method: call}}
                    - name: KEYWORDS
                      arguments: [{name: class, type: uint64_t}, {name: int, type: bool}, {name: Class, type: double}]
                      return_type: float
                      driver: {ip: add_0, method: call}
                - {name: STRING, operations: [{name: GET, return_type: bool, driver: {ip: add_0, method: call}}]}
                - {name: OVERLAY, operations: [{name: GET, driver: {ip: add_0, method: call}}]}
                - {name: DSP_LOOPBACK_OVERLAY, operations: [{name: GET, driver: {ip: add_0, method: call}}]}
                """;
        List<DeviceDescription> devices = D2lParser.parse(yaml, "clash.d2l.yaml").devices();
        OverlayMetadata md = dspLoopbackMetadata();
        FacadeGenerator g = new FacadeGenerator(STUBS);
        FacadeGenerator.Facade facade = g.facade(md, "DspLoopbackOverlay", io.jynq.overlay.Overlay.class, devices);
        String src = facade.source();
        Class<?> c = InMemoryCompiler.compile("DspLoopbackOverlay", src);

        Map<String, String> fields = facade.deviceFields();
        assertEquals(Map.of("ADD_0", "add_0_2", "STRING", "string", "OVERLAY", "overlay_2",
                "DSP_LOOPBACK_OVERLAY", "dsp_loopback_overlay"), fields);
        assertEquals(StubIp.class, c.getField("add_0").getType(), "the IP keeps its name");
        assertEquals("DspLoopbackOverlay$String2", c.getField("string").getType().getName());
        assertEquals("DspLoopbackOverlay$DspLoopbackOverlay2", c.getField("dsp_loopback_overlay").getType().getName());
        assertEquals(io.jynq.overlay.Overlay.class, c.getField("overlay").getType());

        Class<?> add = c.getField("add_0_2").getType();
        assertEquals(new TreeSet<>(List.of("void aB()", "float keywords(long, boolean, double)")), signatures(add));
        assertEquals(List.of("class_", "int_", "Class"), parameterNames(src, "float keywords("));
        assertTrue(src.contains("Not typed here: A__B (operation of method name aB came first), TO_STRING (toString is a method"
                + " of every Java object), NEW (\"new\" is not a Java method name)"), src);
    }

    private static List<String> parameterNames(String src, String declStart) {
        int at = src.indexOf(declStart) + declStart.length();
        String params = src.substring(at, src.indexOf(')', at));
        List<String> names = new ArrayList<>();
        for (String p : params.split(", ")) {
            names.add(p.substring(p.lastIndexOf(' ') + 1));
        }
        return names;
    }

    @Test
    void everyArgTypeHasItsJavaType() {
        for (ArgType t : ArgType.values()) {
            String expected = switch (t) {
                case INT32_T -> "int";
                case FLOAT -> "float";
                case DOUBLE -> "double";
                case BOOL -> "boolean";
                case BUFFER -> ContiguousBuffer.class.getName();
                default -> "long";
            };
            assertEquals(expected, OperationMethods.javaType(t), t.yamlName());
        }
    }

    /** Records what operations do: register traffic, driver and C calls; AP_DONE reads 1, ap_return 42. */
    static final class Recording implements OperationBackend {
        final List<String> calls = new ArrayList<>();

        @Override
        public long readRegister(String ip, String register, String field) {
            calls.add("read " + ip + "." + register + (field.isEmpty() ? "" : "." + field));
            return register.equals("ap_return") ? 42 : 1;
        }

        @Override
        public void writeRegister(String ip, String register, String field, long value) {
            calls.add("write " + ip + "." + register + (field.isEmpty() ? "" : "." + field) + "=" + value);
        }

        @Override
        public long physicalAddress(NativeMemory buffer) {
            return 0x1000;
        }

        @Override
        public Object invokeDriver(String ip, String method, List<Object> args, List<ArgType> types) {
            calls.add("driver " + ip + "." + method + args);
            return 0L;
        }

        @Override
        public Object callNative(String library, String function, List<Object> args, List<ArgType> types, ArgType ret) {
            calls.add("c " + library + "." + function + args);
            return 0xFFFF_FFFEL;
        }
    }
}
