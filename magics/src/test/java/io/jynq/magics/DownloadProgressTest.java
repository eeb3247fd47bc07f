package io.jynq.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.device.Devices;
import io.jynq.render.DisplaySink;
import io.jynq.render.Displays;
import io.jynq.render.ProgressState;
import io.jynq.render.RecordingSink;
import io.jynq.testing.SimBoards;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's "fifty downloads in a loop show one progress line", through the real path: an
 * overlay from {@code %overlay load}, then a JShell cell that downloads it fifty times.
 */
class DownloadProgressTest {
    @TempDir
    Path dir;
    private final JShellContext ctx = new JShellContext();
    private final RecordingSink sink = new RecordingSink();
    private DisplaySink previous;

    @BeforeEach
    void install() {
        previous = Displays.install(sink);
    }

    @AfterEach
    void restore() {
        Displays.install(previous);
        ctx.close();
        Devices.setActive(null);
    }

    private long displays() {
        return sink.calls.stream().filter(c -> c.kind().equals("display")).count();
    }

    @Test
    void fiftyDownloadsInACellShowOneProgressLineAndTheNextCellItsOwn() {
        Devices.setActive(SimBoards.open(dir, 32));
        Displays.cellStarted();
        new OverlayMagic().eval(ctx, List.of("load", "dsp_loopback"));
        long afterLoad = displays();

        Displays.cellStarted();
        ctx.eval("for (int i = 0; i < 50; i++) ol.download();");
        assertEquals(afterLoad + 1, displays(), "fifty downloads, one line: " + sink.calls.size() + " calls");
        RecordingSink.Call last = sink.calls.get(sink.calls.size() - 1);
        ProgressState shown = (ProgressState) last.shown();
        assertTrue(shown.finished() && shown.label().contains("download"), shown.label());
        assertTrue(sink.calls.stream().filter(c -> c.kind().equals("update")).count() >= 49, "redrawn in place");

        Displays.cellStarted();
        ctx.eval("ol.download();");
        assertEquals(afterLoad + 2, displays(), "the next cell gets a line of its own");
    }
}
