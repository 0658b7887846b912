package org.anomalia.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.anomalia.data.Table;
import org.anomalia.events.app.ScoreAndJudge;
import org.anomalia.events.baselines.TwoSampleTraining;
import org.anomalia.events.classify.ClassifierTrainer;
import org.anomalia.events.classify.KFold;
import org.anomalia.events.method.FittedMethod;
import org.anomalia.events.method.Window;

/**
 * The run shared by the classifier baselines (idealized, supervised, CWoLa): check everything,
 * train a k-fold classifier of sample one against sample zero (with event weights), then score
 * --eval events with the fold ensemble, or sample one with its out-of-fold scores, and judge.
 */
final class TwoSampleCommand {
    /** A training sample and what it is called in messages ("data", "background", ...). */
    record Sample(String role, Table events) {
    }

    /** A window method fitted on its window. */
    record Fitted(Window window, FittedMethod method) {
    }

    private TwoSampleCommand() {
    }

    /** {@code eval} null: judge sample one out of fold. {@code extraSettings} go to metrics.json. */
    static void run(EventsInputs inputs, ClassifierOptions options, String command, String title, Sample one, Sample zero, Table eval,
            Map<String, Object> extraSettings) {
        run(inputs, options, command, title, one, zero, eval, extraSettings, null);
    }

    /**
     * {@code method}: when not null, the window method that trains sample one against sample zero
     * (CWoLa), given the features; it replaces the plain two-sample training.
     */
    static void run(EventsInputs inputs, ClassifierOptions options, String command, String title, Sample one, Sample zero, Table eval,
            Map<String, Object> extraSettings, Function<List<String>, Fitted> method) {
        List<String> features = inputs.features(one.events());
        for (String f : features) {
            zero.events().indexOf(f);
        }
        inputs.requireEnough(one.events(), one.role());
        inputs.requireEnough(zero.events(), zero.role());
        ClassifierTrainer trainer = options.trainer();
        ScoreAndJudge.Judging judging = options.judging();
        ScoreAndJudge.Target target = inputs.target(eval != null ? eval : one.events(), features);
        double[] oneWeights = inputs.weights(one.events());
        double[] zeroWeights = inputs.weights(zero.events());
        Map<String, Object> settings = options.settings(command);
        settings.put("features", features);
        inputs.describe(settings);
        settings.putAll(extraSettings);
        System.out.println("seed " + options.seed + "; " + one.events().rows() + " " + one.role() + " and " + zero.events().rows() + " "
                + zero.role() + " events; features " + features);
        if (method != null) {
            Fitted fitted = method.apply(features);
            double[] scores = eval != null ? fitted.method().score(eval) : fitted.method().dataScores(fitted.window().inRegion());
            ScoreAndJudge.write(options.out, title + (eval != null ? "" : " (out-of-fold scores of the " + one.role() + ")"), scores,
                    target, judging, settings);
            return;
        }
        KFold.Result r = TwoSampleTraining.run(one.events(), oneWeights, zero.events(), zeroWeights, features, trainer, options.folds,
                options.seed);
        if (eval != null) {
            ScoreAndJudge.ensemble(options.out, title, r, target, judging, settings);
        } else {
            double[] oof = Arrays.copyOf(r.outOfFold(), one.events().rows());
            ScoreAndJudge.write(options.out, title + " (out-of-fold scores of the " + one.role() + ")", oof, target, judging,
                    settings);
        }
    }
}
