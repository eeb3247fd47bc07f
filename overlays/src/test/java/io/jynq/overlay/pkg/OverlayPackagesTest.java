package io.jynq.overlay.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.capi.CapiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding overlay packages by folder and core name, in Overlay.load's order, and listing them. */
class OverlayPackagesTest {
    @TempDir
    Path dir;
    private Path wd;
    private String cacheBefore;

    @BeforeEach
    void cache() throws IOException {
        cacheBefore = System.getProperty("jynq.cache.dir");
        System.setProperty("jynq.cache.dir", dir.resolve("cache").toString());
        wd = Files.createDirectories(dir.resolve("wd"));
    }

    @AfterEach
    void restore() {
        if (cacheBefore == null) {
            System.clearProperty("jynq.cache.dir");
        } else {
            System.setProperty("jynq.cache.dir", cacheBefore);
        }
    }

    /** A package folder with a copy of the bundled bitstream and .hwh, and a core called {@code vlnv}. */
    private Path writePackage(Path folder, String vlnv, String extraFiles) throws IOException {
        OverlayPackage bundled = OverlayPackages.find("dsp_loopback", dir, List.of()).orElseThrow();
        Files.createDirectories(folder);
        Files.copy(bundled.bitstream(), folder.resolve("design.bit"));
        Files.copy(bundled.hwh(), folder.resolve("design.hwh"));
        Files.writeString(folder.resolve("p.core"), "CAPI=2:\nname: " + vlnv + "\ndescription: test package\n"
                + "filesets:\n  hw:\n    files:\n      - design.bit\n      - design.hwh\n" + extraFiles);
        return folder;
    }

    @Test
    void bundledPackageIsExtractedWithEveryFileItsCoreNames() {
        OverlayPackage p = OverlayPackages.find("dsp_loopback", wd, List.of()).orElseThrow();
        assertEquals("jynq:overlays:dsp_loopback:1.0", p.vlnv().toString());
        assertEquals("dsp_loopback", p.name());
        assertTrue(p.description().startsWith("AXI DMA loopback through an HLS FIR"), p.description());
        assertEquals(dir.resolve("cache/overlays/dsp_loopback").toAbsolutePath(), p.folder());
        assertEquals(p.folder().resolve("dsp_loopback.bit"), p.bitstream());
        assertEquals(p.folder().resolve("dsp_loopback.hwh"), p.hwh());
        assertEquals(List.of("dsp_ops"), p.libraries());
        assertEquals(List.of(FileRole.C_SOURCE, FileRole.C_HEADER),
                p.nativeFiles("dsp_ops").stream().map(PackageFile::role).toList());
        assertEquals("DSP_LOOPBACK", p.device("DSP_LOOPBACK").name());
        assertEquals(List.of(p.folder().resolve("hls/fir.cpp"), p.folder().resolve("hls/add.cpp")),
                p.filesOf(FileRole.SIMULATION_MODEL).stream().map(PackageFile::path).toList());
        for (PackageFile f : p.files()) {
            assertTrue(Files.isRegularFile(f.path()), f.toString());
        }
        assertEquals(p.vlnv(), OverlayPackages.forBitstream(p.bitstream()).orElseThrow().vlnv());
    }

    @Test
    void bundledPackageIsFoundByItsWholeVlnv() {
        assertEquals("dsp_loopback", OverlayPackages.find("jynq:overlays:dsp_loopback:1.0", wd, List.of()).orElseThrow().name());
    }

    @Test
    void workingDirectoryFindsByFolderAndByCoreName() throws IOException {
        Path folder = writePackage(wd.resolve("my_filter"), "acme:demo:filter:2.1", "");
        assertEquals(folder, OverlayPackages.find("my_filter", wd, List.of()).orElseThrow().folder());
        OverlayPackage byName = OverlayPackages.find("filter", wd, List.of()).orElseThrow();
        assertEquals(folder, byName.folder());
        assertEquals(folder.resolve("design.bit"), byName.bitstream());
        assertEquals(folder.resolve("design.hwh"), byName.hwh());
        assertEquals(folder, OverlayPackages.find(folder.resolve("p.core").toString(), wd, List.of()).orElseThrow().folder());
    }

    @Test
    void workingDirectoryComesBeforeBundledAndBundledBeforeOverlayPath() throws IOException {
        writePackage(wd.resolve("mine"), "acme:demo:dsp_loopback:9.0", "");
        Path other = writePackage(dir.resolve("path/filter"), "acme:demo:filter:1.0", "");
        writePackage(dir.resolve("path/dsp"), "acme:demo:dsp_loopback:8.0", "");
        List<Path> overlayPath = List.of(dir.resolve("path"));
        assertEquals("9.0", OverlayPackages.find("dsp_loopback", wd, overlayPath).orElseThrow().vlnv().version());
        assertEquals("1.0", OverlayPackages.find("dsp_loopback", dir.resolve("empty"), overlayPath).orElseThrow().vlnv().version());
        assertEquals(other, OverlayPackages.find("filter", dir.resolve("empty"), overlayPath).orElseThrow().folder());
        assertEquals(Optional.empty(), OverlayPackages.find("nothing_here", wd, overlayPath));
    }

