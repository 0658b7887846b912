package org.anomalia.events.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.method.FittedMethod;
import org.junit.jupiter.api.Test;

/** The closure's ratios per side and pooled, and its σ when the model's error changes across the window, against hand counts. */
class TemplateClosureTest {
    static final Binning BINS = Binning.ofWidth(2.5, 6.0, 0.05);
    static final ScanWindow WINDOW = ScanWindows.list(BINS, List.of("3.3:3.7")).get(0);
    static final int N = 40_000;

    /** Data: masses evenly over 2.9-4.1, scores evenly over [0, 1) whatever the mass. */
    static double[] masses() {
        double[] m = new double[N];
        for (int i = 0; i < N; i++) m[i] = 2.9 + 1.2 * (i + 0.5) / N;
        return m;
    }

    static double[] scores() {
        double[] s = new double[N];
        for (int i = 0; i < N; i++) s[i] = ((i * 7919L) % N + 0.5) / N;
        return s;
    }

    /** A model whose samples' scores are evenly spread over [0, scale(m)). */
    static FittedMethod model(double scaleBelow, double scaleAbove) {
        return new FittedMethod() {
            @Override
            public double[] dataScores(boolean[] rows) {
                throw new UnsupportedOperationException();
            }

            @Override
            public double[] score(Table events) {
                throw new UnsupportedOperationException();
            }

            @Override
            public double[] templateScoresAt(double[] masses, long seed) {
                double[] s = new double[masses.length];
                for (int i = 0; i < s.length; i++) s[i] = (masses[i] < WINDOW.low() ? scaleBelow : scaleAbove) * (i + 0.5) / s.length;
                return s;
            }
        };
    }

    @Test
    void aModelWrongAlikeOnBothSidesHasOneRatioAndOnlyBinomialError() {
        TemplateClosure c = TemplateClosure.draw(model(0.95, 0.95), BINS, masses(), WINDOW, 100_000, 7);
        TemplateClosure.Ratio r = c.at(scores(), 0.9);
        double expected = 0.1 / (0.05 / 0.95); // data pass 10 %, samples (0.95 - 0.9) / 0.95
        assertEquals(expected, r.r(), 0.01 * expected);
        assertEquals(expected, r.below(), 0.01 * expected);
        assertEquals(expected, r.above(), 0.01 * expected);
        // data next to the window: 2.9-3.3 and 3.7-4.1, two thirds of N; samples: 100 000
        double rel2 = (1 - 0.1) / (0.1 * N * 2 / 3.0) + (1 - 0.05 / 0.95) / (0.05 / 0.95 * 100_000);
        assertEquals(r.r() * Math.sqrt(rel2), r.sigma(), 0.05 * r.sigma());
    }

    @Test
    void sidesThatDisagreeBeyondTheirErrorsWidenSigmaByHalfTheDifference() {
        TemplateClosure c = TemplateClosure.draw(model(1.0, 0.95), BINS, masses(), WINDOW, 100_000, 7);
        TemplateClosure.Ratio r = c.at(scores(), 0.9);
        assertEquals(1.0, r.below(), 0.01);
        assertEquals(1.9, r.above(), 0.02);
        // the two sides hold equal data and samples: the pooled ratio is 0.1 / mean(0.1, 0.0526)
        assertEquals(0.1 / ((0.1 + 0.05 / 0.95) / 2), r.r(), 0.01);
        assertEquals((r.above() - r.below()) / 2, r.sigma(), 0.05 * r.sigma());
    }
}
