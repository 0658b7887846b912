package org.anomalia.events.density;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.numerics.random.Seeds;
import org.anomalia.data.Table;
import org.anomalia.events.baselines.Baselines;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.KFold;
import org.anomalia.events.generate.DijetGenerator;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.events.generate.DijetShape;
import org.anomalia.events.metrics.Metrics;
import org.anomalia.events.metrics.Roc;

/**
 * CATHODE beside the idealized anomaly detector, ANODE and CWoLa hunting on events from the
 * LHCO-like generator, all judged on one independent labelled evaluation set in the signal
 * region (as evaldata_test is for the real events). The data: {@code backgroundEvents} QCD events
 * over the whole mjj range with a resonance at the given S/B in the signal region; the idealized
 * detector's pure-background sample: the signal region of an independent background-only sample
 * of the same size.
 */
public final class GeneratorStudy {
    public static final SignalRegion SIGNAL_REGION = new SignalRegion("mjj", 3.3, 3.7);

    /**
     * @param backgroundEvents QCD events in the data set (whole mjj range)
     * @param signalToBackground S/B of the injection in the signal region
     * @param evaluationBackground QCD events (whole range) behind the evaluation set, which also
     *                             holds half as many signal events as background in the SR
     * @param cathode CATHODE settings (its classifier is also the baselines' classifier)
     * @param anodeFlow settings of ANODE's two flows; null = skip ANODE
     * @param sidebandWidth width of each sideband the flows learn from (≤ 0: the whole range outside the
     *                      signal region, as CATHODE does)
     * @param cwolaSidebandWidth width of each CWoLa sideband next to the signal region; ≤ 0 = skip CWoLa
     * @param shape the generator's jets (data, pure background and evaluation events alike)
     */
    public record Settings(int backgroundEvents, double signalToBackground, int evaluationBackground, CathodeSettings cathode,
            FlowSettings anodeFlow, double sidebandWidth, double cwolaSidebandWidth, RanodeSettings ranode, boolean lacathode,
            DijetShape shape) {
        /** Without R-ANODE and LaCATHODE, on the calibrated generator. */
        public Settings(int backgroundEvents, double signalToBackground, int evaluationBackground, CathodeSettings cathode,
                FlowSettings anodeFlow, double sidebandWidth, double cwolaSidebandWidth) {
            this(backgroundEvents, signalToBackground, evaluationBackground, cathode, anodeFlow, sidebandWidth, cwolaSidebandWidth, null, false,
                    DijetShape.LHCO);
        }

        /** With R-ANODE (its signal flow settings; its background is CATHODE's flow) and LaCATHODE (on CATHODE's flow). */
        public Settings withResidualAndLatent(RanodeSettings r, boolean latent) {
            return new Settings(backgroundEvents, signalToBackground, evaluationBackground, cathode, anodeFlow, sidebandWidth, cwolaSidebandWidth, r,
                    latent, shape);
        }

        /** On the generator with these jets. */
        public Settings withShape(DijetShape s) {
            return new Settings(backgroundEvents, signalToBackground, evaluationBackground, cathode, anodeFlow, sidebandWidth, cwolaSidebandWidth,
                    ranode, lacathode, s);
        }
    }

    /**
     * One method's metrics on the evaluation set and its wall time (for CATHODE: the sideband
     * flow, which all classifiers share, plus this classifier's sampling and training).
     *
     * @param classifier the classifier's name; "-" for ANODE, which has none
     * @param flowSeconds of {@code seconds}, the sideband flow's share (CATHODE; 0 for the others)
     */
    public record MethodResult(String method, String classifier, Metrics metrics, double seconds, double flowSeconds) {
        MethodResult withFlowSeconds(double f) {
            return new MethodResult(method, classifier, metrics, seconds, f);
        }
    }

    /** The events a study runs on. */
    public record Events(Table data, Table signalRegion, Table sidebands, Table pureBackground, Table evaluation) {}

    private GeneratorStudy() {}

    public static Events events(Settings s, long seed) {
        DijetModel model = DijetModel.lhcoLike(s.backgroundEvents()).withShape(s.shape()).withSignalToBackground(s.signalToBackground());
        Table data = new DijetGenerator(model).generate(seed);
        Table pure = SIGNAL_REGION.inside(new DijetGenerator(model.withSignalToBackground(0)).generate(Seeds.derive(seed, "pure background")));
        Table eval = SIGNAL_REGION.inside(new DijetGenerator(DijetModel.lhcoLike(s.evaluationBackground()).withShape(s.shape()).withSignalToBackground(0.5))
                .generate(Seeds.derive(seed, "evaluation events")));
        return new Events(data, SIGNAL_REGION.inside(data), SIGNAL_REGION.sidebands(data, s.sidebandWidth()), pure, eval);
    }

    /** All methods with the settings' classifier. */
    public static List<MethodResult> run(Settings s, long seed) {
        return run(s, List.of(s.cathode().classifier()), seed);
    }

