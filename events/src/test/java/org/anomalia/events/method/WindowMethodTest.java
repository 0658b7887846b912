package org.anomalia.events.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.baselines.Baselines;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.events.classify.KFold;
import org.anomalia.events.classify.XgboostTrainer;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

/** The window contract gives exactly the numbers of the methods it wraps, row by row. */
class WindowMethodTest {
    static final SignalRegion SR = new SignalRegion("mjj", 3.3, 3.7);
    static final XgboostTrainer BDT = new XgboostTrainer(30, 3, 0.1, 10, 0.2, 1);

    @Test
    void cwolaScoresTrainingRowsOutOfFoldAndTheRestByTheEnsemble() {
        Table events = new DijetGenerator(DijetModel.toy(20_000).withSignalToBackground(0.05)).generate(3);
        Window w = new Window(events, SR, DijetGenerator.FEATURES);
        FittedMethod fitted = new CwolaMethod(BDT, 3, 0.2, null).fit(w, 7);
        KFold.Result direct = Baselines.cwola(events, SR, 0.2, DijetGenerator.FEATURES, BDT, 3, 7);
        int inSr = SR.inside(events).rows();
        // signal-region rows: the first inSr out-of-fold scores of the direct run, in data order
        assertArrayEquals(java.util.Arrays.copyOf(direct.outOfFold(), inSr), fitted.dataScores(w.inRegion()));
        // rows far from the window were never trained on: the fold ensemble
        double[] m = events.column("mjj");
        boolean[] far = new boolean[m.length];
        for (int i = 0; i < m.length; i++) far[i] = m[i] < 3.0 || m[i] >= 4.0;
        assertArrayEquals(direct.ensembleScore(events.filter(far).toFloatRows(DijetGenerator.FEATURES)), fitted.dataScores(far));
        // everything at once: the same numbers, interleaved in data order
        double[] all = fitted.dataScores(FittedMethod.all(events.rows()));
        double[] srScores = fitted.dataScores(w.inRegion());
        int k = 0;
        for (int i = 0; i < m.length; i++) {
            if (SR.contains(m[i])) assertEquals(srScores[k++], all[i]);
        }
        assertEquals(inSr, k);
    }

    @Test
    void idealizedNeedsItsBackgroundAndBumpHuntScoresZero() {
        Table events = new DijetGenerator(DijetModel.toy(5_000)).generate(1);
        Window w = new Window(events, SR, DijetGenerator.FEATURES);
        UserException e = assertThrows(UserException.class, () -> new IdealizedMethod(BDT, 2, null, null).fit(w, 1));
        assertTrue(e.getMessage().contains("--background"), e.getMessage());
        double[] s = new BumpHuntMethod().fit(w, 1).dataScores(w.inRegion());
        assertEquals(SR.inside(events).rows(), s.length);
        for (double v : s) assertEquals(0.0, v);
        List<WindowMethod> methods = List.of(new BumpHuntMethod(), new CwolaMethod(BDT, 2, 0.2, null));
        assertTrue(methods.stream().noneMatch(WindowMethod::hasBackgroundTemplate));
    }

    /**
     * The idealized detector's template is its pure-background sample in the window, scored out of
     * fold by the same k-fold run that scores the data; next to the window its "samples" are the
     * background sample's own events there, scored by the fold ensemble.
     */
    @Test
    void idealizedTemplateIsItsBackgroundScoredOutOfFold() {
        Table events = new DijetGenerator(DijetModel.toy(20_000).withSignalToBackground(0.05)).generate(3);
        Table background = new DijetGenerator(DijetModel.toy(40_000).withSignalToBackground(0)).generate(4);
        Window w = new Window(events, SR, DijetGenerator.FEATURES);
        IdealizedMethod method = new IdealizedMethod(BDT, 3, null, background);
        assertTrue(method.hasBackgroundTemplate());
        FittedMethod fitted = method.fit(w, 7);
        Table bgInSr = SR.inside(background);
        KFold.Result direct = Baselines.idealized(SR.inside(events), bgInSr, DijetGenerator.FEATURES, BDT, 3, 7);
        int inSr = SR.inside(events).rows();
        assertArrayEquals(java.util.Arrays.copyOfRange(direct.outOfFold(), inSr, inSr + bgInSr.rows()), fitted.templateScores());
        assertArrayEquals(java.util.Arrays.copyOf(direct.outOfFold(), inSr), fitted.dataScores(w.inRegion()));
        double[] m = background.column("mjj");
        boolean[] near = new boolean[m.length];
        for (int i = 0; i < m.length; i++) near[i] = m[i] >= 2.95 && m[i] <= 3.25;
        assertArrayEquals(direct.ensembleScore(background.filter(near).toFloatRows(DijetGenerator.FEATURES)),
                fitted.templateScoresAt(new double[] {3.1, 2.95, 3.25, 3.0}, 1));
    }
}
