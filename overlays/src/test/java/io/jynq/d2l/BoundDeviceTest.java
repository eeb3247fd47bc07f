package io.jynq.d2l;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.ffi.NativeMemory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Binding dsp_loopback.d2l.yaml to a scripted in-memory overlay ({@link FakeBackend}): the exact
 * register traffic of each register program, the calls handed to drivers and native code, and
 * the checks that run before anything touches the IP.
 */
class BoundDeviceTest {
    private final DeviceDescription dsp = D2lParserTest.fixture();
    private final FakeBackend fake = new FakeBackend();

    @Test
    void openRunsAtInitOperations() {
        BoundDevice dev = BoundDevice.open(dsp, fake);
        assertEquals(List.of("W CTRL.AP_START 0x0", "W GAIN 0x1"), fake.log);
        assertEquals("BoundDevice[DSP_LOOPBACK, 7 operations]", dev.toString());
    }

    @Test
    void setGainWritesStartsPollsAndReturnsStatus() {
        BoundDevice dev = BoundDevice.open(dsp, fake);
        fake.log.clear();
        Object status = dev.call("SET_GAIN", Map.of("gain", 3));
        assertEquals(5L, status);
        assertEquals(List.of("W GAIN 0x3", "W CTRL.AP_START 0x1", "R CTRL.AP_DONE", "R CTRL.AP_DONE", "R CTRL.AP_DONE",
                "R CTRL.AP_DONE", "R STATUS"), fake.log);
        assertEquals(3L, fake.regs.get("GAIN"));
    }

    @Test
    void defaultArgumentIsUsed() {
        BoundDevice dev = BoundDevice.open(dsp, fake);
        dev.call("SET_GAIN", Map.of());
        assertEquals(1L, fake.regs.get("GAIN"));
    }

    @Test
    void floatArgumentIsWrittenAsIeeeBits() {
        BoundDevice dev = BoundDevice.open(dsp, fake);
        dev.call("SET_COEFF", Map.of("coeff", 1.5, "index", 2));
        assertEquals(0x3FC0_0000L, fake.regs.get("COEFF"));
        assertEquals(2L, fake.regs.get("COEFF_INDEX"));
    }

    @Test
    void readResult() {
        assertEquals(0xD5B0_0001L, BoundDevice.open(dsp, fake).call("GET_ID", Map.of()));
    }

    @Test
    void pollTimesOutWithRegisterSnapshot() {
        fake.doneAfterReads = -1;
        BoundDevice dev = BoundDevice.open(dsp, fake);
        OperationTimeoutException e = assertThrows(OperationTimeoutException.class,
                () -> dev.call("SET_GAIN", Map.of("gain", 2)));
        assertEquals("SET_GAIN: poll of dsp_0 CTRL.AP_DONE did not reach 0x1 within 50 ms (last read 0x0; CTRL = 0x1)",
                e.getMessage());
        assertEquals(0L, e.lastValue());
    }

