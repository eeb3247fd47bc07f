package io.jynq.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.render.Displays;
import io.jynq.render.FakeClock;
import io.jynq.render.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class LivePlotTest {
    private final RecordingSink sink = new RecordingSink();
    private final FakeClock clock = new FakeClock();

    private LivePlotBuilder live() {
        return Plot.live().sink(sink).clock(clock).maxUpdatesPerSecond(5).trailingFlush(false);
    }

    @Test
    void oneOutputRedrawnInPlaceAtTheRateLimitWithTheLastStateShownOnClose() {
        try (LivePlot p = live().title("ADC").series("adc").start()) {
            for (int i = 0; i < 100; i++) { // 100 blocks over 2 s
                clock.advanceMillis(20);
                p.append("adc", new double[] {i, i + 0.5});
            }
        }
        assertEquals("display", sink.calls.get(0).kind());
        assertTrue(sink.calls.stream().allMatch(c -> c.id().equals("d1")));
        assertTrue(sink.calls.size() >= 10 && sink.calls.size() <= 12, sink.calls.size() + " redraws in 2 s at 5/s");
        XYChart last = (XYChart) sink.last().shown();
        double[] y = last.getSeriesMap().get("adc").getYData();
        assertEquals(200, y.length);
        assertEquals(99.5, y[199], "the final append is shown");
    }

    @Test
    void nothingIsShownBeforeData() {
        LivePlot p = live().series("a").start();
        assertNull(p.chart());
        p.close();
        assertTrue(sink.calls.isEmpty());
    }

    @Test
    void throttledStateIsFlushedAtCellEnd() {
        LivePlot p = live().start();
        p.append("a", 1.0);
        p.append("a", 2.0); // within 200 ms: stored, not drawn
        assertEquals(1, p.chart().getSeriesMap().get("a").getYData().length);
        Displays.flushPending();
        assertArrayEquals(new double[] {1, 2}, ((XYChart) sink.last().shown()).getSeriesMap().get("a").getYData());
        assertEquals(2, p.redraws());
        p.close();
        assertEquals(2, p.redraws(), "nothing new to draw");
    }

    @Test
    void aStateThatCameTooSoonIsDrawnWhenTheIntervalHasPassed() throws InterruptedException {
        LivePlot p = Plot.live().sink(sink).maxUpdatesPerSecond(20).start(); // real clock, timer on
        p.append("a", 1.0);
        p.append("a", 2.0); // within 50 ms: waits for the timer, no further call from the loop
        sink.awaitCalls(2);
        assertEquals(2, sink.size());
        assertArrayEquals(new double[] {1, 2}, ((XYChart) sink.last().shown()).getSeriesMap().get("a").getYData());
        p.close();
        assertEquals(2, sink.size(), "close has nothing new to draw");
    }

    @Test
    void windowKeepsTheLastSamplesWithRunningX() {
        LivePlot p = live().window(100).start();
        for (int i = 0; i < 10; i++) {
            p.append("s", new int[60]);
        }
        p.close();
        assertEquals(100, p.size("s"));
        double[] x = p.chart().getSeriesMap().get("s").getXData();
        assertEquals(500, x[0]);
        assertEquals(599, x[x.length - 1]);
    }

    @Test
    void replaceShowsAFreshCaptureAndSeriesKeepTheirDeclaredOrder() {
        LivePlot p = live().series("in").series("out").start();
        p.replace("out", new double[] {1, 2, 3});
        clock.advanceMillis(500);
        p.replace("in", new double[] {4, 5});
        clock.advanceMillis(500);
        p.replace("out", new double[] {9});
        p.close();
        XYChart c = p.chart();
        assertEquals(List.of("out", "in"), new ArrayList<>(c.getSeriesMap().keySet()),
            "XChart keeps the order series first got data");
        assertArrayEquals(new double[] {9}, c.getSeriesMap().get("out").getYData());
        assertSame(c, sink.last().shown());
    }

    @Test
    void longLiveSeriesAreDecimated() {
        LivePlot p = live().size(500, 300).start();
        p.append("big", new double[1_000_000]);
        p.close();
        assertTrue(p.chart().getSeriesMap().get("big").getYData().length <= 1000);
    }

    @Test
    void closedPlotRefusesData() {
        LivePlot p = live().title("scope").start();
        p.close();
        var e = assertThrows(IllegalStateException.class, () -> p.append("a", 1.0));
        assertEquals("live plot \"scope\" is closed", e.getMessage());
    }
}
