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
