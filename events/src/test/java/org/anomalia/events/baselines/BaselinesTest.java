package org.anomalia.events.baselines;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.events.classify.KFold;
import org.anomalia.events.classify.XgboostTrainer;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.metrics.Roc;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

/** The baselines find a large injected signal in generated events; bad set-ups are user errors. */
class BaselinesTest {
    static final SignalRegion SR = new SignalRegion("mjj", 3.3, 3.7);
    static final XgboostTrainer BDT = new XgboostTrainer(100, 4, 0.1, 10, 0.2, 1);

    @Test
    void idealizedAndCwolaFindAnInjectedSignal() {
        DijetModel model = DijetModel.toy(120_000).withSignalToBackground(0.1);
        Table events = new DijetGenerator(model).generate(11);
        Table background = SR.inside(new DijetGenerator(model.withSignalToBackground(0)).generate(12));
        Table evaluation = SR.inside(new DijetGenerator(DijetModel.toy(60_000).withSignalToBackground(0.2)).generate(13));
        float[][] evalRows = evaluation.toFloatRows(DijetGenerator.FEATURES);
        int[] evalLabels = evaluation.labels("label");

        KFold.Result ideal = Baselines.idealized(SR.inside(events), background, DijetGenerator.FEATURES, BDT, 1, 1);
        Roc idealRoc = Roc.of(ideal.ensembleScore(evalRows), evalLabels);
        assertTrue(idealRoc.auc() > 0.85, "idealized AUC " + idealRoc.auc());
        assertTrue(idealRoc.maxSic(1e-3) > 5, "idealized max SIC " + idealRoc.maxSic(1e-3));

        KFold.Result cwola = Baselines.cwola(events, SR, 0.4, DijetGenerator.FEATURES, BDT, 1, 1);
        Roc cwolaRoc = Roc.of(cwola.ensembleScore(evalRows), evalLabels);
        assertTrue(cwolaRoc.auc() > 0.75, "CWoLa AUC " + cwolaRoc.auc());

        // without signal a classifier finds nothing: AUC near 1/2 on the labelled evaluation set
        Table noSignal = new DijetGenerator(model.withSignalToBackground(0)).generate(14);
        KFold.Result none = Baselines.idealized(SR.inside(noSignal), background, DijetGenerator.FEATURES, BDT, 1, 1);
        double aucNone = Roc.of(none.ensembleScore(evalRows), evalLabels).auc();
        assertTrue(Math.abs(aucNone - 0.5) < 0.1, "no-signal AUC " + aucNone);
    }

    @Test
    void badSetUpsAreUserErrors() {
        Table events = new DijetGenerator(DijetModel.toy(2000)).generate(1);
        assertThrows(UserException.class, () -> Baselines.cwola(events, SR, 0.2, List.of("mjj", "mj1"), BDT, 1, 1));
        assertThrows(UserException.class, () -> new SignalRegion("mjj", 7.0, 8.0).inside(events));
        assertThrows(UserException.class, () -> new SignalRegion("mjj", 3.7, 3.3));
        UserException misspelt = assertThrows(UserException.class, () -> new SignalRegion("mj", 3.3, 3.7).inside(events));
        assertTrue(misspelt.getMessage().contains("available columns: mjj, mj1"), misspelt.getMessage());
        Table empty = events.filter(new boolean[events.rows()]);
        assertThrows(UserException.class,
                () -> Baselines.idealized(empty, events, DijetGenerator.FEATURES, BDT, 1, 1));
    }
}