    @Test
    void interruptedPollStopsAndKeepsTheFlag() {
        fake.doneAfterReads = -1;
        BoundDevice dev = BoundDevice.open(dsp, fake);
        Thread.currentThread().interrupt();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> dev.call("SET_GAIN", Map.of()));
            assertTrue(e.getMessage().startsWith("SET_GAIN: interrupted while polling dsp_0 CTRL.AP_DONE"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void sendBufferDriverCallGetsTheLength() {
        BoundDevice dev = BoundDevice.open(dsp, fake);
        fake.log.clear();
        NativeMemory buf = FakeBackend.buffer(4096);
        dev.call("TRANSFER", Map.of("data", buf));
        assertEquals(List.of("driver axi_dma_0.transfer[buf4096, 1000, 4096][buffer, uint32_t, uint32_t]"), fake.log);
    }

    @Test
    void nativeCallGetsTypesAndReturnType() {
        BoundDevice dev = BoundDevice.open(dsp, fake);
        fake.log.clear();
        fake.nativeResult = 0L;
        assertEquals(0L, dev.call("FIR", Map.of("samples", FakeBackend.buffer(256), "taps", 8)));
        assertEquals(List.of("c dsp_ops:fir_filter[buf256, 8, 256][buffer, uint32_t, uint32_t] -> int32_t"), fake.log);
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyTraffic() {
        BoundDevice dev = BoundDevice.open(dsp, fake);
        fake.log.clear();
        assertEquals("SET_GAIN has no argument \"gian\"; arguments: gain (optional)",
                assertThrows(IllegalArgumentException.class, () -> dev.call("SET_GAIN", Map.of("gian", 2))).getMessage());
        assertEquals("SET_GAIN: argument \"gain\": -1 is out of range for uint32_t [0, 4294967295]",
                assertThrows(IllegalArgumentException.class, () -> dev.call("SET_GAIN", Map.of("gain", -1))).getMessage());
        assertEquals("SET_COEFF: argument \"coeff\" (float) is required; arguments: coeff, index (optional)",
                assertThrows(IllegalArgumentException.class, () -> dev.call("SET_COEFF", Map.of())).getMessage());
        assertEquals("TRANSFER: \"len_data\" is set from the buffer's size; leave it out",
                assertThrows(IllegalArgumentException.class,
                        () -> dev.call("TRANSFER", Map.of("data", FakeBackend.buffer(8), "len_data", 8))).getMessage());
        assertEquals("FIR: argument \"len_samples\": 4294967296 is out of range for uint32_t [0, 4294967295]",
                assertThrows(IllegalArgumentException.class,
                        () -> dev.call("FIR", Map.of("samples", FakeBackend.buffer(1L << 32)))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> dev.call("NOPE", Map.of())).getMessage()
                .startsWith("device DSP_LOOPBACK has no operation \"NOPE\"; operations: RESET, SET_GAIN"));
        assertEquals(List.of(), fake.log);
    }

    @Test
    void unknownRegisterFailsAtOpenWithItsLineAndNothingRuns() {
        String text = "name: DEV\nip: dsp_0\noperations:\n  - name: INIT\n    flags: [AT_INIT]\n"
                + "    registers: [{write: GAIN, value: 1}]\n  - name: BAD\n    registers:\n      - {write: GAINN, value: 1}\n";
        DeviceDescription d = D2lParser.parse(text, "dev.d2l.yaml").device("DEV");
        D2lException e = assertThrows(D2lException.class, () -> BoundDevice.open(d, fake));
        assertEquals("dev.d2l.yaml:9:9: operation DEV.BAD: dsp_0 has no register \"GAINN\"; registers: CTRL, GAIN,"
                + " STATUS, ID, COEFF, COEFF_INDEX", e.getMessage());
        assertEquals(List.of(), fake.log);
    }

    @Test
    void unknownNativeFunctionFailsAtOpen() {
        String text = "name: DEV\nlibrary: dsp_ops\noperations:\n  - {name: FFT, c: fft}\n";
        D2lException e = assertThrows(D2lException.class,
                () -> BoundDevice.open(D2lParser.parse(text, "dev.d2l.yaml").device("DEV"), fake));
        assertEquals("dev.d2l.yaml:4:5: operation DEV.FFT: dsp_ops has no function \"fft\"; functions: fir_filter",
                e.getMessage());
    }

    @Test
    void atInitWithRequiredArgumentFailsAtOpen() {
        String text = "name: DEV\nip: dsp_0\noperations:\n  - name: INIT\n    flags: [AT_INIT]\n"
                + "    arguments: [{name: g, type: uint32_t}]\n    registers: [{write: GAIN, value: g}]\n";
        D2lException e = assertThrows(D2lException.class,
                () -> BoundDevice.open(D2lParser.parse(text, "dev.d2l.yaml").device("DEV"), fake));
        assertEquals("dev.d2l.yaml:4:5: operation DEV.INIT: AT_INIT runs it with no arguments, but \"g\" has no default",
                e.getMessage());
        assertEquals(List.of(), fake.log);
    }

    @Test
    void registerResultsAreConvertedToTheReturnType() {
        String text = "name: DEV\nip: dsp_0\noperations:\n"
                + "  - {name: AS_FLOAT, return_type: float, registers: {steps: [{read: COEFF, as: c}], result: c}}\n"
                + "  - {name: AS_INT, return_type: int32_t, registers: {steps: [{read: GAIN, as: g}], result: g}}\n"
                + "  - {name: AS_BOOL, return_type: bool, registers: {steps: [{read: CTRL.AP_START, as: s}], result: s}}\n";
        BoundDevice dev = BoundDevice.open(D2lParser.parse(text, "dev.d2l.yaml").device("DEV"), fake);
        fake.regs.put("COEFF", 0x3FC0_0000L);
        fake.regs.put("GAIN", 0xFFFF_FFFEL);
        fake.regs.put("CTRL", 1L);
        assertEquals(1.5, dev.call("AS_FLOAT", Map.of()));
        assertEquals(-2L, dev.call("AS_INT", Map.of()));
        assertEquals(true, dev.call("AS_BOOL", Map.of()));
    }

    @Test
    void negativeInt32IsWrittenAsItsThirtyTwoBitPattern() {
        String text = "name: DEV\nip: dsp_0\noperations:\n  - name: OFFSET\n    arguments: [{name: o, type: int32_t}]\n"
                + "    registers: [{write: GAIN, value: o}]\n";
        BoundDevice dev = BoundDevice.open(D2lParser.parse(text, "dev.d2l.yaml").device("DEV"), fake);
        dev.call("OFFSET", Map.of("o", -2));
        assertEquals(0xFFFF_FFFEL, fake.regs.get("GAIN"));
    }

    @Test
    void bufferArgumentInARegisterProgramIsItsPhysicalAddress() {
        String text = "name: DEV\nip: dsp_0\noperations:\n  - name: POINT\n    arguments: [{name: b, type: buffer}]\n"
                + "    registers: [{write: GAIN, value: b}]\n";
        BoundDevice dev = BoundDevice.open(D2lParser.parse(text, "dev.d2l.yaml").device("DEV"), fake);
        dev.call("POINT", Map.of("b", FakeBackend.buffer(64)));
        assertEquals(0x1F00_0000L, fake.regs.get("GAIN"));
    }
}
