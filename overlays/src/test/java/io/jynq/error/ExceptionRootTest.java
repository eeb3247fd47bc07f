package io.jynq.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jynq.capi.Core;
import io.jynq.d2l.D2lParser;
import io.jynq.d2l.OperationTimeoutException;
import io.jynq.device.DeviceException;
import io.jynq.metadata.BitFile;
import io.jynq.metadata.HwhParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
}
