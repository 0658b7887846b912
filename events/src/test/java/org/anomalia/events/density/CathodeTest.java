package org.anomalia.events.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anomalia.data.Table;
import org.anomalia.events.classify.XgboostTrainer;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.metrics.Roc;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

/** CATHODE end to end on small generated events with a large injected signal. */
class CathodeTest {
    @Test
    void findsALargeInjectedSignalAndItsSamplesLookLikeTheSignalRegionBackground() {
        DijetModel model = DijetModel.toy(30_000).withSignalToBackground(0.1);
        Table data = new DijetGenerator(model).generate(5);
        Table sr = GeneratorStudy.SIGNAL_REGION.inside(data);
        Table sb = GeneratorStudy.SIGNAL_REGION.sidebands(data, 0);
        var f = DijetGenerator.FEATURES;
        CathodeSettings s = new CathodeSettings(new FlowSettings(2, 16, true, 3e-3, 256, 4, 2, 0.2, false),
                new XgboostTrainer(100, 3, 0.1, 10, 0.2, 1), 3, 2, 1);
        Cathode.Result r = Cathode.run(sr.toRows(f), sr.column("mjj"), sb.toRows(f), sb.column("mjj"), 3.3, 3.7, s, 9);

        // out-of-fold scores of the signal-region data separate the injected signal
        double auc = Roc.of(r.dataScores(), sr.labels("label")).auc();
        assertTrue(auc > 0.8, "CATHODE out-of-fold AUC on the data " + auc);
        // and the fold ensemble does so on independent events
        Table eval = GeneratorStudy.SIGNAL_REGION.inside(new DijetGenerator(DijetModel.toy(20_000).withSignalToBackground(0.5)).generate(6));
        double evalAuc = Roc.of(r.score(eval.toRows(f)), eval.labels("label")).auc();
        assertTrue(evalAuc > 0.8, "CATHODE AUC on independent events " + evalAuc);

        // 2× oversampling, masses from the KDE inside the signal region
        assertEquals(2 * sr.rows(), r.samples().length, 0.01 * sr.rows());
        for (double m : r.sampleMasses()) assertTrue(m >= 3.3 && m < 3.7);
        // the interpolated background: sample means of each feature close to those of pure SR background
        Table bg = GeneratorStudy.SIGNAL_REGION.inside(new DijetGenerator(model.withSignalToBackground(0)).generate(7));
        for (int c = 0; c < f.size(); c++) {
            double[] truth = bg.column(f.get(c));
            double mean = 0, var = 0, sampleMean = 0;
            for (double v : truth) mean += v / truth.length;
            for (double v : truth) var += (v - mean) * (v - mean) / truth.length;
            for (double[] row : r.samples()) sampleMean += row[c] / r.samples().length;
            assertEquals(mean, sampleMean, 0.15 * Math.sqrt(var), f.get(c));
        }
    }

    @Test
    void samplesAreSeededSoThatClassifiersCanShareThem() {
        Table data = new DijetGenerator(DijetModel.toy(8_000)).generate(3);
        Table sr = GeneratorStudy.SIGNAL_REGION.inside(data);
        Table sb = GeneratorStudy.SIGNAL_REGION.sidebands(data, 0);
        var f = DijetGenerator.FEATURES;
        ConditionalDensity d = ConditionalDensity.fit(sb.toRows(f), sb.column("mjj"), new FlowSettings(2, 8, true, 3e-3, 256, 2, 2, 0.2, false), 4,
                "test flow");
        MassKde kde = MassKde.scott(sr.column("mjj"));
        Cathode.Samples a = Cathode.sample(d, kde, 500, 3.3, 3.7, 11);
        Cathode.Samples b = Cathode.sample(d, kde, 500, 3.3, 3.7, 11);
        Cathode.Samples c = Cathode.sample(d, kde, 500, 3.3, 3.7, 12);
        assertEquals(500, a.x().length, 5);
        assertTrue(java.util.Arrays.deepEquals(a.x(), b.x()) && java.util.Arrays.equals(a.m(), b.m()), "same seed, same samples");
        assertTrue(!java.util.Arrays.equals(a.m(), c.m()), "another seed, other masses");
        for (double m : a.m()) assertTrue(m >= 3.3 && m < 3.7, "mass " + m);
    }

    @Test
    void emptyRegionsAreUserErrors() {
        CathodeSettings s = CathodeSettings.fast();
        assertThrows(UserException.class, () -> Cathode.run(new double[1][4], new double[1], new double[0][], new double[0], 3.3, 3.7, s, 1));
        assertThrows(UserException.class, () -> new CathodeSettings(FlowSettings.fast(), s.classifier(), 0, 4, 1));
    }
}
