package io.jynq.mmio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.metadata.Access;
import io.jynq.metadata.IpDescription;
import io.jynq.metadata.MemType;

import io.jynq.metadata.RegisterField;
import io.jynq.metadata.Vlnv;
import io.jynq.testing.BusAccess;
import io.jynq.testing.ScriptedDevice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class RegisterMapTest {
    private static final long BASE = 0x4000_0000L;
    private final ScriptedDevice dev = new ScriptedDevice();
    private final RegisterMap rm = RegisterMap.of(adder(), new Mmio(dev, BASE, 0x10000, "adder"));

    /** The register listing an HLS adder's .hwh gives (Vitis HLS s_axilite, ap_ctrl_hs). */
    static IpDescription adder() {
        Map<String, RegisterField> ctrl = new LinkedHashMap<>();
        ctrl.put("AP_START", new RegisterField("AP_START", 0, 1, Access.READ_WRITE, ""));
        ctrl.put("AP_DONE", new RegisterField("AP_DONE", 1, 1, Access.READ_ONLY, ""));
        ctrl.put("AP_IDLE", new RegisterField("AP_IDLE", 2, 1, Access.READ_ONLY, ""));
        ctrl.put("AP_READY", new RegisterField("AP_READY", 3, 1, Access.READ_ONLY, ""));
        ctrl.put("AUTO_RESTART", new RegisterField("AUTO_RESTART", 7, 1, Access.READ_WRITE, ""));
        Map<String, io.jynq.metadata.RegisterDescription> regs = new LinkedHashMap<>();
        regs.put("CTRL", new io.jynq.metadata.RegisterDescription("CTRL", 0x0, 32, Access.READ_WRITE, 4L, "control", ctrl));
        regs.put("a", new io.jynq.metadata.RegisterDescription("a", 0x10, 32, Access.WRITE_ONLY, null, "",
                Map.of("a", new RegisterField("a", 0, 32, Access.WRITE_ONLY, ""))));
        regs.put("b", new io.jynq.metadata.RegisterDescription("b", 0x18, 32, Access.READ_WRITE, null, "", Map.of()));
        regs.put("ap_return", new io.jynq.metadata.RegisterDescription("ap_return", 0x20, 32, Access.READ_ONLY, null, "", Map.of()));
        regs.put("wide", new io.jynq.metadata.RegisterDescription("wide", 0x28, 64, Access.READ_WRITE, null, "", Map.of()));
        return new IpDescription("adder", "adder", "adder", Vlnv.parse("xilinx.com:hls:adder:1.0"),
                "xilinx.com:hls:adder:1.0", BASE, 0x10000, "s_axi_control", MemType.REGISTER, null, false,
                Map.of(), regs, Map.of(), Map.of());
    }

    @Test
    void fieldSetIsReadModifyWriteOfTheWholeRegister() {
        dev.strict().expectRead(BASE, 0x84).expectWrite(BASE, 0x85);
        rm.get("CTRL").field("AP_START").set(1);
        dev.verify();
    }

    @Test
    void writeByNameWritesTheRegisterOffset() {
        rm.write("a", 3);
        rm.write("b", -1);
        assertEquals(List.of(BusAccess.write(BASE + 0x10, 3), BusAccess.write(BASE + 0x18, 0xFFFF_FFFFL)), dev.writes());
        assertEquals(0xFFFF_FFFFL, rm.read("b"));
    }

    @Test
    void closedSliceMsbFirstWorkedExample() {
        dev.poke(BASE + 0x18, 0b1011_0110);
        Register b = rm.get("b");
        assertEquals(0b1101, b.get(5, 2));
        b.set(5, 2, 0);
        assertEquals(0b1000_0010, dev.peek(BASE + 0x18));
        assertTrue(b.bit(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.get(2, 5));
        assertTrue(e.getMessage().contains("msb >= lsb"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.set(3, 2, 4));
        assertThrows(IllegalArgumentException.class, () -> b.get(32, 0));
    }

    @Test
    void readOnlyFieldsAndRegistersRefuseWritesBeforeTheBus() {
        dev.strict();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> rm.get("CTRL").field("AP_DONE").set(1));
        assertEquals("field AP_DONE of adder.CTRL is read-only", e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> rm.write("ap_return", 1));
        assertTrue(dev.traffic().isEmpty());
    }

    @Test
    void writeOnlyRegisterCannotBeReadAndShowsAsSuch() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> rm.read("a"));
        assertTrue(e.getMessage().contains("write-only"));
        assertTrue(dev.traffic().isEmpty());
        assertEquals("Register(value=write-only)", rm.get("a").toString());
    }

    @Test
    void fieldValueMustFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rm.get("CTRL").field("AUTO_RESTART").set(2));
        assertTrue(e.getMessage().contains("AUTO_RESTART [7:7] (1 bits)"), e.getMessage());
        assertTrue(dev.traffic().isEmpty());
    }

    @Test
    void sixtyFourBitRegisterUsesTwoWords() {
        rm.write("wide", 0x1_0000_0002L);
        assertEquals(List.of(BusAccess.write(BASE + 0x28, 2), BusAccess.write(BASE + 0x2C, 1)), dev.writes());
        assertEquals(0x1_0000_0002L, rm.read("wide"));
    }

    @Test
    void missesListTheNamesThatExist() {
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> rm.get("c"));
        assertEquals("no register \"c\" in adder; registers: [CTRL, a, b, ap_return, wide]", e.getMessage());
        NoSuchElementException f = assertThrows(NoSuchElementException.class, () -> rm.get("CTRL").field("GO"));
        assertTrue(f.getMessage().contains("[AP_START, AP_DONE, AP_IDLE, AP_READY, AUTO_RESTART]"));
    }

    @Test
    void toStringLooksLikePynqs() {
        dev.poke(BASE, 0x4).poke(BASE + 0x18, 5).poke(BASE + 0x20, 8);
        assertEquals("RegisterMap {\n"
                + "  CTRL = Register(AP_START=0, AP_DONE=0, AP_IDLE=1, AP_READY=0, AUTO_RESTART=0),\n"
                + "  a = Register(value=write-only),\n"
                + "  b = Register(value=5),\n"
                + "  ap_return = Register(value=8),\n"
                + "  wide = Register(value=0)\n"
                + "}", rm.toString());
    }
}
