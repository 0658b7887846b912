package org.anomalia.numerics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinomialIntervalTest {
    @Test
    void zeroAndAllSuccessesHaveClosedForms() {
        // k = 0: upper = 1 − (α/2)^{1/n}; k = n: lower = (α/2)^{1/n}.
        BinomialInterval none = BinomialInterval.clopperPearson(0, 1000, 0.95);
        assertEquals(0.0, none.lower());
        assertEquals(1 - Math.pow(0.025, 1e-3), none.upper(), 1e-12);
        BinomialInterval all = BinomialInterval.clopperPearson(20, 20, 0.95);
        assertEquals(Math.pow(0.025, 1.0 / 20), all.lower(), 1e-12);
        assertEquals(1.0, all.upper());
    }

    @Test
    void matchesTabulatedInterval() {
        // Clopper–Pearson 95 % for 5/10 (R binom.test): [0.1870860, 0.8129140]
        BinomialInterval ci = BinomialInterval.clopperPearson(5, 10, 0.95);
        assertEquals(0.1870860, ci.lower(), 1e-6);
        assertEquals(0.8129140, ci.upper(), 1e-6);
        // 1/100: [0.0002531460, 0.0544593854]
        BinomialInterval low = BinomialInterval.clopperPearson(1, 100, 0.95);
        assertEquals(0.000253146, low.lower(), 1e-8);
        assertEquals(0.0544593854, low.upper(), 1e-8);
    }

    @Test
    void lowerTailDefinitionHolds() {
        // The lower limit L solves P(X ≥ k | L) = α/2: for k = 1 that is 1 − (1 − L)^n = α/2.
        BinomialInterval ci = BinomialInterval.clopperPearson(1, 50, 0.90);
        assertEquals(0.05, 1 - Math.pow(1 - ci.lower(), 50), 1e-10);
    }
}
