package org.anomalia.bench;

import java.util.Arrays;

/** Repeated timings of one thing: the median and the spread (min, max) are what we report. */
final class Samples {
    private final double[] values;

    Samples(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("no samples");
        this.values = values.clone();
        Arrays.sort(this.values);
    }

    double median() {
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }

    double min() {
        return values[0];
    }

    double max() {
        return values[values.length - 1];
    }

    double[] values() {
        return values.clone();
    }
}
