package io.jynq.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One precedence (-D over the environment), blank = unset, errors naming the variable, the home from $HOME. */
class JynqConfigTest {

    @Test
    void aSystemPropertyWinsOverTheEnvironment() {
        JynqConfig both = JynqConfig.of(Map.of("JYNQ_SIM_DIR", "/from/env"), Map.of("jynq.sim.dir", "/from/prop"));
        assertEquals(Optional.of(Path.of("/from/prop")), both.path(Setting.SIM_DIR));
        JynqConfig envOnly = JynqConfig.of(Map.of("JYNQ_SIM_DIR", "/from/env"), Map.of("jynq.sim.dir", "  "));
        assertEquals(Optional.of(Path.of("/from/env")), envOnly.path(Setting.SIM_DIR), "a blank property counts as unset");
        assertEquals(Optional.empty(), JynqConfig.of(Map.of("JYNQ_SIM_DIR", ""), Map.of()).path(Setting.SIM_DIR));
    }

    @Test
    void defaultsHangFromHomeAndHomeComesFromTheEnvironment() {
        JynqConfig c = JynqConfig.of(Map.of("HOME", "/tmp/x"), Map.of("user.home", "/elsewhere"));
        assertEquals(Path.of("/tmp/x"), c.home());
        assertEquals(Path.of("/tmp/x/.jynq/cache"), c.cacheDir());
        assertEquals(Path.of("/tmp/x/.cache/jynq/cc"), c.ccCacheDir());
        assertEquals(Path.of("/elsewhere"), JynqConfig.of(Map.of(), Map.of("user.home", "/elsewhere")).home());
        assertEquals(Path.of("/c"), JynqConfig.of(Map.of("HOME", "/tmp/x", "JYNQ_CACHE_DIR", "/c"), Map.of()).cacheDir());
    }

    @Test
    void aBadNumberNamesTheVariableAndTheValue() {
        JynqConfig c = JynqConfig.of(Map.of("JYNQ_SIM_DDR_MIB", "lots"), Map.of());
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> c.wholeNumber(Setting.SIM_DDR_MIB, 512, 1, 1024));
        assertEquals("JYNQ_SIM_DDR_MIB=\"lots\": is not a whole number (1..1024)", e.getMessage());
        assertEquals(Setting.SIM_DDR_MIB, e.setting());
        InvalidSettingException range = assertThrows(InvalidSettingException.class,
                () -> JynqConfig.of(Map.of(), Map.of("jynq.sim.ddrMib", "4096")).wholeNumber(Setting.SIM_DDR_MIB, 512, 1, 1024));
        assertEquals("-Djynq.sim.ddrMib=\"4096\": is out of range 1..1024", range.getMessage());
        assertEquals(512, JynqConfig.of(Map.of(), Map.of()).wholeNumber(Setting.SIM_DDR_MIB, 512, 1, 1024));
    }

    @Test
    void anOverlayPathSkipsEmptyEntries() {
        JynqConfig c = JynqConfig.of(Map.of("JYNQ_OVERLAY_PATH", "/a::/b: "), Map.of());
        assertEquals(List.of(Path.of("/a"), Path.of("/b")), c.pathList(Setting.OVERLAY_PATH));
        assertEquals(List.of(), JynqConfig.of(Map.of(), Map.of()).pathList(Setting.OVERLAY_PATH));
    }

    @Test
    void anInvalidPathIsNamed() {
        JynqConfig c = JynqConfig.of(Map.of("JYNQ_CACHE_DIR", "/a\0b"), Map.of());
        InvalidSettingException e = assertThrows(InvalidSettingException.class, c::cacheDir);
        assertTrue(e.getMessage().startsWith("JYNQ_CACHE_DIR=\""), e.getMessage());
    }
}
