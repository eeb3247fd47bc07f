package io.jynq.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final RecordingSink sink = new RecordingSink();
    private final FakeClock clock = new FakeClock();

    @Test
    void showsFirstFrameThenUpdatesByDisplayIdAtMostTenPerSecondAndAlwaysTheLast() {
        try (Progress p = Progress.start("Downloading base.bit", 4_000_000, true, sink, 10, clock, false)) {
            for (int i = 0; i < 1000; i++) {
                clock.advanceMillis(1); // 1000 chunks in 1 s
                p.advance(4000);
            }
        }
        assertEquals("display", sink.calls.get(0).kind());
        assertEquals(0, ((ProgressState) sink.calls.get(0).shown()).done());
        long updates = sink.calls.stream().filter(c -> c.kind().equals("update")).count();
        assertTrue(updates >= 10 && updates <= 12, updates + " updates in 1 s at 10/s");
        assertTrue(sink.calls.stream().allMatch(c -> c.id().equals("d1")), "one output, updated in place");
        ProgressState last = (ProgressState) sink.last().shown();
        assertEquals(4_000_000, last.done());
        assertTrue(last.finished());
        assertFalse(last.stopped());
    }

    @Test
    void closingEarlyShowsStopped() {
        Progress p = Progress.start("Transfer", 100, false, sink, 10, clock, false);
        p.advance(40);
        p.close();
        p.advance(10); // ignored after close
        ProgressState last = (ProgressState) sink.last().shown();
        assertTrue(last.stopped());
        assertEquals(40, last.done());
        assertTrue(ProgressBar.text(last).endsWith("stopped"), ProgressBar.text(last));
    }

    @Test
    void throttledFrameIsFlushedByTheKernelAtCellEnd() {
        Progress p = Progress.start("Transfer", 100, false, sink, 1, clock, false);
        p.advance(10);
        p.advance(20); // too soon: pending
        assertEquals(30, p.done());
        Displays.flushPending();
        assertEquals(30, ((ProgressState) sink.last().shown()).done());
        p.close();
    }

    @Test
    void aFrameThatCameTooSoonIsShownWhenTheIntervalHasPassed() throws InterruptedException {
        Progress p = Progress.start("Transfer", 100, false, sink, 20, System::nanoTime, true);
        p.advance(10); // first update right after the display: throttled
        sink.awaitCalls(2);
        assertEquals(10, ((ProgressState) sink.last().shown()).done());
        p.close();
    }

    @Test
    void htmlIsAProgressElementWithEscapedLabel() {
        String html = ProgressBar.html(new ProgressState("<b>x</b> & y", 512, 2048, true, 1_500_000_000L, false));
        assertTrue(html.contains("<progress value=\"512\" max=\"2048\""), html);
        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt; &amp; y"), html);
        assertTrue(html.contains(" 25%  512 B / 2.0 KiB  1.5 s"), html);
    }

    @Test
    void textBarFillsInProportion() {
        String t = ProgressBar.text(new ProgressState("Copy", 3 * 1024 * 1024, 6 * 1024 * 1024, true, 0, false));
        assertEquals("Copy [###############---------------]  50%  3.0 MiB / 6.0 MiB  0.0 s", t);
        String unknown = ProgressBar.text(new ProgressState("Scan", 7, -1, false, 0, false));
        assertEquals("Scan [??????????????????????????????] 7  0.0 s", unknown);
    }

    @Test
    void consoleRedrawsOneLineAndEndsItWhenFinished() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleSink console = new ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try (Progress p = Progress.start("Copy", 2, false, console, 1000, clock, false)) {
            clock.advanceMillis(5);
            p.advance(1);
            clock.advanceMillis(5);
            p.advance(1);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(4, out.chars().filter(c -> c == '\r').count(), out);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "one line on the terminal: " + out);
        assertTrue(out.endsWith("100%  2 / 2  0.0 s" + System.lineSeparator()), out);
    }

    @Test
    void reporterDrawsEachTaskInPlaceOfTheLastAndClosesEachAtItsTotal() {
        DisplaySink previous = Displays.install(sink);
        try (ProgressReporter r = ProgressReporter.bytes("base")) {
            assertTrue(sink.calls.isEmpty(), "nothing shown before the first report");
            r.progress("parse base.hwh", 0, 3);
            r.progress("download", 0, 1000); // a new task closes the unfinished one
            r.progress("download", 1000, 1000);
            ProgressState parse = (ProgressState) sink.calls.stream()
                .filter(c -> c.shown() instanceof ProgressState s && s.label().contains("parse"))
                .reduce((a, b) -> b).orElseThrow().shown();
            assertEquals("base: parse base.hwh", parse.label());
            assertTrue(parse.stopped(), "parse never reported its end");
            ProgressState download = (ProgressState) sink.last().shown();
            assertEquals("d1", sink.last().id(), "one line for the steps of one cell");
            assertEquals("base: download", download.label());
            assertTrue(download.finished() && !download.stopped());
        } finally {
            Displays.install(previous);
        }
    }

    /** PYNQ users download in a loop; the notebook should not fill with fifty finished bars. */
    @Test
    void fiftyDownloadsInOneCellShowOneLineAndTheNextCellItsOwn() {
        DisplaySink previous = Displays.install(sink);
        try (ProgressReporter r = ProgressReporter.items("base.bit")) {
            Displays.cellStarted();
            for (int i = 0; i < 50; i++) {
                r.progress("download", 0, 2);
                r.progress("download", 2, 2);
            }
            assertEquals(1, sink.calls.stream().filter(c -> c.kind().equals("display")).count());
            Displays.cellStarted();
            r.progress("download", 0, 2);
            r.progress("download", 2, 2);
            assertEquals(2, sink.calls.stream().filter(c -> c.kind().equals("display")).count());
            assertEquals("d2", sink.last().id());
        } finally {
            Displays.install(previous);
        }
    }

    @Test
    void negativeStepsAndTotalsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Progress.start("x", -5, false, sink, 10, clock, false));
        Progress p = Progress.start("x", 5, false, sink, 10, clock, false);
        var e = assertThrows(IllegalArgumentException.class, () -> p.advance(-1));
        assertEquals("progress cannot go back by -1", e.getMessage());
    }
}
