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

/** Finding overlays (packages and bitstreams) by path, name, file name and VLNV in one order, and listing them. */
class OverlayFinderTest {
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

    private static FoundOverlay find(String request, Path wd, List<Path> overlayPath) {
        return OverlayFinder.of(wd, overlayPath, List.of()).lookup(request).orElse(null);
    }

    private static OverlayPackage pkg(String request, Path wd, List<Path> overlayPath) {
        return OverlayFinder.of(wd, overlayPath, List.of()).lookup(request).flatMap(FoundOverlay::pkg).orElseThrow();
    }

    /** A package folder with a copy of the bundled bitstream and .hwh, and a core called {@code vlnv}. */
    private Path writePackage(Path folder, String vlnv, String extraFiles) throws IOException {
        OverlayPackage bundled = pkg("dsp_loopback", dir, List.of());
        Files.createDirectories(folder);
        Files.copy(bundled.bitstream(), folder.resolve("design.bit"));
        Files.copy(bundled.hwh(), folder.resolve("design.hwh"));
        Files.writeString(folder.resolve("p.core"), "CAPI=2:\nname: " + vlnv + "\ndescription: test package\n"
                + "filesets:\n  hw:\n    files:\n      - design.bit\n      - design.hwh\n" + extraFiles);
        return folder;
    }

    @Test
    void bundledPackageIsExtractedWithEveryFileItsCoreNames() {
        OverlayPackage p = pkg("dsp_loopback", wd, List.of());
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
        assertEquals(p.vlnv(), OverlayFinder.packageOf(p.bitstream()).orElseThrow().vlnv());
    }

    @Test
    void bundledPackageIsFoundByItsWholeVlnv() {
        assertEquals("dsp_loopback", pkg("jynq:overlays:dsp_loopback:1.0", wd, List.of()).name());
    }

    @Test
    void workingDirectoryFindsByFolderAndByCoreName() throws IOException {
        Path folder = writePackage(wd.resolve("my_filter"), "acme:demo:filter:2.1", "");
        assertEquals(folder, pkg("my_filter", wd, List.of()).folder());
        OverlayPackage byName = pkg("filter", wd, List.of());
        assertEquals(folder, byName.folder());
        assertEquals(folder.resolve("design.bit"), byName.bitstream());
        assertEquals(folder.resolve("design.hwh"), byName.hwh());
        assertEquals(folder, pkg(folder.resolve("p.core").toString(), wd, List.of()).folder());
    }

    @Test
    void workingDirectoryComesBeforeBundledAndBundledBeforeOverlayPath() throws IOException {
        writePackage(wd.resolve("mine"), "acme:demo:dsp_loopback:9.0", "");
        Path other = writePackage(dir.resolve("path/filter"), "acme:demo:filter:1.0", "");
        writePackage(dir.resolve("path/dsp"), "acme:demo:dsp_loopback:8.0", "");
        List<Path> overlayPath = List.of(dir.resolve("path"));
        assertEquals("9.0", pkg("dsp_loopback", wd, overlayPath).vlnv().version());
        assertEquals("1.0", pkg("dsp_loopback", dir.resolve("empty"), overlayPath).vlnv().version());
        assertEquals(other, pkg("filter", dir.resolve("empty"), overlayPath).folder());
        assertEquals(null, find("nothing_here", wd, overlayPath));
    }

    @Test
    void aBareBitstreamAtAnEarlierPlaceWinsOverALaterPackage() throws IOException {
        OverlayPackage bundled = pkg("dsp_loopback", dir, List.of());
        Files.createDirectories(wd.resolve("dsp_loopback"));
        Files.copy(bundled.bitstream(), wd.resolve("dsp_loopback/dsp_loopback.bit"));
        FoundOverlay local = find("dsp_loopback", wd, List.of());
        assertEquals(wd.resolve("dsp_loopback/dsp_loopback.bit"), local.bitstream());
        assertEquals(Optional.empty(), local.pkg());
        Path first = Files.createDirectories(dir.resolve("first"));
        Files.copy(bundled.bitstream(), first.resolve("filter.bit"));
        writePackage(dir.resolve("second/filter"), "acme:demo:filter:1.0", "");
        assertEquals(first.resolve("filter.bit"), find("filter", dir.resolve("empty"), List.of(first, dir.resolve("second"))).bitstream());
        assertEquals("filter", pkg("filter", dir.resolve("empty"), List.of(dir.resolve("second"))).name());
    }

    @Test
    void aBrokenCoreElsewhereDoesNotHideThePackageAskedFor() throws IOException {
        Files.createDirectories(wd.resolve("aaa_broken"));
        Files.writeString(wd.resolve("aaa_broken/x.core"), "CAPI=2:\nname: [oops\n");
        writePackage(wd.resolve("zzz"), "acme:demo:filter:2.1", "");
        assertEquals("filter", pkg("filter", wd, List.of()).name());
    }

