package org.anomalia.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a {@link Figure} with XChart into a PNG or SVG file, without a display (headless AWT). */
public final class PlotWriter {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private PlotWriter() {}

    /** Writes the figure; the format follows the file name (.png or .svg). */
    public static void write(Figure figure, Path file) throws IOException {
        Chart<?, ?> chart = figure.categories != null ? barChart(figure) : xyChart(figure);
        String name = file.getFileName().toString().toLowerCase();
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (name.endsWith(".png")) {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } else if (name.endsWith(".svg")) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, file.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } else {
            throw new IllegalArgumentException("plot file must end in .png or .svg: " + file);
        }
    }

    private static XYChart xyChart(Figure f) {
        XYChart chart = new XYChartBuilder().width(f.width).height(f.height).title(f.title)
                .xAxisTitle(f.xLabel).yAxisTitle(f.yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setYAxisLogarithmic(f.logY);
        double yLo = Double.POSITIVE_INFINITY, yHi = Double.NEGATIVE_INFINITY;
        for (Figure.Series s : f.series) {
            for (double y : s.y()) {
                if (Double.isFinite(y) && (!f.logY || y > 0)) {
                    yLo = Math.min(yLo, y);
                    yHi = Math.max(yHi, y);
                }
            }
        }
        if (!(yLo <= yHi)) { yLo = f.logY ? 1e-3 : 0; yHi = 1; }
        if (!f.logY) yLo = Math.min(yLo, 0);
        double xLo = Double.POSITIVE_INFINITY, xHi = Double.NEGATIVE_INFINITY;
        for (Figure.Series s : f.series) {
            for (double x : s.x()) {
                if (Double.isFinite(x)) {
                    xLo = Math.min(xLo, x);
                    xHi = Math.max(xHi, x);
                }
            }
        }
        chart.getStyler().setXAxisDecimalPattern(decimalPattern(xLo, xHi));
        if (xLo < xHi) { // round the axis ends to the tick step, so ticks sit at 3.3, 3.4, … rather than at the data's minimum
            double step = niceStep(xHi - xLo);
            chart.getStyler().setXAxisMin(Math.floor(xLo / step + 1e-9) * step);
            chart.getStyler().setXAxisMax(Math.ceil(xHi / step - 1e-9) * step);
        }
        if (!f.logY) { // a log axis keeps XChart's labels: one per decade (1, 10, 100, …)
            chart.getStyler().setYAxisDecimalPattern(decimalPattern(yLo, yHi));
        }
        for (Figure.Series s : f.series) {
            double[][] xy = switch (s.style()) {
                case STEP -> steps(s.x(), s.y());
                case MARKER -> new double[][] {{s.x()[0], s.x()[0]}, {yLo, yHi}};
                default -> new double[][] {s.x(), s.y()};
            };
            if (f.logY) xy = positiveOnly(xy);
            if (xy[0].length == 0) continue;
            XYSeries series = chart.addSeries(s.name(), xy[0], xy[1]);
            series.setXYSeriesRenderStyle(s.style() == Figure.Style.SCATTER ? XYSeries.XYSeriesRenderStyle.Scatter : XYSeries.XYSeriesRenderStyle.Line);
            if (s.style() != Figure.Style.SCATTER) series.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static CategoryChart barChart(Figure f) {
        CategoryChart chart = new CategoryChartBuilder().width(f.width).height(f.height).title(f.title)
                .xAxisTitle(f.xLabel).yAxisTitle(f.yLabel).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(90);
        List<Double> values = new ArrayList<>();
        for (double v : f.barValues) values.add(v);
        chart.addSeries(f.yLabel.isEmpty() ? "value" : f.yLabel, f.categories, values);
        return chart;
    }

    /**
     * Tick labels with the decimals that ticks about a tenth of the range apart need (3.3, 3.4, … rather
     * than 3.30000177546999), trailing zeros dropped. XChart's own label formatter functions break log
     * axes, so the labels are set through its decimal pattern.
     */
    static String decimalPattern(double lo, double hi) {
        double range = hi - lo;
        if (!(range > 0) || !Double.isFinite(range)) {
            return "0.###";
        }
        int decimals = Math.min(12, Math.max(0, (int) -Math.floor(Math.log10(range / 10))));
        return decimals == 0 ? "0" : "0." + "#".repeat(decimals);
    }

    /** 1, 2 or 5 × 10^k, about a tenth of {@code range}. */
    static double niceStep(double range) {
        double raw = range / 10;
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / decade;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * decade;
    }

    /** Edges e0..en and heights h0..h(n−1) as the corner points of a step outline. */
    private static double[][] steps(double[] edges, double[] heights) {
        int n = heights.length;
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = edges[i];
            x[2 * i + 1] = edges[i + 1];
            y[2 * i] = heights[i];
            y[2 * i + 1] = heights[i];
        }
        return new double[][] {x, y};
    }

    private static double[][] positiveOnly(double[][] xy) {
        int k = 0;
        for (double y : xy[1]) if (y > 0 && Double.isFinite(y)) k++;
        double[] x = new double[k], y = new double[k];
        k = 0;
        for (int i = 0; i < xy[1].length; i++) {
            if (xy[1][i] > 0 && Double.isFinite(xy[1][i])) {
                x[k] = xy[0][i];
                y[k++] = xy[1][i];
            }
        }
        return new double[][] {x, y};
    }
}
