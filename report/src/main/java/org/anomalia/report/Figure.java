package org.anomalia.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a plot shows, independent of how it is drawn: titled axes with line, scatter, step-histogram
 * and vertical-marker series, or a bar chart over named categories. {@link PlotWriter} draws it.
 */
public final class Figure {
    /** How one series is drawn. */
    public enum Style { LINE, SCATTER, STEP, MARKER }

    /** One named series; for STEP, x holds the bin edges (one more than y); for MARKER, x[0] is the position. */
    public record Series(String name, Style style, double[] x, double[] y) {}

    final String title;
    final String xLabel;
    final String yLabel;
    final List<Series> series = new ArrayList<>();
    boolean logY;
    List<String> categories; // non-null: a bar chart
    double[] barValues;
    int width = 800;
    int height = 500;

    private Figure(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** An x–y plot to which series are added. */
    public static Figure xy(String title, String xLabel, String yLabel) {
        return new Figure(title, xLabel, yLabel);
    }

    /** A bar chart of one value per named category (for example pulls per observable). */
    public static Figure bars(String title, String yLabel, List<String> categories, double[] values) {
        if (categories.size() != values.length) throw new IllegalArgumentException(categories.size() + " categories but " + values.length + " values");
        Figure f = new Figure(title, "", yLabel);
        f.categories = List.copyOf(categories);
        f.barValues = values.clone();
        f.width = Math.max(800, 28 * categories.size() + 150);
        return f;
    }

    public Figure line(String name, double[] x, double[] y) {
        return add(new Series(name, Style.LINE, x.clone(), y.clone()));
    }

    public Figure scatter(String name, double[] x, double[] y) {
        return add(new Series(name, Style.SCATTER, x.clone(), y.clone()));
    }

    /** A histogram drawn as steps; with density=true normalized to unit area. */
    public Figure histogram(String name, Histogram h, boolean density) {
        double[] y = density ? h.density() : h.counts().clone();
        return add(new Series(name, Style.STEP, h.edges().clone(), y));
    }

    /** A vertical line across the plot at x (for example the observed value). */
    public Figure marker(String name, double x) {
        return add(new Series(name, Style.MARKER, new double[] {x}, new double[0]));
    }

    public Figure logY() {
        this.logY = true;
        return this;
    }

    public Figure size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    public String title() {
        return title;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    private Figure add(Series s) {
        if (categories != null) throw new IllegalStateException("a bar chart takes no further series");
        int expectedY = s.style() == Style.STEP ? s.x().length - 1 : s.style() == Style.MARKER ? 0 : s.x().length;
        if (s.y().length != expectedY) throw new IllegalArgumentException("series " + s.name() + ": x and y lengths do not fit");
        series.add(s);
        return this;
    }
}
