package io.jynq.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.magics.PlotMagic;
import io.jynq.render.ChartPng;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.AxisTickCalculator;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * x-axis labels of an 800 px chart of 1024 samples do not run together ("0 45 90 135180225"): the
 * tick labels XChart's own calculator lays out when it paints the chart are each further apart
 * than the widest label is wide, for {@code Plot.lineChart()} and {@code %plot} alike.
 */
class TickSpacingTest {

    static List<?>[] xTicks(Chart<?, ?> chart) throws Exception {
        ChartPng.encode(chart); // paints: the axis computes its ticks
        Field pairField = Chart.class.getDeclaredField("axisPair");
        pairField.setAccessible(true);
        Object pair = pairField.get(chart);
        Object xAxis = pair.getClass().getMethod("getXAxis").invoke(pair);
        Field calc = xAxis.getClass().getDeclaredField("axisTickCalculator");
        calc.setAccessible(true);
        AxisTickCalculator c = (AxisTickCalculator) calc.get(xAxis);
        return new List<?>[] {c.getTickLabels(), c.getTickLocations()};
    }

    static void assertReadable(Chart<?, ?> chart) throws Exception {
        List<?>[] t = xTicks(chart);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) t[0];
        @SuppressWarnings("unchecked")
        List<Double> at = (List<Double>) t[1];
        Font font = ((org.knowm.xchart.style.AxesChartStyler) chart.getStyler()).getAxisTickLabelsFont();
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).getGraphics().getFontMetrics(font);
        for (int i = 1; i < labels.size(); i++) {
            double gap = at.get(i) - at.get(i - 1);
            double need = (fm.stringWidth(labels.get(i)) + fm.stringWidth(labels.get(i - 1))) / 2.0 + fm.stringWidth("00");
            assertTrue(gap >= need, "labels " + labels + " at " + at + ": " + labels.get(i - 1) + " and " + labels.get(i)
                    + " are " + gap + " px apart, need " + need);
        }
        assertTrue(labels.size() >= 4, "a readable axis still has a few ticks: " + labels);
    }

    @Test
    void lineChartOf1024SamplesAt800Px() throws Exception {
        double[] y = new double[1024];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i / 30.0);
        }
        XYChart chart = Plot.lineChart().size(800, 400).series("y", y).chart();
        assertReadable(chart);
    }

    @Test
    void percentPlotOf1024SamplesAt800Px() throws Exception {
        int[] y = new int[1024];
        for (int i = 0; i < y.length; i++) {
            y[i] = (int) (1000 * Math.sin(i / 30.0));
        }
        Chart<?, ?> chart = PlotMagic.chart(y, "line", "", "signal", 30);
        assertTrue(chart.getWidth() == 800, "%plot draws at 800 px: " + chart.getWidth());
        assertReadable(chart);
    }
}
