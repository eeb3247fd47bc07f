package io.jynq.d2l;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixture dsp_loopback.d2l.yaml read into records, key by key. */
class D2lParserTest {

    static DeviceDescription fixture() {
        try {
            Path p = Path.of(D2lParserTest.class.getResource("dsp_loopback.d2l.yaml").toURI());
            return D2lParser.parse(p).device("DSP_LOOPBACK");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private final DeviceDescription dev = fixture();

    @Test
    void device() {
        assertEquals("Gain stage and FIR filter behind an AXI DMA loopback", dev.description());
        assertEquals("dsp_0", dev.ip());
        assertEquals("dsp_ops", dev.library());
        assertEquals(List.of("dsp_ops.h"), dev.includes());
        assertEquals(List.of(new DeviceObject("dma", "AxiDma")), dev.objects());
        assertEquals(List.of("RESET", "SET_GAIN", "SET_COEFF", "GET_ID", "TRANSFER", "GAIN_DB", "FIR"),
                dev.operations().stream().map(Operation::name).toList());
        assertEquals(List.of("RESET"), dev.initOperations().stream().map(Operation::name).toList());
        assertEquals(2, dev.at().line());
    }

    @Test
    void atInitRegisterProgramWithDefaultTimeout() {
        Operation reset = dev.operation("RESET");
        assertTrue(reset.atInit());
        RegisterProgram p = (RegisterProgram) reset.implementation();
        assertEquals("dsp_0", p.ip());
        assertEquals(Duration.ofSeconds(1), p.timeout());
        assertEquals(List.of(new RegisterStep.Write("CTRL", "AP_START", ValueRef.of(0), p.steps().get(0).at()),
                new RegisterStep.Write("GAIN", "", ValueRef.of(1), p.steps().get(1).at())), p.steps());
        assertEquals(16, p.steps().get(0).at().line());
        assertNull(reset.returnType());
    }

    @Test
    void registerProgramWithPollAndResult() {
        Operation op = dev.operation("SET_GAIN");
        assertEquals("the status register after the update", op.returnDescription());
        assertEquals(ArgType.UINT32_T, op.returnType());
        Argument gain = op.arguments().get(0);
        assertEquals(new Argument("gain", ArgType.UINT32_T, "", 1L, "linear gain", false, gain.at()), gain);
        RegisterProgram p = (RegisterProgram) op.implementation();
        assertEquals(Duration.ofMillis(50), p.timeout());
        assertEquals("status", p.result());
        RegisterStep.Poll poll = (RegisterStep.Poll) p.steps().get(2);
        assertEquals("CTRL.AP_DONE", poll.target());
        assertEquals(ValueRef.of(1), poll.until());
        assertEquals(Duration.ofMillis(50), poll.timeout());
        assertEquals(ValueRef.named("gain"), ((RegisterStep.Write) p.steps().get(0)).value());
        assertEquals("SET_GAIN(uint32_t gain) -> uint32_t", op.toString());
    }

    @Test
    void castAndDefaults() {
        Operation op = dev.operation("SET_COEFF");
        assertEquals(ArgType.FLOAT, op.arguments().get(0).type());
        assertTrue(op.arguments().get(0).isRequired());
        assertEquals(new Argument("index", ArgType.UNSIGNED_INT, "uint8_t", 0L, "", false, op.arguments().get(1).at()),
                op.arguments().get(1));
    }

    @Test
    void sendBufferAddsLengthArgumentAndDriverMethodName() {
        Operation op = dev.operation("TRANSFER");
        assertTrue(op.sendsBuffer());
        assertEquals(List.of("data"), op.bufferNames());
        assertEquals(List.of("data", "timeout_ms", "len_data"), op.arguments().stream().map(Argument::name).toList());
        Argument len = op.argument("len_data");
        assertTrue(len.automatic());
        assertFalse(len.isRequired());
        assertEquals(ArgType.UINT32_T, len.type());
        assertEquals(new DriverMethod("axi_dma_0", "transfer"), op.implementation());
        assertEquals(new DriverMethod("dsp_0", "gainInDecibels"), dev.operation("GAIN_DB").implementation());
        assertEquals(ArgType.DOUBLE, dev.operation("GAIN_DB").returnType());
    }

    @Test
    void nativeFunction() {
        Operation op = dev.operation("FIR");
        assertEquals(new NativeFunction("dsp_ops", "fir_filter"), op.implementation());
        assertEquals(List.of("samples", "taps", "len_samples"), op.arguments().stream().map(Argument::name).toList());
        assertEquals(ArgType.INT32_T, op.returnType());
    }

    @Test
    void listOfDevicesAndBareFlags() {
        String text = "- name: A\n  operations:\n    - {name: START, flags: [AT_INIT], driver: {ip: x}}\n"
                + "- name: B\n  ip: y\n  operations:\n    - {name: STOP_ALL, driver: true}\n";
        D2lFile f = D2lParser.parse(text, "two.d2l.yaml");
        assertEquals(List.of("A", "B"), f.devices().stream().map(DeviceDescription::name).toList());
        assertTrue(f.device("A").operation("START").atInit());
        assertEquals(new DriverMethod("y", "stopAll"), f.device("B").operation("STOP_ALL").implementation());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.device("C"));
        assertEquals("two.d2l.yaml has no device \"C\"; devices: A, B", e.getMessage());
    }

    @Test
    void koheronFridgeExampleWithoutTypesIsRefused() {
        String fridge = "- name: FRIDGE\n  description: Store the food\n  operations:\n    - name: TURN_ON\n"
                + "      description: Turn the fridge on\n      driver: {ip: fridge_0}\n    - name: ADD_FOOD\n"
                + "      arguments:\n        - name: food_name\n          description: Name of the food to store\n"
                + "      driver: {ip: fridge_0}\n";
        D2lException e = assertThrows(D2lException.class, () -> D2lParser.parse(fridge, "fridge.yaml"));
        assertEquals("fridge.yaml:9:11: argument \"food_name\" of operation FRIDGE.ADD_FOOD has no \"type\"", e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"SET_GAIN,setGain", "RESET,reset", "GET_ID2,getId2", "SEND_BUFFER,sendBuffer", "A__B,aB"})
    void lowerCamel(String upper, String camel) {
        assertEquals(camel, DriverMethod.lowerCamel(upper));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"unsigned int,UNSIGNED_INT", "unsigned  long,UNSIGNED_LONG", "uint32_t,UINT32_T", "uint64_t,UINT64_T",
            "float,FLOAT", "bool,BOOL", "int32_t,INT32_T", "int64_t,INT64_T", "double,DOUBLE", "buffer,BUFFER"})
    void everyType(String yaml, ArgType type) {
        assertEquals(type, ArgType.fromYaml(yaml));
    }
}