    @Test
    void aBareBitstreamAtAnEarlierPlaceWinsOverALaterPackage() throws IOException {
        OverlayPackage bundled = OverlayPackages.find("dsp_loopback", dir, List.of()).orElseThrow();
        Files.createDirectories(wd.resolve("dsp_loopback"));
        Files.copy(bundled.bitstream(), wd.resolve("dsp_loopback/dsp_loopback.bit"));
        assertEquals(Optional.empty(), OverlayPackages.find("dsp_loopback", wd, List.of()));
        Path first = Files.createDirectories(dir.resolve("first"));
        Files.copy(bundled.bitstream(), first.resolve("filter.bit"));
        writePackage(dir.resolve("second/filter"), "acme:demo:filter:1.0", "");
        assertEquals(Optional.empty(), OverlayPackages.find("filter", dir.resolve("empty"), List.of(first, dir.resolve("second"))));
        assertEquals("filter", OverlayPackages.find("filter", dir.resolve("empty"), List.of(dir.resolve("second")))
                .orElseThrow().name());
    }

    @Test
    void aBrokenCoreElsewhereDoesNotHideThePackageAskedFor() throws IOException {
        Files.createDirectories(wd.resolve("aaa_broken"));
        Files.writeString(wd.resolve("aaa_broken/x.core"), "CAPI=2:\nname: [oops\n");
        writePackage(wd.resolve("zzz"), "acme:demo:filter:2.1", "");
        assertEquals("filter", OverlayPackages.find("filter", wd, List.of()).orElseThrow().name());
    }

    @Test
    void listShowsVlnvDescriptionAndProblems() throws IOException {
        writePackage(wd.resolve("my_filter"), "acme:demo:filter:2.1", "");
        Files.createDirectories(wd.resolve("broken"));
        Files.writeString(wd.resolve("broken/b.core"), "CAPI=2:\nname: acme:demo:b:1\nfilesets:\n  x:\n    files: [gone.bit]\n");
        List<PackageSummary> list = OverlayPackages.list(wd, List.of());
        assertEquals(List.of("broken", "filter", "dsp_loopback"), list.stream().map(PackageSummary::name).toList());
        PackageSummary broken = list.get(0);
        assertFalse(broken.isValid());
        assertTrue(broken.problem().startsWith(wd.resolve("broken/b.core") + ":5:"), broken.problem());
        assertTrue(broken.problem().contains("file gone.bit does not exist"), broken.problem());
        assertEquals("acme:demo:filter:2.1", list.get(1).vlnv());
        assertEquals("test package", list.get(1).description());
        PackageSummary bundled = list.get(2);
        assertEquals("jynq:overlays:dsp_loopback:1.0", bundled.vlnv());
        assertEquals("classpath:io/jynq/overlays/dsp_loopback", bundled.location());
        assertTrue(bundled.toString().startsWith("dsp_loopback  jynq:overlays:dsp_loopback:1.0  AXI DMA"), bundled.toString());
    }

    @Test
    void aPackageNamesExactlyOneBitstream() throws IOException {
        Path p = writePackage(wd.resolve("two"), "acme:demo:two:1", "  more:\n    files: [design.hwh: {file_type: bitstream}]\n");
        CapiException two = assertThrows(CapiException.class, () -> OverlayPackage.open(p));
        assertEquals(10, two.location().line());
        assertTrue(two.getMessage().contains("must name exactly one bitstream"), two.getMessage());
        Files.writeString(p.resolve("p.core"), "CAPI=2:\nname: acme:demo:none:1\nfilesets:\n  hw:\n    files: [design.hwh]\n");
        CapiException none = assertThrows(CapiException.class, () -> OverlayPackage.open(p));
        assertTrue(none.getMessage().contains("found 0"), none.getMessage());
    }

    @Test
    void aFileOutsideTheFolderIsRefused() throws IOException {
        Path p = writePackage(wd.resolve("escape"), "acme:demo:e:1", "  x:\n    files: [../my_secret.c]\n");
        Files.writeString(wd.resolve("my_secret.c"), "int x;\n");
        CapiException e = assertThrows(CapiException.class, () -> OverlayPackage.open(p));
        assertTrue(e.getMessage().contains("lies outside the package folder"), e.getMessage());
    }

    @Test
    void missingPackageListsWhereItLooked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OverlayPackages.get("no_such_overlay"));
        assertTrue(e.getMessage().startsWith("no overlay package \"no_such_overlay\": looked at "), e.getMessage());
        assertTrue(e.getMessage().contains("[dsp_loopback]"), e.getMessage());
    }
}
