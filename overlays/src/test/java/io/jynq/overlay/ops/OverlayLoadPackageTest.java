package io.jynq.overlay.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.capi.CapiException;
import io.jynq.device.sim.SimDevice;
import io.jynq.ffi.cc.CCompiler;
import io.jynq.overlay.LoadOptions;
import io.jynq.overlay.Overlay;
import io.jynq.overlay.pkg.OverlayPackage;
import io.jynq.overlay.pkg.OverlayFinder;
import io.jynq.testing.SimBoards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overlay.load finds a package by its folder or core, whatever its bitstream is called. */
class OverlayLoadPackageTest {
    @TempDir
    Path dir;
    private SimDevice board;
    private Path folder;

    /** A package whose files are not named after it: core "filter", bitstream design.bit, metadata meta.hwh. */
    @BeforeEach
    void writePackage() throws IOException {
        board = SimBoards.open(dir, 16);
        OverlayPackage bundled = OverlayFinder.standard().find("dsp_loopback").pkg().orElseThrow();
        folder = Files.createDirectories(dir.resolve("work/my_filter"));
        Files.copy(bundled.bitstream(), folder.resolve("design.bit"));
        Files.copy(bundled.hwh(), folder.resolve("meta.hwh"));
        Files.copy(bundled.folder().resolve("dsp_ops.c"), folder.resolve("dsp_ops.c"));
        Files.copy(bundled.folder().resolve("dsp_ops.h"), folder.resolve("dsp_ops.h"));
        Files.writeString(folder.resolve("ops.d2l.yaml"), """
                name: OPS
                library: dsp_ops
                operations:
                  - name: ADD
                    arguments: [{name: a, type: int32_t}, {name: b, type: int32_t}]
                    return_type: int32_t
                    driver: {ip: add_0, method: call}
                """);
        Files.writeString(folder.resolve("filter.core"), """
                CAPI=2:
                name: acme:demo:filter:2.1
                description: a renamed dsp_loopback
                filesets:
                  hw: {files: [design.bit: {file_type: bitstream}, meta.hwh: {file_type: hwh}, ops.d2l.yaml]}
                  sw: {file_type: cSource, logical_name: dsp_ops, files: [dsp_ops.c, dsp_ops.h]}
                targets:
                  default: {filesets: [hw, sw]}
                """);
    }

    @Test
    void loadByFolderUsesTheCoresBitstreamAndHwh() {
        Overlay ol = Overlay.load(folder.toString(), LoadOptions.defaults().withDevice(board));
        assertTrue(ol.isLoaded());
        assertEquals(folder.resolve("design.bit"), ol.bitstream().bitfile());
        assertEquals(folder.resolve("meta.hwh"), ol.bitstream().hwh());
        assertEquals("acme:demo:filter:2.1", DeviceOps.packageOf(ol).vlnv().toString());
        assertEquals(42L, DeviceOps.open(ol, "OPS", new CCompiler(dir.resolve("cc"), "gcc", Duration.ofMinutes(1)))
                .call("ADD", Map.of("a", 40, "b", 2)));
    }

    @Test
    void loadByCoreFile() {
        Overlay ol = Overlay.load(folder.resolve("filter.core").toString(), LoadOptions.defaults().withDevice(board));
        assertEquals(folder.resolve("design.bit"), ol.bitstream().bitfile());
    }

    @Test
    void aBadCoreStopsTheLoadBeforeAnythingIsDownloaded() throws IOException {
        Files.delete(folder.resolve("meta.hwh"));
        CapiException e = assertThrows(CapiException.class,
                () -> Overlay.load(folder.toString(), LoadOptions.defaults().withDevice(board)));
        assertEquals(folder.resolve("filter.core").toString(), e.location().file());
        assertEquals(5, e.location().line());
        assertTrue(e.getMessage().contains("file meta.hwh does not exist"), e.getMessage());
        assertFalse(board.plState().isProgrammed());
    }
}
