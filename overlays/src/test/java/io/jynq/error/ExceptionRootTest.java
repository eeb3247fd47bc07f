package io.jynq.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jynq.capi.Core;
import io.jynq.config.InvalidSettingException;
import io.jynq.config.JynqConfig;
import io.jynq.config.Setting;
import io.jynq.d2l.D2lParser;
import io.jynq.d2l.OperationTimeoutException;
import io.jynq.device.DeviceException;
import io.jynq.ffi.cheader.CHeader;
import io.jynq.ffi.cheader.CHeaderException;
import io.jynq.ffi.isolate.NativeFaultException;
import io.jynq.metadata.BitFile;
import io.jynq.metadata.HwhParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every parser's error is a JynqException whose place is a {@link SourcePosition} (or a byte of
 * a .bit), and every timeout a {@link HardwareTimeoutException}: one catch clause in a cell
 * handles them, and the message still starts with the place.
 */
class ExceptionRootTest {

    @Test
    void parsersOfEveryFormatReportAPlaceUnderOneRoot() {
        JynqException hwh = assertThrows(JynqException.class,
                () -> HwhParser.parse("<EDKSYSTEM>\n  <MODULES>\n</EDKSYSTEM>".getBytes(StandardCharsets.UTF_8), "bad.hwh"));
        SourcePosition p = assertInstanceOf(SourcePosition.class, hwh.place().orElseThrow());
        assertEquals("bad.hwh", p.file());
        assertEquals(hwh.getMessage(), p + ": " + hwh.detail());

        JynqException bit = assertThrows(JynqException.class, () -> BitFile.parse(new byte[] {0, 9, 1, 2, 3}, "bad.bit"));
        JynqException.ByteOffset at = assertInstanceOf(JynqException.ByteOffset.class, bit.place().orElseThrow());
        assertEquals("bad.bit", at.file());
        assertEquals(bit.getMessage(), at + ": " + bit.detail());

        JynqException core = assertThrows(JynqException.class, () -> Core.parse("CAPI=2:\nname: [oops\n", "x.core"));
        assertEquals("x.core", assertInstanceOf(SourcePosition.class, core.place().orElseThrow()).file());

        JynqException d2l = assertThrows(JynqException.class, () -> D2lParser.parse("devices: []\n", "x.d2l.yaml"));
        assertEquals(1, assertInstanceOf(SourcePosition.class, d2l.place().orElseThrow()).line());
    }

    @Test
    void timeoutsAreHardwareTimeoutsAndDeviceErrorsAreJynqExceptions() {
        OperationTimeoutException op = new OperationTimeoutException("poll of STATUS timed out", 0x1, Duration.ofMillis(5));
        HardwareTimeoutException t = assertInstanceOf(HardwareTimeoutException.class, op);
        assertEquals(Duration.ofMillis(5), t.timeout());
        assertInstanceOf(JynqException.class, new DeviceException("no PL"));
        assertEquals("axi_dma_0+0x34", new JynqException.RegisterOffset("axi_dma_0", 0x34).toString());
    }

    /**
     * The exceptions that once extended IllegalArgumentException (a bad setting, a C header JYNQ
     * cannot bind) or RuntimeException (a C fault in the helper) are JynqExceptions now: a
     * {@code catch (JynqException e)} in a cell catches them, and a header error has its place.
     */
    @Test
    void badSettingsCHeadersAndCFaultsAreJynqExceptions() {
        JynqException setting = assertThrows(JynqException.class,
                () -> JynqConfig.of(Map.of("JYNQ_SIM_DDR_MIB", "lots"), Map.of()).wholeNumber(Setting.SIM_DDR_MIB, 512, 1, 1024));
        assertInstanceOf(InvalidSettingException.class, setting);
        assertEquals("JYNQ_SIM_DDR_MIB=\"lots\": is not a whole number (1..1024)", setting.getMessage());

        JynqException header = assertThrows(JynqException.class,
                () -> CHeader.parse("dsp.h", "int ok(void);\nvoid log_msg(const char *fmt, ...);\n"));
        assertInstanceOf(CHeaderException.class, header);
        assertEquals(new SourcePosition("dsp.h", 2, -1), header.place().orElseThrow());
        assertEquals("dsp.h:2: ", header.getMessage().substring(0, "dsp.h:2: ".length()));

        assertEquals(JynqException.class, NativeFaultException.class.getSuperclass());
    }
}
