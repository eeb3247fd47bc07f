package io.jynq.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.DeviceException;
import io.jynq.device.PlState;
import io.jynq.device.sim.SimDevice;
import io.jynq.testing.Kv260Dfx;
import io.jynq.testing.SimBoards;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PYNQ's partial reconfiguration cells (PYNQ_Composable_Pipeline on the KV260) with the real DFX
 * design and its real partial design for region {@code composable/pr_2} (../shared).
 */
class PartialReconfigurationTest {
    private static final long ADD_ACCEL = Kv260Dfx.ADD_ACCEL;
    @TempDir
    Path dir;
    private SimDevice dev;
    private Overlay ol;

    @BeforeEach
    void load() throws IOException {
        Path bit = Kv260Dfx.folder(dir);
        dev = SimBoards.open(dir, 32);
        ol = new Overlay(bit.toString(), LoadOptions.defaults().withDevice(dev));
    }

    @Test
    void prDownloadAddsTheModulesIpAndKeepsThePlsDesign() {
        PlState before = dev.plState();
        assertTrue(ol.partialRegions().containsAll(List.of("composable/pr_0", "composable/pr_1", "composable/pr_2")));
        assertThrows(NoSuchElementException.class, () -> ol.ip("composable/pr_2/add_accel"));
        assertThrows(DeviceException.class, () -> dev.map(ADD_ACCEL, 4), "an empty region answers nothing");

        ol.prDownload("composable/pr_2", "rm_partial.bit");

        assertEquals(before.bitfileName(), dev.plState().bitfileName(), "PYNQ's post_download: not for a partial");
        assertEquals(before.timestamp(), dev.plState().timestamp());
        assertTrue(ol.isLoaded(), "the static part stays usable");
        ol.ip("composable/axis_switch").read(0x40);
        DefaultIp add = ol.ip("composable/pr_2/add_accel");
        assertEquals("xilinx.com:hls:add_accel:1.0", add.description().type());
        assertEquals(ADD_ACCEL, add.physicalAddress());
        add.write(0x10, 0x1234);
        assertEquals(0x1234, dev.map(ADD_ACCEL, 0x20).read32(0x10), "the simulator models the partial design's IP");
        assertTrue(ol.hierarchyDict().get("composable/pr_2").ip().containsKey("add_accel"));
        assertTrue(ol.hierarchyDict().get("composable").hierarchies().containsKey("pr_2"));
        assertEquals(Map.of("composable/pr_2", dir.resolve("cv/rm_partial.bit").toAbsolutePath().normalize().toString()),
                ol.prDict());
        assertFalse(ol.designMetadata().ipDict().containsKey("composable/pr_2/add_accel"), "the .hwh's own view");
    }

    /** PYNQ's PL.ip_dict after pr_download (PL.ipDict() is the active device's): the region's IP is in it. */
    @Test
    void theDevicesAndPlsDictionariesIncludeThePartialsIpUntilTheNextFullDownload() {
        assertFalse(dev.ipDict().containsKey("composable/pr_2/add_accel"));
        ol.prDownload("composable/pr_2", "rm_partial.bit");
        assertEquals(ADD_ACCEL, dev.ipDict().get("composable/pr_2/add_accel").physAddr());
        assertTrue(dev.hierarchyDict().get("composable/pr_2").ip().containsKey("add_accel"));
        assertEquals(ol.ipDict().keySet(), dev.ipDict().keySet(), "the overlay and the PL agree");
        ol.download();
        assertFalse(dev.ipDict().containsKey("composable/pr_2/add_accel"), "a full download forgets the partial");
    }

    @Test
    void hierarchyDownloadIsTheSameAndAFullDownloadEmptiesTheRegions() {
        ol.hierarchy("composable/pr_2").download("rm_partial.bit");
        assertTrue(ol.ipDict().containsKey("composable/pr_2/add_accel"));
        assertEquals("add_accel", ol.hierarchy("composable/pr_2").description().ip().keySet().iterator().next());
        ol.download();
        assertTrue(ol.prDict().isEmpty());
        assertFalse(ol.ipDict().containsKey("composable/pr_2/add_accel"));
    }

    @Test
    void aWrongRegionOrBitstreamIsRefusedAndChangesNothing() {
        PlState before = dev.plState();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ol.prDownload("composable/pr_9", "rm_partial.bit"));
        assertTrue(e.getMessage().contains("composable/pr_2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ol.prDownload("composable/pr_2", "nothing.bit"));
        assertEquals(before, dev.plState());
        assertTrue(ol.prDict().isEmpty());
    }
}
