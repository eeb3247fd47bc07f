package io.jynq.capi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** parameters.core, mirroring FuseSoC's {@code test_capi2_get_parameters} assertion by assertion. */
class ParametersTest {
    private final Core core = FusesocCoresTest.core("parameters.core");

    private Map<String, Parameter> params(Flags f) {
        return core.resolve(f).parameters();
    }

    private static Flags top(String target) {
        return FusesocCoresTest.top(target);
    }

    @Test
    void defaultTargetHasParam1WithoutDefault() {
        Map<String, Parameter> p = params(Flags.of().toplevel(true));
        assertEquals(List.of("param1"), List.copyOf(p.keySet()));
        assertEquals("str", p.get("param1").datatype());
        assertEquals("vlogparam", p.get("param1").paramtype());
        assertNull(p.get("param1").defaultValue());
    }

    @Test
    void noParametersAndMissingParameter() {
        assertEquals(Map.of(), params(top("noparameters")));
        CapiException e = assertThrows(CapiException.class, () -> params(top("nonexistant")));
        assertTrue(e.getMessage().contains("Parameter \"idontexist\", requested by target \"nonexistant\", was not found"),
                e.getMessage());
    }

    /** FuseSoC's get_parameters looks in ext_parameters (the dependencies') before failing. */
    @Test
    void missingParameterFoundInDependencies() {
        Parameter dep = new Parameter("idontexist", "bool", "vlogdefine", true, "", "", null);
        Map<String, Parameter> p = core.resolve(top("nonexistant"), Map.of("idontexist", dep)).parameters();
        assertEquals(Boolean.TRUE, p.get("idontexist").defaultValue());
        assertEquals("vlogdefine", p.get("idontexist").paramtype());
    }

    @Test
    void multiparameters() {
        Map<String, Parameter> p = params(top("multiparameters"));
        assertEquals(List.of("param1", "param2"), List.copyOf(p.keySet()));
        assertEquals("default_value", p.get("param2").defaultValue());
        assertEquals("This is a parameter", p.get("param2").description());
    }

    @Test
    void conditionalParameterAndConditionalParamtype() {
        Map<String, Parameter> p = params(top("use_flags"));
        assertEquals(List.of("param2", "condparamtype"), List.copyOf(p.keySet()));
        assertEquals("vlogparam", p.get("condparamtype").paramtype());
        p = params(top("use_flags").tool("icarus"));
        assertEquals(List.of("param1", "condparamtype"), List.copyOf(p.keySet()));
        assertEquals("plusarg", p.get("condparamtype").paramtype());
    }

    @Test
    void typedDefaults() {
        Map<String, Parameter> p = params(top("types").tool("icarus"));
        assertEquals("default_value", p.get("param2").defaultValue());
        assertEquals(5446L, p.get("intparam").defaultValue());
        assertEquals(Boolean.FALSE, p.get("boolfalse").defaultValue());
        assertEquals(Boolean.TRUE, p.get("booltrue").defaultValue());
        assertEquals(3.14159, p.get("realpi").defaultValue());
    }

    @Test
    void emptyStringDefaultIsDropped() {
        Map<String, Parameter> p = params(top("empty"));
        assertEquals(0L, p.get("int0").defaultValue());
        assertNull(p.get("emptystr").defaultValue());
    }

    @Test
    void overridesAreTypedByDatatype() {
        Map<String, Parameter> p = params(top("override"));
        assertEquals("def", p.get("param1").defaultValue());
        assertEquals("new_def", p.get("param2").defaultValue());
        assertEquals(0xDEADBEEFL, p.get("intparam").defaultValue());
        assertEquals(Boolean.TRUE, p.get("boolfalse").defaultValue());
        assertEquals(Boolean.FALSE, p.get("booltrue").defaultValue());
        assertEquals(3.14, p.get("realpi").defaultValue());
    }

    @Test
    void badOverrideNamesParameterAndValue() {
        String text = "CAPI=2:\nname: ::p:0\nparameters:\n  n: {datatype: int, paramtype: vlogparam}\n"
                + "targets:\n  t:\n    parameters: [n=0x1G]\n";
        Core c = Core.parse(text, "p.core");
        CapiException e = assertThrows(CapiException.class, () -> c.resolve("t", Flags.of()));
        assertEquals("p.core:6:3: parameter \"n\" (int): \"0x1G\" is not an integer (decimal, 0x, 0o or 0b)", e.getMessage());
    }
}