    @Test
    void listShowsVlnvDescriptionAndProblems() throws IOException {
        writePackage(wd.resolve("my_filter"), "acme:demo:filter:2.1", "");
        Files.createDirectories(wd.resolve("broken"));
        Files.writeString(wd.resolve("broken/b.core"), "CAPI=2:\nname: acme:demo:b:1\nfilesets:\n  x:\n    files: [gone.bit]\n");
        List<OverlaySummary> list = OverlayFinder.of(wd, List.of(), List.of()).list();
        assertEquals(List.of("broken", "filter", "dsp_loopback"), list.stream().map(OverlaySummary::name).toList());
        OverlaySummary broken = list.get(0);
        assertFalse(broken.isValid());
        assertTrue(broken.problem().startsWith(wd.resolve("broken/b.core") + ":5:"), broken.problem());
        assertTrue(broken.problem().contains("file gone.bit does not exist"), broken.problem());
        assertEquals("acme:demo:filter:2.1", list.get(1).vlnv());
        assertEquals("test package", list.get(1).description());
        OverlaySummary bundled = list.get(2);
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
        OverlayFinder finder = OverlayFinder.of(wd, List.of(dir.resolve("mine")), List.of(dir.resolve("installed")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> finder.find("no_such_overlay"));
        assertEquals("overlay \"no_such_overlay\" not found; looked in the working directory " + wd
                + ", the bundled overlays [dsp_loopback], JYNQ_OVERLAY_PATH [" + dir.resolve("mine")
                + "] and the installed folders [" + dir.resolve("installed") + "]", e.getMessage());
        IllegalArgumentException path = assertThrows(IllegalArgumentException.class, () -> finder.find("sub/none.bit"));
        assertEquals("overlay \"sub/none.bit\" not found; looked at " + wd.resolve("sub/none.bit"), path.getMessage());
    }

    /** PYNQ's places for {@code Overlay("base.bit")}: {@code <dir>/<stem>/<name>}, then {@code <dir>/<name>}, folder by folder. */
    @Test
    void aFileNameIsFoundAsPynqFindsItFolderByFolder() throws IOException {
        OverlayPackage bundled = pkg("dsp_loopback", dir, List.of());
        Path path = Files.createDirectories(dir.resolve("path/base"));
        Files.copy(bundled.bitstream(), path.resolve("base.bit"));
        Files.copy(bundled.hwh(), path.resolve("base.hwh"));
        Path installed = Files.createDirectories(dir.resolve("installed"));
        Files.copy(bundled.bitstream(), installed.resolve("base.bit"));
        OverlayFinder finder = OverlayFinder.of(wd, List.of(dir.resolve("path")), List.of(installed));
        for (String request : List.of("base.bit", "base")) {
            FoundOverlay f = finder.find(request);
            assertEquals(path.resolve("base.bit"), f.bitstream(), request);
            assertEquals(path.resolve("base.hwh"), f.hwh(), request);
            assertEquals("JYNQ_OVERLAY_PATH", f.place());
        }
        FoundOverlay fromInstalled = OverlayFinder.of(wd, List.of(), List.of(installed)).find("base.bit");
        assertEquals(installed.resolve("base.bit"), fromInstalled.bitstream());
        assertEquals("installed", fromInstalled.place());
        Files.copy(bundled.bitstream(), wd.resolve("base.bit"));
        assertEquals(wd.resolve("base.bit"), finder.find("base.bit").bitstream(), "the working directory comes first");
    }

    /** A package whose .bit has another name is found by its folder, its core's name and its VLNV, and listed once. */
    @Test
    void aPackageWhoseBitstreamHasAnotherNameIsFoundAndListed() throws IOException {
        Path mypkg = writePackage(dir.resolve("path/mypkg"), "acme:demo:mypkg:1.0", "");
        OverlayFinder finder = OverlayFinder.of(wd, List.of(dir.resolve("path")), List.of());
        for (String request : List.of("mypkg", "acme:demo:mypkg:1.0", mypkg.toString(), mypkg.resolve("p.core").toString())) {
            FoundOverlay f = finder.find(request);
            assertEquals(mypkg.resolve("design.bit"), f.bitstream(), request);
            assertEquals(mypkg.resolve("design.hwh"), f.hwh(), request);
            assertEquals("mypkg", f.pkg().orElseThrow().name(), request);
        }
        List<OverlaySummary> list = finder.list();
        assertEquals(List.of("dsp_loopback", "mypkg"), list.stream().map(OverlaySummary::name).toList());
        assertEquals("mypkg  acme:demo:mypkg:1.0  test package  (" + mypkg + ")", list.get(1).toString());
    }

    @Test
    void bareBitstreamsAreListedWithWhetherTheirHwhIsThere() throws IOException {
        OverlayPackage bundled = pkg("dsp_loopback", dir, List.of());
        Files.copy(bundled.bitstream(), wd.resolve("alone.bit"));
        Files.createDirectories(wd.resolve("base"));
        Files.copy(bundled.bitstream(), wd.resolve("base/base.bit"));
        Files.copy(bundled.hwh(), wd.resolve("base/base.hwh"));
        List<OverlaySummary> list = OverlayFinder.of(wd, List.of(), List.of()).list();
        assertEquals(List.of("base", "alone", "dsp_loopback"), list.stream().map(OverlaySummary::name).toList());
        assertTrue(list.get(0).isValid());
        assertEquals("no alone.hwh beside alone.bit", list.get(1).problem());
    }

    @Test
    void theInstalledFoldersIncludePynqsUnderTheBoardRoot() throws IOException {
        Path root = dir.resolve("board");
        Path pynq = Files.createDirectories(root.resolve("usr/local/share/pynq-venv/lib/python3.10/site-packages/pynq/overlays/base"));
        Files.copy(pkg("dsp_loopback", dir, List.of()).bitstream(), pynq.resolve("base.bit"));
        String before = System.getProperty("jynq.board.root");
        System.setProperty("jynq.board.root", root.toString());
        try {
            FoundOverlay f = OverlayFinder.standard().find("base.bit");
            assertEquals(pynq.resolve("base.bit"), f.bitstream());
            assertEquals("installed", f.place());
        } finally {
            if (before == null) {
                System.clearProperty("jynq.board.root");
            } else {
                System.setProperty("jynq.board.root", before);
            }
        }
    }
}