    /**
     * All methods, the classifier-based ones once per given classifier on the same events and
     * seeds; CATHODE's sideband flow is trained once and shared (so its samples are the same too,
     * and the classifiers are compared pairwise).
     */
    public static List<MethodResult> run(Settings s, List<ClassifierTrainer> classifiers, long seed) {
        if (classifiers.isEmpty()) throw new IllegalArgumentException("no classifier given");
        Events ev = events(s, seed);
        List<String> f = DijetGenerator.FEATURES;
        double[][] evalX = ev.evaluation().toRows(f);
        double[] evalM = ev.evaluation().column("mjj");
        int[] labels = ev.evaluation().labels("label");
        // S0 and B0: the data's own signal-region counts (the evaluation set's signal share is artificial)
        double[] srLabels = ev.signalRegion().column("label");
        double s0 = 0;
        for (double l : srLabels) s0 += l;
        double b0 = srLabels.length - s0;
        List<MethodResult> out = new ArrayList<>();
        int folds = s.cathode().folds();
        float[][] evalRows = Cathode.floats(evalX);

        for (ClassifierTrainer clf : classifiers) {
            long t0 = System.nanoTime();
            KFold.Result ideal = Baselines.idealized(ev.signalRegion(), ev.pureBackground(), f, clf, folds, Seeds.derive(seed, "idealized"));
            out.add(result("idealized", clf.name(), ideal.ensembleScore(evalRows), labels, s0, b0, t0));
        }

        long t0 = System.nanoTime();
        ConditionalDensity flow = ConditionalDensity.fit(ev.sidebands().toRows(f), ev.sidebands().column("mjj"), s.cathode().flow(),
                Seeds.derive(seed, "cathode"), "CATHODE sideband flow");
        double flowSeconds = (System.nanoTime() - t0) * 1e-9;
        for (ClassifierTrainer clf : classifiers) {
            t0 = System.nanoTime();
            Cathode.Result cathode = Cathode.classify(flow, ev.signalRegion().toRows(f), ev.signalRegion().column("mjj"), SIGNAL_REGION.low(),
                    SIGNAL_REGION.high(), s.cathode().withClassifier(clf), Seeds.derive(seed, "cathode"));
            double[] scores = cathode.score(evalX);
            out.add(result("cathode", clf.name(), scores, labels, s0, b0, t0 - (long) (flowSeconds * 1e9)).withFlowSeconds(flowSeconds));
            if (cathode.runs().size() > 1) {
                // each run alone, to see what averaging the runs gains (seconds: its share of the classify time)
                double share = (System.nanoTime() - t0) * 1e-9 / cathode.runs().size();
                for (int r = 0; r < cathode.runs().size(); r++) {
                    double[] one = cathode.runs().get(r).ensembleScore(evalRows);
                    MethodResult m = result("cathode run " + (r + 1), clf.name(), one, labels, s0, b0, System.nanoTime());
                    out.add(new MethodResult(m.method(), m.classifier(), m.metrics(), flowSeconds + share, flowSeconds));
                }
            }
        }

        double[][] srX = ev.signalRegion().toRows(f);
        double[] srM = ev.signalRegion().column("mjj");
        if (s.lacathode()) {
            // on CATHODE's flow and with CATHODE's seed: the two differ only in where the classifier looks
            for (ClassifierTrainer clf : classifiers) {
                t0 = System.nanoTime();
                LaCathode.Result la = LaCathode.classify(flow, srX, srM, s.cathode().withClassifier(clf), Seeds.derive(seed, "cathode"));
                out.add(result("lacathode", clf.name(), la.score(evalX, evalM), labels, s0, b0, t0).withFlowSeconds(flowSeconds));
            }
        }
        if (s.ranode() != null) {
            t0 = System.nanoTime();
            Ranode r = Ranode.fit(srX, flow.logDensity(srX, srM), s.ranode(), Seeds.derive(seed, "ranode signal flow"));
            double truth = s0 / (s0 + b0);
            System.out.println(r.describeStarts());
            MethodResult m = result("ranode", String.format(java.util.Locale.ROOT, "w=%.5f (true %.5f, start %d/%d)", r.signalFraction(), truth,
                    r.keptStart() + 1, r.starts().size()),
                    r.score(evalX, flow.logDensity(evalX, evalM)), labels, s0, b0, t0);
            out.add(m.withFlowSeconds(flowSeconds));
        }

        if (s.anodeFlow() != null) {
            t0 = System.nanoTime();
            ConditionalDensity sr = ConditionalDensity.fit(ev.signalRegion().toRows(f), ev.signalRegion().column("mjj"), s.anodeFlow(),
                    Seeds.derive(seed, "anode signal region"), "ANODE signal-region flow");
            // the sideband density is CATHODE's when the settings agree: no need to learn it twice
            ConditionalDensity sb = s.anodeFlow().equals(s.cathode().flow()) ? flow
                    : ConditionalDensity.fit(ev.sidebands().toRows(f), ev.sidebands().column("mjj"), s.anodeFlow(), Seeds.derive(seed, "anode sidebands"),
                            "ANODE sideband flow");
            out.add(result("anode", "-", new Anode(sr, sb).score(evalX, evalM), labels, s0, b0, t0));
        }
        if (s.cwolaSidebandWidth() > 0) {
            for (ClassifierTrainer clf : classifiers) {
                t0 = System.nanoTime();
                KFold.Result cwola = Baselines.cwola(ev.data(), SIGNAL_REGION, s.cwolaSidebandWidth(), f, clf, folds, Seeds.derive(seed, "cwola"));
                out.add(result("cwola", clf.name(), cwola.ensembleScore(evalRows), labels, s0, b0, t0));
            }
        }
        return out;
    }

    /** Metrics of the scores; seconds since t0 (System.nanoTime). */
    private static MethodResult result(String name, String classifier, double[] scores, int[] labels, double s0, double b0, long t0) {
        Metrics m = Metrics.of(Roc.of(scores, labels), Roc.DEFAULT_FPR_FLOOR, s0, b0);
        return new MethodResult(name, classifier, m, (System.nanoTime() - t0) * 1e-9, 0);
    }
}
