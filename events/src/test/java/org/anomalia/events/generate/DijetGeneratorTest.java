package org.anomalia.events.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.anomalia.data.Table;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.stats.KolmogorovSmirnov;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DijetGeneratorTest {
    static final DijetModel MODEL = DijetModel.toy(100_000).withSignalToBackground(0.05);
    static Table events;

    @BeforeAll
    static void generate() {
        events = new DijetGenerator(MODEL).generate(42);
    }

    @Test
    void sameSeedSameEventsOtherSeedOtherEvents() {
        for (DijetShape shape : DijetShape.values()) {
            DijetModel small = DijetModel.lhcoLike(2000).withShape(shape).withSignalToBackground(0.3);
            Table a = new DijetGenerator(small).generate(7);
            Table b = new DijetGenerator(small).generate(7);
            Table c = new DijetGenerator(small).generate(8);
            for (String col : DijetGenerator.COLUMNS) {
                assertArrayEquals(a.column(col), b.column(col), 0.0, shape + " " + col);
            }
            assertFalse(Arrays.equals(a.column("mjj"), c.column("mjj")));
        }
    }

    @Test
    void theShapesShareTheMjjSpectrumButNotTheJets() {
        Table toy = new DijetGenerator(DijetModel.toy(2000)).generate(7);
        Table lhco = new DijetGenerator(DijetModel.lhcoLike(2000)).generate(7);
        assertEquals(toy.rows(), lhco.rows());
        assertFalse(Arrays.equals(toy.column("mj1"), lhco.column("mj1")));
        assertEquals(DijetShape.TOY, DijetShape.named("toy", "--model"));
        UserException e = assertThrows(UserException.class, () -> DijetShape.named("pythia", "--model"));
        assertTrue(e.getMessage().startsWith("--model: unknown generator model 'pythia'"), e.getMessage());
    }

    @Test
    void backgroundMjjFollowsTheDijetFunction() {
        // Probability-integral transform with an independent CDF (fine Simpson integration) -> uniform.
        double[] mjj = events.filter(isLabel(0)).column("mjj");
        double lo = MODEL.mjjMin();
        double hi = MODEL.mjjMax();
        int steps = 200_000;
        double h = (hi - lo) / steps;
        double[] cum = new double[steps + 1];
        for (int i = 1; i <= steps; i++) {
            double a = lo + (i - 1) * h;
            cum[i] = cum[i - 1] + h / 6 * (DijetModel.mjjDensity(a) + 4 * DijetModel.mjjDensity(a + h / 2) + DijetModel.mjjDensity(a + h));
        }
        double[] u = new double[mjj.length];
        for (int k = 0; k < mjj.length; k++) {
            double pos = (mjj[k] - lo) / h;
            int i = Math.min((int) pos, steps - 1);
            u[k] = (cum[i] + (pos - i) * (cum[i + 1] - cum[i])) / cum[steps];
        }
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.testUniform(u);
        assertTrue(ks.pValue() > 1e-3, "KS p = " + ks.pValue());
    }

    @Test
    void injectedSignalToBackgroundInTheSignalRegion() {
        int s = 0;
        int b = 0;
        double[] mjj = events.column("mjj");
        double[] label = events.column("label");
        for (int i = 0; i < mjj.length; i++) {
            if (mjj[i] >= MODEL.srLow() && mjj[i] <= MODEL.srHigh()) {
                if (label[i] == 1) {
                    s++;
                } else {
                    b++;
                }
            }
        }
        double expectedS = 0.05 * b;
        // Poisson fluctuations of S (and of B, smaller): 4 sigma
        assertEquals(expectedS, s, 4 * Math.sqrt(expectedS), "S = " + s + ", B = " + b);
    }

    @Test
    void substructureDriftsSmoothlyWithMjjSoTheSignalRegionInterpolatesTheSidebands() {
        Table bkg = events.filter(isLabel(0));
        double[] edges = {2.7, 3.0, 3.3, 3.7, 4.0, 4.5};
        double[] medians = new double[edges.length - 1];
        for (int k = 0; k + 1 < edges.length; k++) {
            double a = edges[k];
            double c = edges[k + 1];
            double[] mjj = bkg.column("mjj");
            boolean[] in = new boolean[mjj.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = mjj[i] >= a && mjj[i] < c;
            }
            medians[k] = median(bkg.filter(in).column("mj1"));
        }
        for (int k = 1; k < medians.length; k++) {
            assertTrue(medians[k] > medians[k - 1], "median mj1 rises with mjj: " + Arrays.toString(medians));
        }
        // the signal-region bin (index 2) is close to the mean of its two neighbours
        assertEquals((medians[1] + medians[3]) / 2, medians[2], 0.05 * medians[2]);
    }

    @Test
    void signalLooksLikeTheResonance() {
        Table sig = events.filter(isLabel(1));
        assertEquals(MODEL.signalMass(), median(sig.column("mjj")), 0.01);
        assertEquals(MODEL.massY(), median(sig.column("mj1")), 0.01);
        assertEquals(MODEL.massX() - MODEL.massY(), median(sig.column("delta_mj")), 0.02);
        assertTrue(median(sig.column("tau21_j2")) < 0.4);
        assertTrue(median(events.filter(isLabel(0)).column("tau21_j2")) > 0.5);
    }

    @Test
    void badModelsAreUserErrors() {
        assertThrows(UserException.class, () -> new DijetModel(10, 2.5, 6.0, 3.5, 0.1, 0.01, 2.0, 3.0, 0.5, 0.1, DijetShape.LHCO));
        assertThrows(UserException.class, () -> new DijetModel(10, 6.0, 2.5, 3.5, 0.1, 0.01, 3.3, 3.7, 0.5, 0.1, DijetShape.LHCO));
        assertThrows(UserException.class, () -> new DijetModel(10, 2.5, 6.0, 3.5, -0.1, 0.01, 3.3, 3.7, 0.5, 0.1, DijetShape.LHCO));
    }

    private static boolean[] isLabel(int l) {
        double[] label = events.column("label");
        boolean[] out = new boolean[label.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = label[i] == l;
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
